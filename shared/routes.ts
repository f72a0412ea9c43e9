// The HTTP API, one entry per route: who may call it, its request schemas (path
// parameters, query, body), its reply type and a line for the docs. Method and path come
// from paths.ts under the same name. From this table the server registers and validates
// each route (server/http/route.ts), /api/openapi.json is built (server/http/openapi.ts),
// and the pages' client (web/api.ts) takes its input and reply types.
import type { z } from 'zod';
import type { AppraisalReply } from './core/appraisal.ts';
import type { MyRatingsReply, RatingFigures } from './core/ratingStats.ts';
import type { ReportReply } from './core/reports.ts';
import type { DayPlan } from './core/hours.ts';
import type { Stats } from './core/stats.ts';
import type { RouteName } from './paths.ts';
import * as s from './schemas.ts';
import type {
  AuditEntry,
  CommentEntry,
  Commitment,
  CommitmentView,
  CounterState,
  CountyLinkStatus,
  NoticeView,
  CancelReply,
  MoveReply,
  QueueView,
  FollowUp,
  FollowUpView,
  HallState,
  PadToken,
  PadView,
  PrinterHealth,
  RatableTicket,
  RatingReply,
  RatingSettings,
  Role,
  ServiceView,
  SessionReply,
  SettingsView,
  StaffTicket,
  TakenTicket,
  TicketPrinted,
  TicketView,
} from './types.ts';

/** Nobody signs in; any of these roles; or the clerk signed in at the URL's window. */
export type Access = 'public' | 'ownCounter' | readonly Role[];

declare const replyType: unique symbol;
/** A reply's TypeScript type (compile time only) and what the docs say it is. */
export interface Reply<T> {
  readonly [replyType]?: T;
  readonly doc: string;
  /** Not JSON: the handler answers itself (files, sound, 204). */
  readonly content?: string;
}
const reply = <T>(doc: string, content?: string): Reply<T> => ({ doc, ...(content && { content }) });

type Schema = z.ZodObject;

export interface RouteDef {
  summary: string;
  tag: 'public' | 'staff' | 'clerk' | 'printing' | 'ratings' | 'supervisor' | 'reports' | 'settings' | 'ops';
  access: Access;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** The success status; 200 unless said. */
  status?: 200 | 201 | 204;
  reply: Reply<unknown>;
  /** Refusals beyond those access and validation imply: status → codes. */
  errors?: Readonly<Record<number, string>>;
}

const supervisor = ['supervisor', 'admin'] as const;
const staff = ['clerk', 'supervisor', 'admin'] as const;
const admin = ['admin'] as const;

/** A window action on its current ticket: the ticket as it is now. */
const action = <B extends Schema | undefined = undefined>(summary: string, body?: B, errors?: Record<number, string>) =>
  ({ summary, tag: 'clerk', access: 'ownCounter', params: s.byCounter, body: (body ?? s.empty) as B extends Schema ? B : typeof s.empty, reply: reply<{ ticket: StaffTicket }>('{"ticket": Ticket}'), errors: { 409: 'no_current_ticket', ...errors } }) as const;

/** What every settings change shares: admins only, the whole configuration in reply. */
const change = { tag: 'settings', access: admin, reply: reply<SettingsView>('SettingsView: the whole configuration as saved') } as const;

