// Reports for any range, the quarterly staff appraisal, committed cases, and CSV
// exports that open correctly in Excel (UTF-8 with BOM, Chinese headers).
import type { Router, Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { quarterNamed, quarterOf } from '../../shared/core/appraisal.ts';
import { appraisalQuery } from '../../shared/schemas.ts';
import type { Hall } from '../hall.ts';
import type { Queries } from '../queries.ts';
import { authed } from './access.ts';
import { routesOn } from './route.ts';
import { dateRange } from './stats.ts';
import { parse } from './validate.ts';

/** Formula-looking text from villagers must stay text in Excel (CSV injection). */
const safe = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

export function sendCsv(res: Response, name: string, rows: unknown[][]): void {
  const body = '\uFEFF' + stringify(rows.map((r) => r.map(safe)), { record_delimiter: 'windows' });
  res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).send(body);
}

/** Registers its routes on `r`, the one API router. */
export function reportRoutes(r: Router, hall: Hall, queries: Queries): void {
  const on = routesOn(r, hall);

  on('reports', async (_in, req) => queries.report(dateRange(hall, req.query)));

  /** `?quarter=2026Q4`, or `from`/`to`, or the current quarter. */
  const appraisalRange = (query: unknown) => {
    const q = parse(appraisalQuery, query);
    const { from: qFrom, to: qTo } = query as { from?: string; to?: string };
    if (q.quarter) return quarterNamed(q.quarter);
    if (qFrom || qTo) return { ...dateRange(hall, query), label: '' };
    return quarterOf(hall.today());
  };

  on('appraisal', async (_in, req) => queries.appraisal(appraisalRange(req.query)));

  on('exportCsv', async ({ query }, req, res) => {
    const { kind } = query;
    const { filename, rows } = await queries.csv(kind, kind === 'appraisal' ? appraisalRange(req.query) : dateRange(hall, req.query));
    sendCsv(res, filename, rows);
  });

  on('commitments', async ({ query }) => queries.commitments(query.status ?? 'open'));

  on('deliver', async ({ params, body }, _req, res) => {
    const { session } = authed(res);
    const counterId = session.role === 'clerk' ? session.counterId : null;
    await hall.run({ type: 'deliver', ticketId: params.ticketId, userId: session.userId, counterId, ...(body.note !== undefined && { note: body.note }) });
    return queries.commitment(params.ticketId);
  });

}
