// Reports for any range, the quarterly staff appraisal, committed cases, and CSV
// exports that open correctly in Excel (UTF-8 with BOM, Chinese headers).
import { Router, type Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { quarterNamed, quarterOf } from '../../shared/core/appraisal.ts';
import type { Hall } from '../hall.ts';
import type { Queries } from '../queries.ts';
import { authed, requireRole } from './access.ts';
import { dateRange } from './stats.ts';
import { parse } from './validate.ts';

/** Formula-looking text from villagers must stay text in Excel (CSV injection). */
const safe = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

function sendCsv(res: Response, name: string, rows: unknown[][]): void {
  const body = '\uFEFF' + stringify(rows.map((r) => r.map(safe)), { record_delimiter: 'windows' });
  res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).send(body);
}

const exportQuery = z.object({ kind: z.enum(['summary', 'tickets', 'appraisal', 'followups']) });
const appraisalQuery = z.object({ quarter: z.string().regex(/^\d{4}Q[1-4]$/, '季度格式应为 2026Q4').optional() });
const deliverBody = z.object({ note: z.string().max(500).optional() });
const commitmentQuery = z.object({ status: z.enum(['open', 'overdue', 'all']).optional() });

export function reportRoutes(hall: Hall, queries: Queries): Router {
  const r = Router();
  const supervisor = requireRole(hall, ['supervisor', 'admin']);
  const staff = requireRole(hall, ['clerk', 'supervisor', 'admin']);

  r.get('/reports', supervisor, async (req, res) => {
    res.json(await queries.report(dateRange(hall, req.query)));
  });

  /** `?quarter=2026Q4`, or `from`/`to`, or the current quarter. */
  const appraisalRange = (query: unknown) => {
    const q = parse(appraisalQuery, query);
    const { from: qFrom, to: qTo } = query as { from?: string; to?: string };
    if (q.quarter) return quarterNamed(q.quarter);
    if (qFrom || qTo) return { ...dateRange(hall, query), label: '' };
    return quarterOf(hall.today());
  };

  r.get('/reports/appraisal', supervisor, async (req, res) => {
    res.json(await queries.appraisal(appraisalRange(req.query)));
  });

  r.get('/reports/export.csv', supervisor, async (req, res) => {
    const { kind } = parse(exportQuery, req.query);
    const { filename, rows } = await queries.csv(kind, kind === 'appraisal' ? appraisalRange(req.query) : dateRange(hall, req.query));
    sendCsv(res, filename, rows);
  });

  r.get('/commitments', staff, async (req, res) => {
    res.json(await queries.commitments(parse(commitmentQuery, req.query).status ?? 'open'));
  });

  r.post('/commitments/:ticketId/deliver', staff, async (req, res) => {
    const b = parse(deliverBody, req.body);
    await hall.run({ type: 'deliver', ticketId: String(req.params.ticketId), userId: authed(res).session.userId, ...(b.note !== undefined && { note: b.note }) });
    res.json(await queries.commitment(String(req.params.ticketId)));
  });

  return r;
}