export const routes = {
  health: {
    summary: 'Liveness and faults: 503 storage_unavailable while the hall cannot write',
    tag: 'public',
    access: 'public',
    reply: reply<{ status: 'ok' } | { status: 'degraded'; problems: { code: string; message: string; since: string }[] }>('{"status":"ok"}, or {"status":"degraded","problems":[{code,message,since}]}'),
  },
  services: { summary: '业务列表（等候人数、是否可取号、一次性告知材料）', tag: 'public', access: 'public', reply: reply<ServiceView[]>('ServiceView[]') },
  hall: { summary: '大厅公开状态（与 hall:state 相同）', tag: 'public', access: 'public', reply: reply<HallState>('HallState') },
  takeTicket: {
    summary: '取号（写入磁盘后才返回 201）；带 Idempotency-Key 头重试时当天返回同一个号，不会多取',
    tag: 'public',
    access: 'public',
    body: s.takeTicket,
    status: 201,
    reply: reply<TakenTicket>('TakenTicket: TicketView plus priority, statusUrl, ratingKey, print'),
    errors: { 400: 'unknown_service / priority_not_allowed / invalid_request (Idempotency-Key)', 409: 'service_closed / quota_reached / idempotency_conflict', 429: 'too_many_requests (this address took more than settings.limits.takesPerMinute; nothing was taken)', 503: 'storage_unavailable' },
  },
  ticket: { summary: '查询一个号的状态', tag: 'public', access: 'public', params: s.byId, reply: reply<TicketView>('TicketView'), errors: { 404: 'unknown_ticket' } },
  ticketQr: { summary: '号票二维码（手机状态页地址；k 为评价码时链接带上它）', tag: 'public', access: 'public', params: s.byId, query: s.qrQuery, reply: reply<void>('SVG', 'image/svg+xml'), errors: { 404: 'unknown_ticket' } },
  voice: { summary: '服务器是否能合成中文语音', tag: 'public', access: 'public', reply: reply<{ serverVoice: boolean }>('{"serverVoice": boolean}') },
  guide: { summary: '取号机屏幕的语音引导（无中文语音的取号机使用）：按屏幕名和业务或号码，由服务器组织文字', tag: 'public', access: 'public', query: s.guide, reply: reply<void>('WAV', 'audio/wav'), errors: { 404: 'unknown_guide', 503: 'voice_unavailable' } },
  announce: { summary: '叫号语音（无中文语音的叫号屏使用）', tag: 'public', access: 'public', query: s.announce, reply: reply<void>('WAV', 'audio/wav'), errors: { 404: 'unknown_counter', 503: 'voice_unavailable' } },

  signIn: {
    summary: '登录（窗口人员须指明窗口：本人 A 岗或 B 岗窗口）',
    tag: 'staff',
    access: 'public',
    body: s.signIn,
    reply: reply<SessionReply>('{"token","role","counterId","user"}'),
    errors: { 400: 'counter_required', 401: 'bad_credentials', 403: 'not_your_counter', 404: 'unknown_counter', 429: 'too_many_attempts' },
  },
  session: { summary: '当前登录信息', tag: 'staff', access: staff, reply: reply<Omit<SessionReply, 'token'>>('{"role","counterId","user"}') },
  signOut: { summary: '退出登录', tag: 'staff', access: staff, status: 204, reply: reply<void>('signed out') },
  counterState: { summary: '本窗口的队列与当前号', tag: 'clerk', access: 'ownCounter', params: s.byCounter, reply: reply<CounterState>('CounterState') },
  next: { ...action('叫下一个号（优先号在前，受连续优先上限约束）', undefined, { 409: 'ticket_open / counter_paused' }), reply: reply<{ ticket: StaffTicket | null }>('{"ticket": Ticket | null}: null when nobody waits') },
  recall: action('重呼（含首次呼叫，默认最多 5 次）', undefined, { 409: 'no_current_ticket / recall_limit' }),
  start: action('开始办理（可选步骤）'),
  noShow: action('过号'),
  complete: action('办结：即办 / 承诺件（可登记通知人姓名、电话）/ 上报件 / 不予受理（须写理由）', s.complete, { 400: 'reason_required / notify_name_required / invalid_phone' }),
  reopen: action('撤销刚才的办结（本人在本窗口办结后 2 分钟内、未评价、窗口没有其他号时）；写入操作日志', undefined, {
    403: 'not_your_visit',
    409: 'ticket_open / nothing_to_reopen / reopen_expired / already_rated',
  }),
  transfer: action('转办到其他业务（保留号码和取号时间）', s.transfer, { 400: 'unknown_service' }),
  reinstate: action('过号后恢复排队', s.reinstate, { 404: 'unknown_ticket', 409: 'not_no_show' }),
  pause: { ...action('暂停服务（窗口有已叫号或办理中的号时不能暂停）', s.pause, { 409: 'ticket_open' }), reply: reply<{ counter: CounterState }>('{"counter": CounterState}') },
  resume: { ...action('恢复服务'), reply: reply<{ counter: CounterState }>('{"counter": CounterState}') },

  printer: { summary: '号票机状态', tag: 'printing', access: staff, reply: reply<PrinterHealth>('PrinterHealth') },
  reprint: { summary: '补打号票（注明“补打”）', tag: 'printing', access: staff, params: s.byId, reply: reply<TicketPrinted>('TicketPrinted'), errors: { 404: 'unknown_ticket', 409: 'no_printer', 503: 'printer_fault' } },
  queue: { summary: '各业务等候中和过号的号（主任作废号票用）', tag: 'supervisor', access: supervisor, reply: reply<QueueView>('QueueView: per business, waiting tickets in queue order and no-shows') },
  cancelTickets: {
    summary: '作废号票（主任）：等候中或过号的号，须写原因；全部成功或全部不作废；写入操作日志',
    tag: 'supervisor',
    access: supervisor,
    body: s.cancelTickets,
    reply: reply<CancelReply>('{"cancelled": [{"id","number","serviceId"}], "reason", "at"}'),
    errors: { 400: 'reason_required', 404: 'unknown_ticket', 409: 'not_cancellable' },
  },
  moveTickets: {
    summary: '移号（主任，队列调度）：等候中的号移到其他业务或指定窗口，保留号码、取号时间和排队顺序；须写原因；全部成功或全部不移；写入操作日志',
    tag: 'supervisor',
    access: supervisor,
    body: s.moveTickets,
    reply: reply<MoveReply>('{"moved": [{"id","number","serviceId","forCounterId"?}], "at"}'),
    errors: { 400: 'reason_required / unknown_service', 404: 'unknown_ticket / unknown_counter', 409: 'not_movable / already_there' },
  },
  pauseService: {
    summary: '暂停取号（主任，队列调度）：取号机上该业务显示“暂停取号：原因”，已取的号照常叫号；当天结束时自动恢复；写入操作日志',
    tag: 'supervisor',
    access: supervisor,
    body: s.pauseService,
    reply: reply<ServiceView[]>('ServiceView[]'),
    errors: { 400: 'reason_required / unknown_service' },
  },
  resumeService: { summary: '恢复取号（主任）', tag: 'supervisor', access: supervisor, body: s.resumeService, reply: reply<ServiceView[]>('ServiceView[]'), errors: { 400: 'unknown_service' } },
  setPrinter: { summary: '设置号票机（管理员）', tag: 'printing', access: admin, body: s.printer, reply: reply<PrinterHealth>('PrinterHealth'), errors: { 400: 'invalid_printer' } },

  rate: {
    summary: '评价（五级，1–2 级须写原因；每个已办结的号只能评价一次）',
    tag: 'ratings',
    access: 'public',
    body: s.rate,
    status: 201,
    reply: reply<RatingReply>('{"ticketId","number","level","channel","followUpId"}'),
    errors: { 400: 'reason_required', 403: 'not_your_ticket (key missing or wrong; checked first)', 404: 'unknown_ticket', 409: 'not_served / already_rated', 429: 'too_many_attempts (wrong keys from one address)' },
  },
  ticketByNumber: { summary: '按号码查当日的号（评价入口）', tag: 'ratings', access: 'public', params: s.byNumber, reply: reply<RatableTicket>('TicketView + rated'), errors: { 404: 'unknown_ticket' } },
  ratingReasons: { summary: '差评原因与回访期限', tag: 'ratings', access: 'public', reply: reply<RatingSettings>('RatingSettings') },
  comment: { summary: '意见簿留言', tag: 'ratings', access: 'public', body: s.comment, status: 201, reply: reply<{ id: string; at: string }>('{"id","at"}'), errors: { 429: 'too_many_requests (this address wrote more than settings.limits.commentsPerHour; nothing was saved)' } },
  comments: {
    summary: '意见簿（主任）：分页，最新的在前；next 作为 before 取更早的一页；含已归档的留言',
    tag: 'ratings',
    access: supervisor,
    query: s.commentQuery,
    reply: reply<{ comments: CommentEntry[]; next: string | null; unanswered: number }>('{"comments": CommentEntry[] (newest first, at most limit, default 20), "next": cursor | null, "unanswered": number}'),
  },
  replyComment: { summary: '答复留言', tag: 'ratings', access: supervisor, params: s.byId, body: s.reply, reply: reply<CommentEntry>('CommentEntry'), errors: { 404: 'unknown_comment' } },
  followUps: { summary: '差评回访（主任）', tag: 'ratings', access: supervisor, query: s.followUpQuery, reply: reply<FollowUpView[]>('FollowUpView[], newest first') },
  callBack: { summary: '记录回访', tag: 'ratings', access: supervisor, params: s.byId, body: s.callBack, reply: reply<FollowUp>('FollowUp'), errors: { 404: 'unknown_follow_up', 409: 'follow_up_closed' } },
  resolve: { summary: '记录整改或解释说明，可办结', tag: 'ratings', access: supervisor, params: s.byId, body: s.resolve, reply: reply<FollowUp>('FollowUp'), errors: { 404: 'unknown_follow_up', 409: 'call_back_required / follow_up_closed' } },
  appeal: {
    summary: '差评申诉（被评价的窗口人员本人，须写理由，每条差评一次）；写入操作日志',
    tag: 'ratings',
    access: ['clerk'],
    params: s.byId,
    body: s.appeal,
    reply: reply<FollowUp>('FollowUp with appeal'),
    errors: { 400: 'reason_required', 403: 'not_your_rating', 404: 'unknown_follow_up', 409: 'already_appealed' },
  },
  reviewAppeal: {
    summary: '申诉复核（主任）：维持或撤销差评，须写理由；撤销的差评不计入满意度和考核，回访仍须完成；写入操作日志',
    tag: 'ratings',
    access: supervisor,
    params: s.byId,
    body: s.reviewAppeal,
    reply: reply<FollowUp>('FollowUp with appeal.review'),
    errors: { 400: 'reason_required', 404: 'unknown_follow_up', 409: 'no_appeal / already_reviewed' },
  },
  ratingSummary: { summary: '满意度统计', tag: 'ratings', access: supervisor, query: s.range, reply: reply<RatingFigures & { from: string; to: string }>('RatingFigures with from, to') },
  myRatings: { summary: '本人收到的评价（窗口人员）', tag: 'ratings', access: ['clerk'], query: s.range, reply: reply<MyRatingsReply>('MyRatingsReply') },
  pads: { summary: '各窗口评价器的绑定情况', tag: 'ratings', access: supervisor, reply: reply<PadView[]>('PadView[]: counterId, counterName, at, byName') },
  pairPad: {
    summary: '绑定评价器（主任或管理员在评价器上登录后选择窗口）；同一窗口原来的评价器随即停用',
    tag: 'ratings',
    access: supervisor,
    body: s.pairPad,
    status: 201,
    reply: reply<PadToken>('{"token","counterId","counterName"}: the pad\'s token, shown once'),
    errors: { 404: 'unknown_counter' },
  },
  unpairPad: { summary: '解除评价器绑定', tag: 'ratings', access: supervisor, params: s.byCounter, status: 204, reply: reply<void>('unpaired'), errors: { 404: 'unknown_counter / no_pad' } },

  stats: {
    summary: '统计（按取号日期，含两端）',
    tag: 'supervisor',
    access: supervisor,
    query: s.range,
    reply: reply<Stats>('{"tickets","served","noShows","wait":{"avgMin","p50Min","p90Min","maxMin"},"ratings":{"count","byLevel","satisfiedRate"}}'),
  },
  reports: { summary: '统计报表：按业务、窗口、人员、时段', tag: 'reports', access: supervisor, query: s.range, reply: reply<ReportReply>('ReportReply') },
  appraisal: { summary: '季度综合测评（quarter，或 from/to，或本季度）', tag: 'reports', access: supervisor, query: s.appraisalQuery.extend(s.range.shape), reply: reply<AppraisalReply>('AppraisalReply') },
  exportCsv: { summary: '导出 CSV（UTF-8 BOM，中文表头）', tag: 'reports', access: supervisor, query: s.exportQuery.extend(s.appraisalQuery.shape).extend(s.range.shape), reply: reply<void>('CSV', 'text/csv') },
  commitments: { summary: '承诺件', tag: 'reports', access: staff, query: s.commitmentQuery, reply: reply<CommitmentView[]>('CommitmentView[]') },
  deliver: { summary: '承诺件办结送达', tag: 'reports', access: staff, params: s.byTicket, body: s.deliver, reply: reply<Commitment>('Commitment'), errors: { 404: 'unknown_commitment', 409: 'already_delivered' } },

  settings: { summary: '全部设置（管理员可改，主任可看）', tag: 'settings', access: supervisor, reply: reply<SettingsView>('SettingsView') },
  staff: { summary: '人员名单', tag: 'settings', access: supervisor, reply: reply<SettingsView['users']>('accounts, without password hashes') },
  audit: { summary: '设置操作日志', tag: 'settings', access: supervisor, reply: reply<(AuditEntry & { byName: string })[]>('AuditEntry with byName, newest first, at most 500') },
  calendar: {
    summary: '大厅日历：每天的办公时间、午休、逢场天（公历或农历规律）、节假日，供核对',
    tag: 'settings',
    access: supervisor,
    query: s.calendarQuery,
    reply: reply<DayPlan[]>('DayPlan[]: {day, kind, name, hours, lunar}'),
  },
  saveHall: { ...change, summary: '大厅设置：名称、时区、办公时间、特殊日期、播报、评价、预警、取号与留言限制（limits 不传则不变）', body: s.hall },
  saveService: { ...change, summary: '新增或修改业务', params: s.settingsIdParam, body: s.service },
  removeService: { ...change, summary: '删除业务', params: s.byId },
  orderServices: { ...change, summary: '业务排序（取号机按此顺序列出）：全部业务编号，各一次', body: s.orderServices },
  saveCounter: { ...change, summary: '新增或修改窗口', params: s.settingsIdParam, body: s.counter },
  removeCounter: { ...change, summary: '删除窗口', params: s.byId },
  saveUser: { ...change, summary: '新增（id=new）或修改账号；password 重置密码', params: s.settingsIdParam, body: s.user, reply: reply<SettingsView & { id: string }>('SettingsView and the account id') },

  countyLink: { summary: '县中心连接状态：off 未设置 / ok 已同步 / behind 积压 / failing 连接失败（since 起）', tag: 'supervisor', access: supervisor, reply: reply<CountyLinkStatus>('{"state","pending","lastShippedAt","lastError"?,"since"?,"hallId"?,"url"?,"source","keySet"}') },
  setCountyLink: { summary: '设置县中心连接（管理员）：地址、大厅编号、密钥（只写，不再显示）；url 为 null 即断开；环境变量 COUNTY_* 优先；写入操作日志', tag: 'settings', access: admin, body: s.countyLink, reply: reply<CountyLinkStatus>('CountyLinkStatus'), errors: { 400: 'invalid_request / key_required' } },
  notices: { summary: '县中心督办通知（最新的在前）', tag: 'supervisor', access: supervisor, reply: reply<NoticeView[]>('[{"id","text","sentAt","answer"?,"answeredAt"?,"answeredByName"?,"warningId"?}]') },
  answerNotice: { summary: '回复督办通知（1–500 字，每条一次）；回复随日志报送县中心', tag: 'supervisor', access: supervisor, params: s.byId, body: s.answerNotice, reply: reply<NoticeView>('NoticeView'), errors: { 404: 'unknown_notice', 409: 'already_answered' } },

  openapi: { summary: '本文档', tag: 'ops', access: 'public', reply: reply<object>('OpenAPI 3.1') },
  metrics: { summary: 'RSS、事件循环延迟等运行指标', tag: 'ops', access: admin, reply: reply<Record<string, unknown>>('metrics') },
  resetMetrics: { summary: '重置事件循环延迟统计', tag: 'ops', access: admin, status: 204, reply: reply<void>('reset') },
} as const satisfies Record<RouteName, RouteDef>;

export type Routes = typeof routes;

type Part<N extends RouteName, K extends 'params' | 'query' | 'body'> = Routes[N] extends { readonly [P in K]: infer S extends z.ZodType } ? S : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : {};
type Out<S> = S extends z.ZodType ? z.output<S> : {};

/** What a page passes to call a route: path parameters, query and body in one object. */
export type CallInput<N extends RouteName> = In<Part<N, 'params'>> & In<Part<N, 'query'>> & In<Part<N, 'body'>>;
/** What a route answers with. */
export type CallReply<N extends RouteName> = Routes[N]['reply'] extends Reply<infer T> ? T : never;
/** What a server handler receives, validated. */
export interface RouteInput<N extends RouteName> {
  params: Out<Part<N, 'params'>>;
  query: Out<Part<N, 'query'>>;
  body: Out<Part<N, 'body'>>;
}
