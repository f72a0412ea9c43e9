// Reports for any range, the quarterly staff appraisal, committed cases, and CSV
// exports that open correctly in Excel (UTF-8 with BOM, Chinese headers).
import { Router, type Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { appraisal, quarterOf, type AppraisalReply } from '../../shared/core/appraisal.ts';
import { dayNames } from '../../shared/core/commands.ts';
import { commitmentOverdue } from '../../shared/core/due.ts';
import { maskPhone } from '../../shared/core/ratingStats.ts';
import { dayFacts, ReportBuilder, type DayFacts, type Report, type ReportReply, type ReportRow } from '../../shared/core/reports.ts';
import { serviceById } from '../../shared/core/state.ts';
import type { CommitmentView, CommittedFigures, HallData, Ticket } from '../../shared/types.ts';
import type { Hall } from '../hall.ts';
import type { Archive } from '../store/archive.ts';
import { authed, requireRole } from './access.ts';
import { dateRange, ticketsBetween } from './stats.ts';
import { parse } from './validate.ts';

const STATUS = { waiting: '等候中', called: '已呼叫', serving: '办理中', done: '已办结', no_show: '过号', cancelled: '作废（当日未办）' } as const;
const OUTCOME = { immediate: '即办', committed: '承诺件', forwarded: '上报件', refused: '不予受理' } as const;
const LEVEL = ['', '非常不满意', '不满意', '基本满意', '满意', '非常满意'];
const CHANNEL = { kiosk: '取号机', phone: '手机', pad: '评价器', api: '接口' } as const;

/** Day facts for every day in range: archived days from their cache, today from memory. */
export async function factsBetween(hall: Hall, archive: Archive, from: string, to: string): Promise<DayFacts[]> {
  const out: DayFacts[] = [];
  const names = dayNames(hall.data);
  for (const day of await archive.days()) {
    if (day < from || day > to) continue;
    const f = await archive.facts(day, names); // one small file per await: the event loop breathes
    if (f) out.push(f);
  }
  const live = hall.data.today.day;
  if (live >= from && live <= to) {
    out.push(await hall.read((d) => dayFacts({ day: live, tickets: Object.values(d.tickets), signIns: d.signIns, names }, names)));
  }
  return out;
}

export async function buildReport(hall: Hall, archive: Archive, from: string, to: string): Promise<ReportReply> {
  const b = new ReportBuilder(from, to);
  for (const f of await factsBetween(hall, archive, from, to)) b.addDay(f);
  return { ...b.build(), committed: committedFigures(hall.data, from, to, hall.today()) };
}

function committedFigures(d: HallData, from: string, to: string, day: string): CommittedFigures {
  const inRange = d.commitments.filter((c) => c.day >= from && c.day <= to);
  const open = inRange.filter((c) => !c.deliveredAt);
  return { total: inRange.length, delivered: inRange.length - open.length, open: open.length, overdue: open.filter((c) => commitmentOverdue(c, day)).length };
}

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

export function reportRoutes(hall: Hall, archive: Archive): Router {
  const r = Router();
  const supervisor = requireRole(hall, ['supervisor', 'admin']);
  const staff = requireRole(hall, ['clerk', 'supervisor', 'admin']);

  r.get('/reports', supervisor, async (req, res) => {
    const { from, to } = dateRange(hall, req.query);
    res.json(await buildReport(hall, archive, from, to));
  });

  /** `?quarter=2026Q4`, or `from`/`to`, or the current quarter. */
  const appraisalRange = (query: unknown) => {
    const q = parse(appraisalQuery, query);
    const { from: qFrom, to: qTo } = query as { from?: string; to?: string };
    if (q.quarter) {
      const [y, n] = q.quarter.split('Q');
      return quarterOf(`${y}-${String((Number(n) - 1) * 3 + 1).padStart(2, '0')}-01`);
    }
    if (qFrom || qTo) return { ...dateRange(hall, query), label: '' };
    return quarterOf(hall.today());
  };

  r.get('/reports/appraisal', supervisor, async (req, res) => {
    const { from, to, label } = appraisalRange(req.query);
    const days = await factsBetween(hall, archive, from, to);
    const reply: AppraisalReply = { from, to, label: label || `${from} 至 ${to}`, rows: appraisal(days, hall.data.followUps, hall.data.users, hall.data.settings, from, to, hall.today()) };
    res.json(reply);
  });

  r.get('/reports/export.csv', supervisor, async (req, res) => {
    const { kind } = parse(exportQuery, req.query);
    if (kind === 'appraisal') {
      const { from, to, label } = appraisalRange(req.query);
      const rows = appraisal(await factsBetween(hall, archive, from, to), hall.data.followUps, hall.data.users, hall.data.settings, from, to, hall.today());
      return sendCsv(res, `综合测评_${from}_${to}.csv`, [
        [`综合测评 ${label || `${from} 至 ${to}`}`],
        ['名次', '姓名', '工号', '办结件数', '平均办理时长(分钟)', '评价数', '满意率', '差评数', '差评已回访', '差评已办结', '签到半天数', '应签到半天数', '出勤率'],
        ...rows.map((x) => [x.rank, x.name, x.staffNo, x.served, x.avgServiceMin, x.rated, pct(x.satisfiedRate), x.bad, x.badCalledBack, x.badClosed, x.halfDays, x.expectedHalfDays, pct(x.attendanceRate)]),
      ]);
    }
    const { from, to } = dateRange(hall, req.query);
    if (kind === 'summary') return sendCsv(res, `统计报表_${from}_${to}.csv`, summaryCsv(await buildReport(hall, archive, from, to)));
    if (kind === 'followups') {
      const list = hall.data.followUps.filter((f) => f.day >= from && f.day <= to);
      const name = (id: string | null) => (id ? (hall.data.users.find((u) => u.id === id)?.name ?? id) : '');
      return sendCsv(res, `差评回访_${from}_${to}.csv`, [
        ['日期', '号码', '业务', '窗口', '工作人员', '评价', '原因', '意见', '联系电话', '回访期限', '回访记录', '整改/解释', '办结时间'],
        ...list.map((f) => [
          f.day, f.number, serviceById(hall.data, f.serviceId)?.name ?? f.serviceId, f.counterId ?? '', name(f.clerkId), LEVEL[f.level], f.reasons.join('；'), f.comment ?? '',
          maskPhone(f.phone), f.dueDate, f.callBacks.map((c) => `${c.at.slice(0, 16).replace('T', ' ')} ${c.reached ? '已联系' : '未联系上'}：${c.note}`).join('；'),
          f.resolution ? `${f.resolution.kind === 'fix' ? '整改' : '解释'}：${f.resolution.note}` : '', f.closedAt?.slice(0, 16).replace('T', ' ') ?? '',
        ]),
      ]);
    }
    const tickets = await ticketsBetween(hall, archive, from, to);
    return sendCsv(res, `取号明细_${from}_${to}.csv`, ticketLog(hall.data, tickets));
  });

  r.get('/commitments', staff, async (req, res) => {
    const status = parse(commitmentQuery, req.query).status ?? 'open';
    const day = hall.today();
    res.json(
      await hall.read((d) =>
        d.commitments
          .filter((c) => status === 'all' || (status === 'open' ? !c.deliveredAt : commitmentOverdue(c, day)))
          .map((c): CommitmentView => ({ ...c, overdue: commitmentOverdue(c, day), serviceName: serviceById(d, c.serviceId)?.name ?? c.serviceId }))
          .reverse(),
      ),
    );
  });

  r.post('/commitments/:ticketId/deliver', staff, async (req, res) => {
    const b = parse(deliverBody, req.body);
    await hall.run({ type: 'deliver', ticketId: String(req.params.ticketId), userId: authed(res).session.userId, ...(b.note !== undefined && { note: b.note }) });
    res.json(hall.data.commitments.find((c) => c.ticketId === req.params.ticketId));
  });

  return r;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function summaryCsv(rep: ReportReply): unknown[][] {
  const head = ['名称', '取号', '办结', '过号', '转办', '平均等候(分钟)', '等候中位数', '等候90%分位', '最长等候', '平均办理(分钟)', '办理中位数', '办理90%分位', '最长办理', '评价数', '满意率'];
  const row = (x: ReportRow) => [x.name, x.taken, x.served, x.noShows, x.transferred, x.wait.avgMin, x.wait.p50Min, x.wait.p90Min, x.wait.maxMin, x.service.avgMin, x.service.p50Min, x.service.p90Min, x.service.maxMin, x.rated, pct(x.satisfiedRate)];
  return [
    [`统计报表 ${rep.from} 至 ${rep.to}`],
    ['取号', rep.totals.taken, '办结', rep.totals.served, '过号', rep.totals.noShows, '转办', rep.totals.transferred, '作废', rep.totals.cancelled],
    ['即办', rep.outcomes.immediate, '承诺件', rep.outcomes.committed, '上报件', rep.outcomes.forwarded, '不予受理', rep.outcomes.refused, '承诺件超期未办结', rep.committed.overdue],
    ['评价数', rep.satisfaction.count, '满意率', pct(rep.satisfaction.satisfiedRate)],
    [],
    ['按业务'], head, ...rep.byService.map(row),
    [],
    ['按窗口'], head, ...rep.byCounter.map(row),
    [],
    ['按工作人员'], head, ...rep.byClerk.map(row),
    [],
    ['按时段'], head, ...rep.byHour.map(row),
  ];
}

function ticketLog(d: HallData, tickets: Ticket[]): unknown[][] {
  const name = (id?: string) => (id ? (d.users.find((u) => u.id === id)?.name ?? id) : '');
  const time = (iso?: string) => (iso ? iso.slice(11, 19) : '');
  const minutes = (a?: string, b?: string) => (a && b ? Math.round((Date.parse(b) - Date.parse(a)) / 6000) / 10 : '');
  return [
    ['日期', '号码', '业务', '优先', '取号时间', '首次叫号', '开始办理', '办结时间', '状态', '窗口', '工作人员', '首问人员', '办结方式', '承诺办结日期', '备注/理由', '转办', '等候(分钟)', '办理(分钟)', '评价', '评价原因', '评价渠道'],
    ...tickets.map((t) => [
      t.day, t.number, serviceById(d, t.serviceId)?.name ?? t.serviceId, t.priority ? '是' : '', time(t.takenAt), time(t.calledAt), time(t.startedAt), time(t.finishedAt),
      STATUS[t.status], t.counterId ?? '', name(t.clerkId), name(t.firstClerkId), t.outcome ? OUTCOME[t.outcome] : '', t.dueDate ?? '', t.note ?? '',
      (t.transfers ?? []).map((x) => `${serviceById(d, x.from)?.name ?? x.from}→${serviceById(d, x.to)?.name ?? x.to}`).join('；'),
      minutes(t.takenAt, t.calledAt), t.status === 'done' ? minutes(t.startedAt ?? t.lastCalledAt, t.finishedAt) : '',
      t.rating ? LEVEL[t.rating.level] : '', t.rating?.reasons.join('；') ?? '', t.rating ? CHANNEL[t.rating.channel] : '',
    ]),
  ];
}

