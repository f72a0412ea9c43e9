// The hall's settings (admin): hours and special days, businesses, windows, staff
// accounts, announcements, ratings and alert thresholds. Each change applies live
// and lands in the audit log. Supervisors may read them.
import { Router } from 'express';
import { z } from 'zod';
import { hashPassword, newId } from '../auth.ts';
import type { Hall } from '../hall.ts';
import type { Queries } from '../queries.ts';
import { authed, requireRole } from './access.ts';
import { parse } from './validate.ts';

const text = (max: number) => z.string().trim().max(max);
const hours = z.object({ open: z.string(), close: z.string() });
export const hallSchema = z.object({
  hallName: text(60).min(1),
  timeZone: text(60).min(1),
  weekHours: z.array(hours.nullable()).length(7),
  specialDays: z.array(z.object({ date: z.string(), name: text(30), kind: z.enum(['market', 'holiday', 'workday']), hours: hours.nullable() })).max(400),
  priorityCap: z.number().int().min(0).max(20),
  recallCap: z.number().int().min(1).max(20),
  announcement: z.object({ template: text(60).min(1), repeat: z.number().int().min(1).max(5) }),
  priorityKinds: z.array(text(30).min(1)).max(20),
  ratings: z.object({ reasons: z.array(text(40)).min(1).max(20), followUpDays: z.number().int().min(1).max(60), padIdleSec: z.number().int().min(10).max(600) }),
  alerts: z.object({ waiting: z.number().int().min(1).max(10_000), estimatedWaitMin: z.number().int().min(1).max(1440), longestWaitMin: z.number().int().min(1).max(1440) }),
});
export const serviceSchema = z.object({
  name: text(30).min(1),
  prefix: z.string().regex(/^[A-Z]$/, '前缀应为一个大写字母'),
  materials: z.array(text(100).min(1)).max(30),
  committedDays: z.number().int().min(1).max(60),
  priorityAllowed: z.boolean(),
  dailyQuota: z.number().int().min(1).max(100_000).nullable(),
  enabled: z.boolean(),
  avgServiceMin: z.number().min(0.5).max(240),
});
export const counterSchema = z.object({
  name: text(30).min(1),
  serviceIds: z.array(z.string().min(1).max(64)).max(50),
  clerkA: z.string().min(1).max(64).nullable(),
  clerkB: z.string().min(1).max(64).nullable(),
});
export const userSchema = z.object({
  username: z.string().trim().min(2).max(32),
  name: text(30).min(1),
  staffNo: text(20),
  role: z.enum(['admin', 'supervisor', 'clerk']),
  disabled: z.boolean(),
  password: z.string().min(8, '密码至少 8 位').max(128).optional(),
});
const idParam = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, '编号只能用字母、数字、_ 和 -');

export function settingsRoutes(hall: Hall, queries: Queries): Router {
  const r = Router();
  const admin = requireRole(hall, ['admin']);
  const reader = requireRole(hall, ['admin', 'supervisor']);
  const by = (res: Parameters<typeof authed>[0]) => authed(res).session.userId;

  r.get('/settings', reader, async (_req, res) => {
    res.json(await queries.settings());
  });

  r.get('/staff', reader, async (_req, res) => {
    res.json(await queries.staffAccounts());
  });

  r.put('/settings/hall', admin, async (req, res) => {
    const settings = parse(hallSchema, req.body);
    await hall.run({ type: 'configure', userId: by(res), settings });
    res.json(await queries.settings());
  });

  r.put('/settings/services/:id', admin, async (req, res) => {
    const id = parse(idParam, req.params.id);
    const service = { id, ...parse(serviceSchema, req.body) };
    await hall.run({ type: 'saveService', userId: by(res), service });
    res.json(await queries.settings());
  });

  r.delete('/settings/services/:id', admin, async (req, res) => {
    await hall.run({ type: 'removeService', userId: by(res), serviceId: String(req.params.id) });
    res.json(await queries.settings());
  });

  r.put('/settings/counters/:id', admin, async (req, res) => {
    const id = parse(idParam, req.params.id);
    await hall.run({ type: 'saveCounter', userId: by(res), counter: { id, ...parse(counterSchema, req.body) } });
    res.json(await queries.settings());
  });

  r.delete('/settings/counters/:id', admin, async (req, res) => {
    await hall.run({ type: 'removeCounter', userId: by(res), counterId: String(req.params.id) });
    res.json(await queries.settings());
  });

  /** Create (`new`) or update a staff account; `password` sets or resets it. */
  r.put('/settings/users/:id', admin, async (req, res) => {
    const b = parse(userSchema, req.body);
    const id = req.params.id === 'new' ? `u-${newId()}` : parse(idParam, req.params.id);
    const { password, ...user } = b;
    await hall.run({ type: 'saveUser', userId: by(res), user: { id, ...user }, ...(password && { passwordHash: await hashPassword(password) }) });
    res.json({ ...(await queries.settings()), id });
  });

  r.get('/audit', reader, async (_req, res) => {
    res.json(await queries.audit());
  });

  return r;
}
