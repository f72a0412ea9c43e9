// GET /api/county/report and its CSV (UTF-8 with BOM, Chinese headers, as the hall's
// exports: same encoder, server/http/reports.ts `sendCsv`).
import type { Kysely } from 'kysely';
import { sendCsv } from '../server/http/reports.ts';
import type { CountyReport, ReportFigures } from '../shared/county/types.ts';
import type { DB } from './db/schema.ts';
import type { countyOn } from './http/route.ts';
import type { Mirrors } from './mirror.ts';
import { Reports } from './reports.ts';

const pct = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(1)}%`);
const min = (x: number) => x.toFixed(1);

const HEAD = ['排名', '大厅', '业务', '取号', '办结', '过号', '平均等候(分钟)', '90%等候(分钟)', '评价数', '满意率', '差评', '差评回访', '按期回访', '回访超期', '回访按期率', '承诺件', '按期办结', '承诺件超期', '承诺件按期率'];

function cells(f: ReportFigures, rated: boolean): unknown[] {
  return [
    f.taken,
    f.served,
    f.noShows,
    min(f.avgWaitMin),
    min(f.p90WaitMin),
    f.ratings,
    rated ? pct(f.satisfiedRate) : '',
    f.badRatings,
    f.followUps,
    f.followUpsOnTime,
    f.followUpsOverdue,
    pct(f.followUpsOnTimeRate),
    f.committed,
    f.committedOnTime,
    f.committedOverdue,
    pct(f.committedOnTimeRate),
  ];
}

/** Each hall's total row, then its businesses; a blank where nothing was rated. */
export function reportTable(r: CountyReport): { filename: string; rows: unknown[][] } {
  const rows: unknown[][] = [[`全县服务大厅报表 ${r.from} 至 ${r.to}`], HEAD];
  for (const h of r.rows) {
    rows.push([h.rank, h.hallName, '合计', ...cells(h, h.ratings > 0)]);
    for (const s of h.byService) rows.push(['', h.hallName, s.serviceName, ...cells(s, s.ratings > 0)]);
  }
  return { filename: `全县报表_${r.from}_${r.to}.csv`, rows };
}

export function reportRoutes(on: ReturnType<typeof countyOn>, db: Kysely<DB>, mirrors: Mirrors): Reports {
  const reports = new Reports(db, mirrors);
  on('report', ({ query }) => reports.report(query.from, query.to));
  on('reportCsv', async ({ query }, _req, res) => {
    const t = reportTable(await reports.report(query.from, query.to));
    sendCsv(res, t.filename, t.rows);
  });
  return reports;
}
