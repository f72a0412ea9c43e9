// The tables behind the CSV exports, laid out for a supervisor opening them in Excel:
// Chinese headers and labels, minutes rather than seconds, contact numbers masked.
// Pure; the HTTP edge encodes them (BOM, quoting, formula-looking text kept as text).
import type { FollowUp, HallData, Ticket } from '../types.ts';
import type { AppraisalReply } from './appraisal.ts';
import { maskPhone } from './ratingStats.ts';
import type { ReportReply, ReportRow, Summary } from './reports.ts';
import { serviceById } from './state.ts';
import { minutesBetween } from './time.ts';

export type ExportKind = 'summary' | 'tickets' | 'appraisal' | 'followups';

export interface CsvTable {
  filename: string;
  rows: unknown[][];
}

const STATUS = { waiting: '等候中', called: '已呼叫', serving: '办理中', done: '已办结', no_show: '过号', cancelled: '作废（当日未办）' } as const;
export const OUTCOME = { immediate: '即办', committed: '承诺件', forwarded: '上报件', refused: '不予受理' } as const;
const LEVEL = ['', '非常不满意', '不满意', '基本满意', '满意', '非常满意'];
const CHANNEL = { kiosk: '取号机', phone: '手机', pad: '评价器', api: '接口' } as const;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
/**
 * A figure with nothing behind it (no visit timed, nobody rated, no half-day due) is left
 * blank: a 0 or 0.0% would read as a measured result, and Excel keeps a blank cell out of
 * its averages.
 */
const BLANK = '';
const rate = (x: number, of: number) => (of ? pct(x) : BLANK);
const mins = (s: Summary, k: keyof Omit<Summary, 'count'>) => (s.count ? s[k] : BLANK);
const userName = (d: HallData, id: string | null | undefined) => (id ? (d.users.find((u) => u.id === id)?.name ?? id) : '');
/** A window as people say it: its name (1号窗口), not its id. */
const counterName = (d: HallData, id: string | null | undefined) => (id ? (d.counters.find((c) => c.id === id)?.name ?? `${id}号窗口`) : '');

export function appraisalTable(a: AppraisalReply): CsvTable {
  return {
    filename: `综合测评_${a.from}_${a.to}.csv`,
    rows: [
      [`综合测评 ${a.label}`],
      ['名次', '姓名', '工号', '办结件数', '平均办理时长(分钟)', '评价数', '满意率', '差评数', '差评已回访', '差评已办结', '签到半天数', '应签到半天数', '出勤率'],
      ...a.rows.map((x) => [
        x.rank, x.name, x.staffNo, x.served, x.served ? x.avgServiceMin : BLANK, x.rated, rate(x.satisfiedRate, x.rated), x.bad,
        x.bad ? x.badCalledBack : BLANK, x.bad ? x.badClosed : BLANK, x.halfDays, x.expectedHalfDays || BLANK, rate(x.attendanceRate, x.expectedHalfDays),
      ]),
    ],
  };
}

export function summaryTable(rep: ReportReply): CsvTable {
  const head = ['名称', '取号', '办结', '过号', '转办', '平均等候(分钟)', '等候中位数', '等候90%分位', '最长等候', '平均办理(分钟)', '办理中位数', '办理90%分位', '最长办理', '评价数', '满意率'];
  const row = (x: ReportRow) => [
    x.name, x.taken, x.served, x.noShows, x.transferred, mins(x.wait, 'avgMin'), mins(x.wait, 'p50Min'), mins(x.wait, 'p90Min'), mins(x.wait, 'maxMin'),
    mins(x.service, 'avgMin'), mins(x.service, 'p50Min'), mins(x.service, 'p90Min'), mins(x.service, 'maxMin'), x.rated, rate(x.satisfiedRate, x.rated),
  ];
  return {
    filename: `统计报表_${rep.from}_${rep.to}.csv`,
    rows: [
      [`统计报表 ${rep.from} 至 ${rep.to}`],
      ['取号', rep.totals.taken, '办结', rep.totals.served, '过号', rep.totals.noShows, '转办', rep.totals.transferred, '作废', rep.totals.cancelled],
      ['即办', rep.outcomes.immediate, '承诺件', rep.outcomes.committed, '上报件', rep.outcomes.forwarded, '不予受理', rep.outcomes.refused, '承诺件超期未办结', rep.committed.overdue],
      ['评价数', rep.satisfaction.count, '满意率', rate(rep.satisfaction.satisfiedRate, rep.satisfaction.count)],
      [],
      ['按业务'], head, ...rep.byService.map(row),
      [],
      ['按窗口'], head, ...rep.byCounter.map(row),
      [],
      ['按工作人员'], head, ...rep.byClerk.map(row),
      [],
      ['按时段'], head, ...rep.byHour.map(row),
    ],
  };
}

