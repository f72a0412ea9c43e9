// Every county route's method and path, by name: what the board page needs at run time.
// The route table (routes.ts) adds access and schemas under the same names.
export const countyPaths = {
  health: { method: 'GET', path: '/api/health' },
  signIn: { method: 'POST', path: '/api/session' },
  session: { method: 'GET', path: '/api/session' },
  signOut: { method: 'DELETE', path: '/api/session' },
  halls: { method: 'GET', path: '/api/county/halls' },
  addHall: { method: 'POST', path: '/api/county/halls' },
  revokeHall: { method: 'POST', path: '/api/county/halls/:id/revoke' },
  rotateHallKey: { method: 'POST', path: '/api/county/halls/:id/key' },
  accounts: { method: 'GET', path: '/api/county/accounts' },
  addAccount: { method: 'POST', path: '/api/county/accounts' },
  setAccountDisabled: { method: 'POST', path: '/api/county/accounts/:id/disabled' },
  resetPassword: { method: 'POST', path: '/api/county/accounts/:id/password' },
  changeOwnPassword: { method: 'PUT', path: '/api/session/password' },
  audit: { method: 'GET', path: '/api/county/audit' },
  ingest: { method: 'POST', path: '/api/county/ingest' },
  warnings: { method: 'GET', path: '/api/county/warnings' },
  thresholds: { method: 'GET', path: '/api/county/halls/:id/thresholds' },
  setThresholds: { method: 'PUT', path: '/api/county/halls/:id/thresholds' },
  notices: { method: 'GET', path: '/api/county/notices' },
  sendNotice: { method: 'POST', path: '/api/county/notices' },
  report: { method: 'GET', path: '/api/county/report' },
  reportCsv: { method: 'GET', path: '/api/county/report.csv' },
} as const;

export type CountyPathName = keyof typeof countyPaths;
