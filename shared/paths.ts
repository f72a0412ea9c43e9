// Every HTTP route's method and path, by name: the part of the route table (routes.ts)
// the pages need at run time, kept apart so page bundles carry no schemas. Server
// routes, OpenAPI paths and the pages' client are all made from these.
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export const paths = {
  // public: kiosk, phone, wall screen
  health: { method: 'GET', path: '/api/health' },
  services: { method: 'GET', path: '/api/services' },
  hall: { method: 'GET', path: '/api/hall' },
  takeTicket: { method: 'POST', path: '/api/tickets' },
  ticket: { method: 'GET', path: '/api/tickets/:id' },
  ticketQr: { method: 'GET', path: '/api/tickets/:id/qr.svg' },
  voice: { method: 'GET', path: '/api/voice' },
  announce: { method: 'GET', path: '/api/announce.wav' },
  guide: { method: 'GET', path: '/api/guide.wav' },
  // staff sign-in and the clerk's window
  signIn: { method: 'POST', path: '/api/session' },
  session: { method: 'GET', path: '/api/session' },
  signOut: { method: 'DELETE', path: '/api/session' },
  counterState: { method: 'GET', path: '/api/counters/:counterId/state' },
  next: { method: 'POST', path: '/api/counters/:counterId/next' },
  recall: { method: 'POST', path: '/api/counters/:counterId/recall' },
  start: { method: 'POST', path: '/api/counters/:counterId/start' },
  noShow: { method: 'POST', path: '/api/counters/:counterId/no-show' },
  complete: { method: 'POST', path: '/api/counters/:counterId/complete' },
  reopen: { method: 'POST', path: '/api/counters/:counterId/reopen' },
  transfer: { method: 'POST', path: '/api/counters/:counterId/transfer' },
  reinstate: { method: 'POST', path: '/api/counters/:counterId/reinstate' },
  pause: { method: 'POST', path: '/api/counters/:counterId/pause' },
  resume: { method: 'POST', path: '/api/counters/:counterId/resume' },
  // printing
  printer: { method: 'GET', path: '/api/printer' },
  reprint: { method: 'POST', path: '/api/tickets/:id/reprint' },
  // the supervisor clears junk tickets (作废号票)
  queue: { method: 'GET', path: '/api/queue' },
  cancelTickets: { method: 'POST', path: '/api/tickets/cancel' },
  moveTickets: { method: 'POST', path: '/api/tickets/move' },
  pauseService: { method: 'POST', path: '/api/services/pause' },
  resumeService: { method: 'POST', path: '/api/services/resume' },
  setPrinter: { method: 'PUT', path: '/api/settings/printer' },
  // ratings and the comment book
  rate: { method: 'POST', path: '/api/ratings' },
  ticketByNumber: { method: 'GET', path: '/api/tickets/by-number/:number' },
  ratingReasons: { method: 'GET', path: '/api/rating-reasons' },
  comment: { method: 'POST', path: '/api/comments' },
  comments: { method: 'GET', path: '/api/comments' },
  replyComment: { method: 'POST', path: '/api/comments/:id/reply' },
  followUps: { method: 'GET', path: '/api/follow-ups' },
  callBack: { method: 'POST', path: '/api/follow-ups/:id/call-back' },
  resolve: { method: 'POST', path: '/api/follow-ups/:id/resolve' },
  appeal: { method: 'POST', path: '/api/follow-ups/:id/appeal' },
  reviewAppeal: { method: 'POST', path: '/api/follow-ups/:id/review' },
  ratingSummary: { method: 'GET', path: '/api/ratings/summary' },
  myRatings: { method: 'GET', path: '/api/me/ratings' },
  pads: { method: 'GET', path: '/api/pads' },
  pairPad: { method: 'POST', path: '/api/pads' },
  unpairPad: { method: 'DELETE', path: '/api/pads/:counterId' },
  // figures and reports
  stats: { method: 'GET', path: '/api/stats' },
  reports: { method: 'GET', path: '/api/reports' },
  appraisal: { method: 'GET', path: '/api/reports/appraisal' },
  exportCsv: { method: 'GET', path: '/api/reports/export.csv' },
  commitments: { method: 'GET', path: '/api/commitments' },
  deliver: { method: 'POST', path: '/api/commitments/:ticketId/deliver' },
  // settings
  settings: { method: 'GET', path: '/api/settings' },
  staff: { method: 'GET', path: '/api/staff' },
  audit: { method: 'GET', path: '/api/audit' },
  calendar: { method: 'GET', path: '/api/calendar' },
  saveHall: { method: 'PUT', path: '/api/settings/hall' },
  orderServices: { method: 'PUT', path: '/api/settings/service-order' },
  saveService: { method: 'PUT', path: '/api/settings/services/:id' },
  removeService: { method: 'DELETE', path: '/api/settings/services/:id' },
  saveCounter: { method: 'PUT', path: '/api/settings/counters/:id' },
  removeCounter: { method: 'DELETE', path: '/api/settings/counters/:id' },
  saveUser: { method: 'PUT', path: '/api/settings/users/:id' },
  // 县中心: the link and its 督办 notices
  countyLink: { method: 'GET', path: '/api/county-link' },
  setCountyLink: { method: 'PUT', path: '/api/settings/county-link' },
  notices: { method: 'GET', path: '/api/notices' },
  answerNotice: { method: 'POST', path: '/api/notices/:id/answer' },
  // operations
  openapi: { method: 'GET', path: '/api/openapi.json' },
  metrics: { method: 'GET', path: '/api/metrics' },
  resetMetrics: { method: 'POST', path: '/api/metrics/reset' },
} as const satisfies Record<string, { method: Method; path: `/api/${string}` }>;

export type RouteName = keyof typeof paths;

/**
 * The URL of a route: `:name` segments from `values` (escaped), and for GET and DELETE
 * every other defined value as the query string. POST and PUT send the rest as the body.
 */
export function urlOf(name: RouteName, values: Record<string, unknown> = {}): { url: string; rest: Record<string, unknown> } {
  return routeUrl(paths[name], values);
}

/**
 * A route's URL with its `:params` filled from `values`; for GET and DELETE the other
 * values go in the query, for POST and PUT they are left in `rest` for the body. The
 * county's routes (shared/county/paths.ts) are filled the same way.
 */
export function routeUrl({ method, path }: { method: Method; path: string }, values: Record<string, unknown> = {}): { url: string; rest: Record<string, unknown> } {
  const rest: Record<string, unknown> = { ...values };
  const url = path.replace(/:([A-Za-z]+)/g, (_, key: string) => {
    const v = rest[key];
    delete rest[key];
    return encodeURIComponent(String(v));
  });
  if (method === 'POST' || method === 'PUT') return { url, rest };
  const q = Object.entries(rest)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return { url: q ? `${url}?${q}` : url, rest: {} };
}
