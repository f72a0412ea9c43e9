// The county center's HTTP API, one entry per route: who may call it and its request
// schemas; method and path come from paths.ts under the same name. The server registers
// and validates from this table (center/http/route.ts); the board's client takes the
// paths alone (county/api.ts), so the page carries no schemas.
import { z } from 'zod';
import { countyPaths as p } from './paths.ts';
import type { CountyRole } from './types.ts';

const id = z.string().min(1).max(64);
const day = z.iso.date();

export const schemas = {
  signIn: z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
  newHall: z.strictObject({ name: z.string().trim().min(1).max(40) }),
  byId: z.strictObject({ id }),
  period: z.strictObject({ from: day, to: day }),
  newAccount: z.strictObject({
    username: z.string().trim().regex(/^[A-Za-z0-9_.-]{2,32}$/, '用户名为 2–32 位字母、数字、下划线、点或短横'),
    name: z.string().trim().min(1).max(20),
    role: z.enum(['county_admin', 'county_viewer']),
  }),
  disabled: z.strictObject({ disabled: z.boolean() }),
  ownPassword: z.strictObject({ old: z.string().min(1).max(200), new: z.string().min(8, '新密码至少 8 位').max(200) }),
  newNotice: z.strictObject({ hallId: id, text: z.string().trim().min(1).max(500), warningId: z.optional(id) }),
  byHall: z.strictObject({ hallId: z.optional(id) }),
  warningsQuery: z.strictObject({ hallId: z.optional(id), state: z.optional(z.enum(['open', 'closed'])) }),
  thresholds: z.strictObject({ emptyWindowMin: z.int().min(5).max(480) }),
};

type Access = 'public' | 'hall' | readonly CountyRole[];
const county = ['county_admin', 'county_viewer'] as const;
const admin = ['county_admin'] as const;

export interface CountyRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodObject;
  status?: 200 | 201 | 204;
}

export const countyRoutes = {
  health: { ...p.health, access: 'public' },
  signIn: { ...p.signIn, access: 'public', body: schemas.signIn },
  session: { ...p.session, access: county },
  signOut: { ...p.signOut, access: county, status: 204 },
  halls: { ...p.halls, access: county },
  addHall: { ...p.addHall, access: admin, body: schemas.newHall, status: 201 },
  revokeHall: { ...p.revokeHall, access: admin, params: schemas.byId },
  rotateHallKey: { ...p.rotateHallKey, access: admin, params: schemas.byId },
  accounts: { ...p.accounts, access: admin },
  addAccount: { ...p.addAccount, access: admin, body: schemas.newAccount, status: 201 },
  setAccountDisabled: { ...p.setAccountDisabled, access: admin, params: schemas.byId, body: schemas.disabled },
  resetPassword: { ...p.resetPassword, access: admin, params: schemas.byId },
  // Every county account may change its own password, a viewer too: it changes no county data.
  changeOwnPassword: { ...p.changeOwnPassword, access: county, body: schemas.ownPassword },
  audit: { ...p.audit, access: admin },
  ingest: { ...p.ingest, access: 'hall' },
  warnings: { ...p.warnings, access: county, query: schemas.warningsQuery },
  thresholds: { ...p.thresholds, access: county, params: schemas.byId },
  setThresholds: { ...p.setThresholds, access: admin, params: schemas.byId, body: schemas.thresholds },
  notices: { ...p.notices, access: county, query: schemas.byHall },
  sendNotice: { ...p.sendNotice, access: admin, body: schemas.newNotice, status: 201 },
  report: { ...p.report, access: county, query: schemas.period },
  reportCsv: { ...p.reportCsv, access: county, query: schemas.period },
} as const satisfies Record<string, CountyRoute>;

export type CountyRouteName = keyof typeof countyRoutes;
