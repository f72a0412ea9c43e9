// The 业务, 窗口 and 人员 forms ↔ the API's request bodies. Pure.
import type { UserInput } from '../../shared/core/settings.ts';
import type { Counter, Role, Service, ServiceSchedule } from '../../shared/types.ts';
import { parseHours } from './hours.ts';
import { idProblem, slugify } from './ids.ts';
import { allOk, cleanList, fail, intField, numberField, ok, type Parsed } from './parse.ts';

/** A staff account as GET /api/settings lists it: never the password hash. */
export type StaffAccount = UserInput;

export const ROLE_NAMES: Record<Role, string> = { admin: '管理员', supervisor: '中心主任', clerk: '窗口人员' };

// ------------------------------------------------------------------ 业务

export interface ServiceForm {
  id: string;
  name: string;
  prefix: string;
  materials: string[];
  committedDays: string;
  priorityAllowed: boolean;
  /** Empty: no daily limit (不限号). */
  dailyQuota: string;
  enabled: boolean;
  avgServiceMin: string;
  schedule: ScheduleForm;
}

/** 办理时间: whenever the hall is open, or set weekdays and hours within it. */
export interface ScheduleForm {
  own: boolean;
  weekdays: number[];
  from: string;
  to: string;
}

const ANY_TIME: ScheduleForm = { own: false, weekdays: [1, 2, 3, 4, 5], from: '09:00', to: '12:00' };

function fromScheduleForm(f: ScheduleForm, name: string): Parsed<ServiceSchedule | null> {
  if (!f.own) return ok(null);
  if (f.weekdays.length === 0) return fail(`${name}至少要选一天办理`);
  const h = parseHours(f.from, f.to, `${name}的办理时间`);
  return h.ok ? ok({ weekdays: [...f.weekdays].sort(), open: h.value.open, close: h.value.close }) : h;
}

export type ServiceBody = Omit<Service, 'id'>;

export function toServiceForm(s: Service): ServiceForm {
  return {
    id: s.id,
    name: s.name,
    prefix: s.prefix,
    materials: [...s.materials],
    committedDays: String(s.committedDays),
    priorityAllowed: s.priorityAllowed,
    dailyQuota: s.dailyQuota === null ? '' : String(s.dailyQuota),
    enabled: s.enabled,
    avgServiceMin: String(s.avgServiceMin),
    schedule: s.schedule ? { own: true, weekdays: [...s.schedule.weekdays], from: s.schedule.open, to: s.schedule.close } : { ...ANY_TIME },
  };
}

/** A new business: enabled, no quota, 3 working days (the seeds' usual 承诺 time). */
export function newServiceForm(id: string): ServiceForm {
  return { id, name: '', prefix: '', materials: [], committedDays: '3', priorityAllowed: true, dailyQuota: '', enabled: true, avgServiceMin: '6', schedule: { ...ANY_TIME } };
}

/**
 * `taken`: ids already in use, given only for a new business, whose typed id becomes a
 * slug ("Tax Office" → tax-office); an existing business keeps its id as it is.
 */
export function fromServiceForm(f: ServiceForm, taken: readonly string[] | null): Parsed<{ id: string; body: ServiceBody }> {
  const id = taken ? slugify(f.id) || f.id.trim() : f.id;
  if (taken) {
    const problem = idProblem(id, taken);
    if (problem) return fail(`业务${problem}`);
  }
  if (!f.name.trim()) return fail('业务名称不能为空');
  const prefix = f.prefix.trim().toUpperCase();
  if (!/^[A-Z]$/.test(prefix)) return fail('号码前缀应为一个英文字母，例如 A');
  if (prefix === 'I' || prefix === 'O') return fail('号码前缀不能用 I 或 O：在号票和叫号屏上容易看成 1 和 0');
  const n = allOk({
    committedDays: intField(f.committedDays, '承诺办结时限', 1, 60),
    avgServiceMin: numberField(f.avgServiceMin, '平均办理时间', 0.5, 240),
    dailyQuota: f.dailyQuota.trim() === '' ? ok(null) : intField(f.dailyQuota, '每日限号', 1, 100_000),
  });
  if (!n.ok) return n;
  const schedule = fromScheduleForm(f.schedule, f.name.trim());
  if (!schedule.ok) return schedule;
  return ok({
    id,
    body: { name: f.name.trim(), prefix, materials: cleanList(f.materials), priorityAllowed: f.priorityAllowed, enabled: f.enabled, ...n.value, schedule: schedule.value },
  });
}

// ------------------------------------------------------------------ 窗口

export interface CounterForm {
  name: string;
  serviceIds: string[];
  /** Empty: nobody at that post. */
  clerkA: string;
  clerkB: string;
}

export type CounterBody = Omit<Counter, 'id'>;

export function toCounterForm(c: Counter): CounterForm {
  return { name: c.name, serviceIds: [...c.serviceIds], clerkA: c.clerkA ?? '', clerkB: c.clerkB ?? '' };
}

/**
 * Businesses keep the window's own order (the console lists them so), a newly ticked one
 * last; one deleted meanwhile is dropped.
 */
export function fromCounterForm(f: CounterForm, services: readonly Service[]): Parsed<CounterBody> {
  if (!f.name.trim()) return fail('窗口名称不能为空');
  return ok({
    name: f.name.trim(),
    serviceIds: f.serviceIds.filter((id) => services.some((s) => s.id === id)),
    clerkA: f.clerkA || null,
    clerkB: f.clerkB || null,
  });
}

export function toggle(ids: readonly string[], id: string, on: boolean): string[] {
  return on ? (ids.includes(id) ? [...ids] : [...ids, id]) : ids.filter((x) => x !== id);
}

// ------------------------------------------------------------------ 人员

export interface UserForm {
  username: string;
  name: string;
  staffNo: string;
  role: Role;
  disabled: boolean;
}

export type UserBody = Omit<UserInput, 'id'> & { password?: string };

export const MIN_PASSWORD = 8;

export function toUserForm(u: StaffAccount): UserForm {
  return { username: u.username, name: u.name, staffNo: u.staffNo, role: u.role, disabled: u.disabled };
}

export function newUserForm(): UserForm {
  return { username: '', name: '', staffNo: '', role: 'clerk', disabled: false };
}

/** `password`: required for a new account, else only sent when resetting it. */
export function fromUserForm(f: UserForm, password: string | null): Parsed<UserBody> {
  const username = f.username.trim();
  if (!/^[A-Za-z0-9_.-]{2,32}$/.test(username)) return fail('用户名只能用字母、数字和 _ . -，2 到 32 位');
  if (!f.name.trim()) return fail('姓名不能为空');
  if (password !== null && password.length < MIN_PASSWORD) return fail(`密码至少 ${MIN_PASSWORD} 位`);
  const body: UserBody = { username, name: f.name.trim(), staffNo: f.staffNo.trim(), role: f.role, disabled: f.disabled };
  return ok(password === null ? body : { ...body, password });
}

/** Where a clerk may sign in: ["1号窗口 A岗", "6号窗口 B岗"]. */
export function postsOf(userId: string, counters: readonly Counter[]): string[] {
  const posts: string[] = [];
  for (const c of counters) {
    if (c.clerkA === userId) posts.push(`${c.name} A岗`);
    if (c.clerkB === userId) posts.push(`${c.name} B岗`);
  }
  return posts;
}
