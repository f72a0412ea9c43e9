// GET /api/openapi.json. Request bodies come from the same zod schemas that validate them.
import { z } from 'zod';
import { counterSchema, hallSchema, serviceSchema, userSchema } from './settings.ts';
import { schemas } from './validate.ts';

const body = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } },
});

const err = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const ok = (description: string, schema: object = { type: 'object' }) => ({ description, content: { 'application/json': { schema } } });
const bearer = [{ bearer: [] }];
const idParam = (description: string) => ({ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description });
const range = [
  { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
  { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
];
const staffGet = (summary: string, tag: string, parameters: object[] = []) => ({ get: { summary, tags: [tag], security: bearer, parameters, responses: { 200: ok(summary), 401: err(''), 403: err('') } } });
const staffWrite = (method: 'post' | 'put' | 'delete', summary: string, tag: string, parameters: object[], requestBody?: ReturnType<typeof body>) => ({
  [method]: { summary, tags: [tag], security: bearer, parameters, ...(requestBody && { requestBody }), responses: { 200: ok(summary), 400: err('invalid'), 401: err(''), 403: err(''), 404: err(''), 409: err('') } },
});
const counterParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: '窗口 id（"1"…"N"）' };

const ticketView = {
  type: 'object',
  required: ['id', 'number', 'status', 'ahead'],
  properties: {
    id: { type: 'string' },
    number: { type: 'string', example: 'A001' },
    status: { type: 'string', enum: ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled'] },
    ahead: { type: 'integer', minimum: 0 },
    counterId: { type: 'string' },
    counterName: { type: 'string' },
    serviceId: { type: 'string' },
    serviceName: { type: 'string' },
    takenAt: { type: 'string', format: 'date-time' },
    estimatedWaitMin: { type: 'number' },
    callCount: { type: 'integer' },
  },
};

function clerkAction(summary: string, requestBody?: ReturnType<typeof body>, extra: Record<string, object> = {}) {
  return {
    post: {
      summary,
      tags: ['clerk'],
      security: bearer,
      parameters: [counterParam],
      ...(requestBody && { requestBody }),
      responses: {
        200: ok('{"ticket": Ticket}', { type: 'object', properties: { ticket: { oneOf: [{ $ref: '#/components/schemas/Ticket' }, { type: 'null' }] } } }),
        401: err('未登录'),
        403: err('不是本人签到的窗口'),
        404: err('没有这个窗口'),
        409: err('no_current_ticket 等状态冲突'),
        ...extra,
      },
    },
  };
}

export const openApi = {
  openapi: '3.1.0',
  info: {
    title: '为民服务中心排队叫号系统 API',
    version: '1.0.0',
    description: 'JSON over HTTP plus Socket.IO on the same port. Errors: {"error":{"code","message"}}. Times are ISO 8601 with the hall\'s UTC offset.',
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
      },
      TicketView: ticketView,
      Ticket: { ...ticketView, description: 'TicketView plus serviceId, callCount and the visit record' },
    },
  },
  paths: {
    '/api/health': { get: { summary: 'Liveness', tags: ['public'], responses: { 200: ok('{"status":"ok"}') } } },
    '/api/services': {
      get: { summary: '业务列表（等候人数、是否可取号、一次性告知材料）', tags: ['public'], responses: { 200: ok('services', { type: 'array', items: { type: 'object' } }) } },
    },
    '/api/hall': { get: { summary: '大厅公开状态（与 hall:state 相同）', tags: ['public'], responses: { 200: ok('HallState') } } },
    '/api/tickets': {
      post: {
        summary: '取号（写入磁盘后才返回 201）',
        tags: ['public'],
        requestBody: body(schemas.takeTicket),
        responses: {
          201: ok('ticket', { type: 'object', properties: { ...ticketView.properties, statusUrl: { type: 'string', format: 'uri' } } }),
          400: err('unknown_service / invalid_request'),
          409: err('service_closed / quota_reached'),
          413: err('too large'),
          415: err('not JSON'),
        },
      },
    },
    '/api/tickets/{id}': {
      get: {
        summary: '查询一个号的状态',
        tags: ['public'],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: ok('ticket', { $ref: '#/components/schemas/TicketView' }), 404: err('unknown_ticket') },
      },
    },
    '/api/tickets/{id}/qr.svg': {
      get: { summary: '号票二维码（手机状态页地址）', tags: ['public'], parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'SVG' }, 404: err('unknown_ticket') } },
    },
    '/api/voice': { get: { summary: '服务器是否能合成中文语音', tags: ['public'], responses: { 200: ok('{"serverVoice": boolean}') } } },
    '/api/announce.wav': {
      get: {
        summary: '叫号语音（无中文语音的叫号屏使用）',
        tags: ['public'],
        parameters: [
          { name: 'number', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'counterId', in: 'query', required: true, schema: { type: 'string' } },
        ],
        responses: { 200: { description: 'audio/wav' }, 400: err('bad query'), 503: err('voice_unavailable') },
      },
    },
    '/api/session': {
      post: {
        summary: '登录（窗口人员须指明窗口：本人 A 岗或 B 岗窗口）',
        tags: ['staff'],
        requestBody: body(schemas.signIn),
        responses: { 200: ok('{"token","role","counterId","user"}'), 400: err('counter_required'), 401: err('bad_credentials'), 403: err('not_your_counter'), 404: err('unknown_counter') },
      },
      get: { summary: '当前登录信息', tags: ['staff'], security: bearer, responses: { 200: ok('session'), 401: err('unauthorized') } },
      delete: { summary: '退出登录', tags: ['staff'], security: bearer, responses: { 204: { description: 'signed out' }, 401: err('unauthorized') } },
    },
    '/api/counters/{id}/state': {
      get: { summary: '本窗口的队列与当前号', tags: ['clerk'], security: bearer, parameters: [counterParam], responses: { 200: ok('CounterState'), 401: err(''), 403: err(''), 404: err('') } },
    },
    '/api/counters/{id}/next': clerkAction('叫下一个号（优先号在前，受连续优先上限约束）', undefined, { 409: err('ticket_open / counter_paused') }),
    '/api/counters/{id}/recall': clerkAction('重呼（含首次呼叫，默认最多 5 次）', undefined, { 409: err('no_current_ticket / recall_limit') }),
    '/api/counters/{id}/start': clerkAction('开始办理（可选步骤）'),
    '/api/counters/{id}/no-show': clerkAction('过号'),
    '/api/counters/{id}/complete': clerkAction('办结：即办 / 承诺件 / 上报件 / 不予受理（须写理由）', body(schemas.complete), { 400: err('reason_required') }),
    '/api/counters/{id}/transfer': clerkAction('转办到其他业务（保留号码和取号时间）', body(schemas.transfer), { 400: err('unknown_service') }),
    '/api/counters/{id}/reinstate': clerkAction('过号后恢复排队', body(schemas.reinstate), { 404: err('unknown_ticket'), 409: err('not_no_show') }),
    '/api/counters/{id}/pause': clerkAction('暂停服务', body(schemas.pause)),
    '/api/counters/{id}/resume': clerkAction('恢复服务'),
    '/api/stats': {
      get: {
        summary: '统计（按取号日期，含两端）',
        tags: ['supervisor'],
        security: bearer,
        parameters: [
          { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
        ],
        responses: { 200: ok('{"tickets","served","noShows","wait","ratings"}'), 400: err('bad date'), 401: err(''), 403: err('clerks') },
      },
    },
    '/api/printer': staffGet('号票机状态', 'printing'),
    '/api/tickets/{id}/reprint': staffWrite('post', '补打号票（注明“补打”）', 'printing', [idParam('ticket id')]),
    '/api/settings/printer': staffWrite('put', '设置号票机（管理员）', 'printing', [], body(schemas.printer)),
    '/api/ratings': {
      post: {
        summary: '评价（五级，1–2 级须写原因；每个已办结的号只能评价一次）',
        tags: ['ratings'],
        requestBody: body(schemas.rate),
        responses: { 201: ok('{"ticketId","number","level","channel","followUpId"}'), 400: err('reason_required / invalid_request'), 404: err('unknown_ticket'), 409: err('not_served / already_rated') },
      },
    },
    '/api/tickets/by-number/{number}': { get: { summary: '按号码查当日的号（评价入口）', tags: ['ratings'], parameters: [{ name: 'number', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: ok('TicketView + rated'), 404: err('unknown_ticket') } } },
    '/api/rating-reasons': { get: { summary: '差评原因与回访期限', tags: ['ratings'], responses: { 200: ok('RatingSettings') } } },
    '/api/comments': {
      post: { summary: '意见簿留言', tags: ['ratings'], requestBody: body(schemas.comment), responses: { 201: ok('{"id","at"}'), 400: err('') } },
      ...staffGet('意见簿（主任）', 'ratings'),
    },
    '/api/comments/{id}/reply': staffWrite('post', '答复留言', 'ratings', [idParam('comment id')], body(schemas.reply)),
    '/api/follow-ups': staffGet('差评回访（主任）', 'ratings', [{ name: 'status', in: 'query', schema: { enum: ['open', 'closed', 'all'] } }]),
    '/api/follow-ups/{id}/call-back': staffWrite('post', '记录回访', 'ratings', [idParam('follow-up id')], body(schemas.callBack)),
    '/api/follow-ups/{id}/resolve': staffWrite('post', '记录整改或解释说明，可办结', 'ratings', [idParam('follow-up id')], body(schemas.resolve)),
    '/api/ratings/summary': staffGet('满意度统计', 'ratings', range),
    '/api/me/ratings': staffGet('本人收到的评价（窗口人员）', 'ratings', range),
    '/api/reports': staffGet('统计报表：按业务、窗口、人员、时段', 'reports', range),
    '/api/reports/appraisal': staffGet('季度综合测评', 'reports', [{ name: 'quarter', in: 'query', schema: { type: 'string', example: '2026Q4' } }, ...range]),
    '/api/reports/export.csv': staffGet('导出 CSV（UTF-8 BOM，中文表头）', 'reports', [{ name: 'kind', in: 'query', required: true, schema: { enum: ['summary', 'tickets', 'followups', 'appraisal'] } }, ...range]),
    '/api/commitments': staffGet('承诺件', 'reports', [{ name: 'status', in: 'query', schema: { enum: ['open', 'overdue', 'all'] } }]),
    '/api/commitments/{ticketId}/deliver': staffWrite('post', '承诺件办结送达', 'reports', [{ name: 'ticketId', in: 'path', required: true, schema: { type: 'string' } }]),
    '/api/settings': staffGet('全部设置（管理员可改，主任可看）', 'settings'),
    '/api/settings/hall': staffWrite('put', '大厅设置：名称、时区、办公时间、特殊日期、播报、评价、预警', 'settings', [], body(hallSchema)),
    '/api/settings/services/{id}': { ...staffWrite('put', '新增或修改业务', 'settings', [idParam('service id')], body(serviceSchema)), ...staffWrite('delete', '删除业务', 'settings', [idParam('service id')]) },
    '/api/settings/counters/{id}': { ...staffWrite('put', '新增或修改窗口', 'settings', [idParam('counter id')], body(counterSchema)), ...staffWrite('delete', '删除窗口', 'settings', [idParam('counter id')]) },
    '/api/settings/users/{id}': staffWrite('put', '新增（id=new）或修改账号；password 重置密码', 'settings', [idParam('user id or "new"')], body(userSchema)),
    '/api/staff': staffGet('人员名单', 'settings'),
    '/api/audit': staffGet('设置操作日志', 'settings'),
    '/api/metrics': { get: { summary: 'RSS、事件循环延迟等运行指标', tags: ['ops'], responses: { 200: ok('metrics') } } },
    '/api/metrics/reset': { post: { summary: '重置事件循环延迟统计', tags: ['ops'], security: bearer, responses: { 204: { description: 'reset' } } } },
  },
  'x-socket-io': {
    auth: '{"role":"display"} | {"role":"ticket","ticketId"} | {"role":"staff","token"} | {"role":"pad","counterId"}',
    serverToClient: {
      'hall:state': 'full public state, on connect and after every change',
      'ticket:called': '{"number","counterId","counterName","calledAt","callCount","text","spoken","repeat"}',
      'ticket:status': 'TicketView of a watched ticket, after every change',
      'counter:state': "a staff console's window queue",
      'session:ended': 'the staff session was signed out',
      'printer:status': 'the ticket printer health (displays and staff)',
      'ticket:printed': '{"ticketId","ok","message","reprint"} to the ticket room',
      'pad:state': "the window pad's state: who serves, the visit to rate",
      'ratings:changed': 'staff: open and overdue follow-ups',
      'comments:changed': 'staff: unanswered comments',
    },
    clientToServer: { 'ticket:watch': '(ticketId, ack?) follow one ticket' },
  },
};
