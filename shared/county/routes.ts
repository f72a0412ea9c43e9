// The county center's HTTP API, one entry per route: method, path, who may call it and
// its request schemas. The server registers and validates from this table
// (center/http/route.ts); the board's client takes its paths from it.
import { z } from 'zod';
import type { CountyRole } from './types.ts';

const id = z.string().min(1).max(64);
const day = z.iso.date();

export const schemas = {
  signIn: z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
  newHall: z.strictObject({ name: z.string().trim().min(1).max(40) }),
  byId: z.strictObject({ id }),
  period: z.strictObject({ from: day, to: day }),
  newNotice: z.strictObject({ hallId: id, text: z.string().trim().min(1).max(500), warningId: z.optional(id) }),
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
  health: { method: 'GET', path: '/api/health', access: 'public' },
  signIn: { method: 'POST', path: '/api/session', access: 'public', body: schemas.signIn },
  signOut: { method: 'DELETE', path: '/api/session', access: county, status: 204 },
  halls: { method: 'GET', path: '/api/county/halls', access: county },
  addHall: { method: 'POST', path: '/api/county/halls', access: admin, body: schemas.newHall, status: 201 },
  revokeHall: { method: 'POST', path: '/api/county/halls/:id/revoke', access: admin, params: schemas.byId },
  ingest: { method: 'POST', path: '/api/county/ingest', access: 'hall' },
  report: { method: 'GET', path: '/api/county/report', access: county, query: schemas.period },
  reportCsv: { method: 'GET', path: '/api/county/report.csv', access: county, query: schemas.period },
} as const satisfies Record<string, CountyRoute>;

export type CountyRouteName = keyof typeof countyRoutes;