/** `followUps`: the cases of days from..to. */
export function followUpTable(d: HallData, followUps: FollowUp[], from: string, to: string): CsvTable {
  return {
    filename: `差评回访_${from}_${to}.csv`,
    rows: [
      ['日期', '号码', '业务', '窗口', '工作人员', '评价', '原因', '意见', '联系电话', '回访期限', '回访记录', '整改/解释', '办结时间'],
      ...followUps.map((f) => [
        f.day, f.number, serviceById(d, f.serviceId)?.name ?? f.serviceId, counterName(d, f.counterId), userName(d, f.clerkId), LEVEL[f.level], f.reasons.join('；'), f.comment ?? '',
        maskPhone(f.phone), f.dueDate, f.callBacks.map((c) => `${c.at.slice(0, 16).replace('T', ' ')} ${c.reached ? '已联系' : '未联系上'}：${c.note}`).join('；'),
        f.resolution ? `${f.resolution.kind === 'fix' ? '整改' : '解释'}：${f.resolution.note}` : '', f.closedAt?.slice(0, 16).replace('T', ' ') ?? '',
      ]),
    ],
  };
}

/** `tickets`: every ticket taken on days from..to. */
export function ticketTable(d: HallData, tickets: Ticket[], from: string, to: string): CsvTable {
  const time = (iso?: string) => (iso ? iso.slice(11, 19) : '');
  const minutes = (a?: string, b?: string) => (a && b ? Math.round(minutesBetween(a, b) * 10) / 10 : '');
  return {
    filename: `取号明细_${from}_${to}.csv`,
    rows: [
      ['日期', '号码', '业务', '优先', '取号时间', '首次叫号', '开始办理', '办结时间', '状态', '窗口', '工作人员', '首问人员', '办结方式', '承诺办结日期', '备注/理由', '转办', '等候(分钟)', '办理(分钟)', '评价', '评价原因', '评价渠道'],
      ...tickets.map((t) => [
        t.day, t.number, serviceById(d, t.serviceId)?.name ?? t.serviceId, t.priority ? '是' : '', time(t.takenAt), time(t.calledAt), time(t.startedAt), time(t.finishedAt),
        t.cancelReason === 'staff' ? '作废（工作人员）' : STATUS[t.status], counterName(d, t.counterId), userName(d, t.clerkId), userName(d, t.firstClerkId), t.outcome ? OUTCOME[t.outcome] : '', t.dueDate ?? '', t.note ?? t.cancelNote ?? '',
        (t.transfers ?? []).map((x) => `${serviceById(d, x.from)?.name ?? x.from}→${serviceById(d, x.to)?.name ?? x.to}`).join('；'),
        minutes(t.takenAt, t.calledAt), t.status === 'done' ? minutes(t.startedAt ?? t.lastCalledAt, t.finishedAt) : '',
        t.rating ? LEVEL[t.rating.level] : '', t.rating?.reasons.join('；') ?? '', t.rating ? CHANNEL[t.rating.channel] : '',
      ]),
    ],
  };
}
