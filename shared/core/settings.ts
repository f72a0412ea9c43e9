// The hall's configuration, changed by an admin while the hall runs. Each change is
// checked against the whole configuration it would produce (no duplicate prefixes,
// every window serves something, AB posts are clerks…), applies at once, and leaves
// an audit entry: who, what, when.
import type { AuditEntry, Counter, HallData, Hours, PrinterSettings, Role, Service, Settings, User } from '../types.ts';
import { refuse } from './errors.ts';
import { scheduleText } from './hours.ts';
import { fact, type Fact, type HallSettings } from './facts.ts';
import { currentTicket, iso } from './state.ts';
import { isDay, isValidTimeZone } from './time.ts';

interface By {
  at: number;
  userId: string;
}

export type { HallSettings };
export type UserInput = Pick<User, 'id' | 'username' | 'name' | 'staffNo' | 'role' | 'disabled'>;

export type SettingsCommand =
  | (By & { type: 'configure'; settings: HallSettings })
  | (By & { type: 'saveService'; service: Service })
  | (By & { type: 'removeService'; serviceId: string })
  /** The kiosk's order of the businesses: every id, each once. */
  | (By & { type: 'orderServices'; serviceIds: string[] })
  | (By & { type: 'saveCounter'; counter: Counter })
  | (By & { type: 'removeCounter'; counterId: string })
  | (By & { type: 'saveUser'; user: UserInput; passwordHash?: string })
  /** `counterId`: a clerk's window (a clerk delivers their own window's cases); null for supervisors. */
  | (By & { type: 'deliver'; ticketId: string; note?: string; counterId?: string | null })
  | (By & { type: 'setPrinter'; printer: PrinterSettings });

export function decideSettings(data: HallData, cmd: SettingsCommand): Fact[] {
  switch (cmd.type) {
    case 'configure': {
      // A setting the command leaves out (one written before the setting existed) stays as it is.
      const next = { ...data.settings, ...cmd.settings, printer: data.settings.printer };
      check({ ...data, settings: next });
      const changed = Object.keys(next).filter((k) => JSON.stringify(next[k as keyof Settings]) !== JSON.stringify(data.settings[k as keyof Settings]));
      return [fact('SettingsChanged', { settings: cmd.settings }), audit(data, cmd, '修改大厅设置', next.hallName, changed.map((k) => SETTING_NAMES[k] ?? k).join('、') || '无变化')];
    }
    case 'saveService': {
      const s = cmd.service;
      const old = data.services.find((x) => x.id === s.id);
      const services = old ? data.services.map((x) => (x.id === s.id ? s : x)) : [...data.services, s];
      check({ ...data, services });
      return [fact('ServiceSaved', { service: s }), audit(data, cmd, old ? '修改业务' : '新增业务', `${s.prefix} ${s.name}`, describeService(s))];
    }
    case 'removeService': {
      const s = data.services.find((x) => x.id === cmd.serviceId) ?? refuse('unknown_service', 404, '没有这项业务');
      if (Object.values(data.tickets).some((t) => t.serviceId === s.id)) refuse('service_in_use', 409, `${s.name}今天已有取号，不能删除；可以先停用`);
      const users = data.counters.filter((c) => c.serviceIds.includes(s.id)).map((c) => c.name);
      if (users.length) refuse('service_in_use', 409, `${users.join('、')}还在办理${s.name}，请先从窗口中去掉这项业务`);
      return [fact('ServiceRemoved', { serviceId: s.id }), audit(data, cmd, '删除业务', `${s.prefix} ${s.name}`, '')];
    }
    case 'orderServices': {
      const ids = cmd.serviceIds;
      const known = new Set(data.services.map((x) => x.id));
      if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) refuse('invalid_order', 409, '业务列表已有变化，请刷新后重新排序');
      if (ids.every((id, i) => data.services[i]!.id === id)) return [];
      const names = ids.map((id) => data.services.find((x) => x.id === id)!.name);
      return [fact('ServicesOrdered', { serviceIds: [...ids] }), audit(data, cmd, '调整业务顺序', '取号机上的业务', names.join('、'))];
    }
    case 'saveCounter': {
      const c = cmd.counter;
      const old = data.counters.find((x) => x.id === c.id);
      const counters = old ? data.counters.map((x) => (x.id === c.id ? c : x)) : [...data.counters, c];
      check({ ...data, counters });
      const names = (ids: string[]) => ids.map((id) => data.services.find((s) => s.id === id)?.name ?? id).join('、');
      const who = (id: string | null) => (id ? (data.users.find((u) => u.id === id)?.name ?? id) : '无');
      // A clerk who is no longer this window's A or B post loses the sign-in they hold here.
      const lost = Object.entries(data.sessions).filter(([, s]) => s.counterId === c.id && s.userId !== c.clerkA && s.userId !== c.clerkB);
      return [
        fact('CounterSaved', { counter: c }),
        ...lost.map(([tokenHash]) => fact('SignedOut', { tokenHash, at: iso(data, cmd.at) })),
        audit(data, cmd, old ? '修改窗口' : '新增窗口', c.name, `业务：${names(c.serviceIds)}；A岗：${who(c.clerkA)}；B岗：${who(c.clerkB)}`),
      ];
    }
    case 'removeCounter': {
      const c = data.counters.find((x) => x.id === cmd.counterId) ?? refuse('unknown_counter', 404, '没有这个窗口');
      if (currentTicket(data, c.id)) refuse('counter_in_use', 409, `${c.name}正在办理一个号，办结后才能删除`);
      const counters = data.counters.filter((x) => x.id !== c.id);
      check({ ...data, counters });
      return [fact('CounterRemoved', { counterId: c.id }), audit(data, cmd, '删除窗口', c.name, '')];
    }
    case 'saveUser': {
      const u = cmd.user;
      const old = data.users.find((x) => x.id === u.id);
      if (!old && !cmd.passwordHash) refuse('invalid_request', 400, '新账号需要设置初始密码');
      const user: User = { ...u, passwordHash: cmd.passwordHash ?? old!.passwordHash };
      const users = old ? data.users.map((x) => (x.id === u.id ? user : x)) : [...data.users, user];
      if (cmd.userId === u.id && (u.disabled || u.role !== 'admin')) refuse('invalid_request', 400, '不能停用自己的账号或取消自己的管理员权限');
      check({ ...data, users });
      // A disabled account, one whose role changed or whose password was reset is signed
      // out everywhere: whoever held its sign-ins may no longer have the right.
      const signOut = !!old && (u.disabled || u.role !== old.role || cmd.passwordHash !== undefined);
      const action = !old ? '新增账号' : cmd.passwordHash ? '重置密码' : u.disabled && !old.disabled ? '停用账号' : '修改账号';
      return [fact('UserSaved', { user, signOut }), audit(data, cmd, action, `${u.username}（${u.name}）`, `${ROLE_NAMES[u.role]}${u.disabled ? '，已停用' : ''}`)];
    }
    case 'setPrinter': {
      const p = cmd.printer;
      return [fact('PrinterChanged', { printer: { ...p } }), audit(data, cmd, '修改打印机', p.uri ?? '不接打印机', `纸宽 ${p.paperWidth} 毫米，${p.checkStatus ? '出号前检查纸张' : '不检查纸张'}`)];
    }
    case 'deliver': {
      const c = data.commitments.find((x) => x.ticketId === cmd.ticketId) ?? refuse('unknown_commitment', 404, '没有这件承诺件');
      if (cmd.counterId != null && c.counterId !== cmd.counterId) refuse('not_your_counter', 403, `${c.number} 是其他窗口的承诺件，只能由该窗口或中心主任办结`);
      if (c.deliveredAt) refuse('already_delivered', 409, `${c.number}（${c.day}）已经办结送达`);
      const note = cmd.note?.trim();
      return [fact('CommitmentDelivered', { ticketId: c.ticketId, at: iso(data, cmd.at), by: cmd.userId, ...(note && { note }) })];
    }
  }
}

const ROLE_NAMES: Record<Role, string> = { admin: '管理员', supervisor: '中心主任', clerk: '窗口人员' };
const SETTING_NAMES: Record<string, string> = {
  hallName: '大厅名称', timeZone: '时区', weekHours: '办公时间', specialDays: '特殊日期', priorityCap: '连续优先上限',
  recallCap: '呼叫次数上限', announcement: '叫号播报', priorityKinds: '优先对象', ratings: '评价设置', alerts: '预警阈值',
  limits: '取号与留言限制', marketDays: '逢场天规律', lastTicketMin: '停止取号时间',
};

function describeService(s: Service): string {
  return [`前缀 ${s.prefix}`, `承诺 ${s.committedDays} 个工作日`, s.enabled ? '启用' : '停用', s.dailyQuota === null ? '不限号' : `每日限 ${s.dailyQuota} 号`, s.priorityAllowed ? '可优先' : '不设优先', ...(s.schedule ? [`${scheduleText(s.schedule).trim()}办理`] : [])].join('，');
}

function audit(data: HallData, cmd: By, action: string, target: string, detail: string): Fact {
  const entry: AuditEntry = { at: iso(data, cmd.at), by: cmd.userId, action, target, detail };
  return fact('Audited', { entry });
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Refuses (400 invalid_settings) with the first thing a person must fix. */
function check(d: Pick<HallData, 'settings' | 'services' | 'counters' | 'users'>): void {
  const bad = (message: string): never => refuse('invalid_settings', 400, message);
  const s = d.settings;
  if (!s.hallName.trim()) bad('大厅名称不能为空');
  if (!isValidTimeZone(s.timeZone)) bad(`时区 ${s.timeZone} 无效，例如 Asia/Shanghai`);
  if (s.weekHours.length !== 7) bad('办公时间要按星期日到星期六填写 7 天');
  const hoursOk = (h: Hours, what: string) => {
    if (!HHMM.test(h.open) || !HHMM.test(h.close)) bad(`${what}的时间格式应为 08:30`);
    if (h.open >= h.close) bad(`${what}的上班时间要早于下班时间`);
    if (h.lunch) {
      if (!HHMM.test(h.lunch.from) || !HHMM.test(h.lunch.to)) bad(`${what}的午休时间格式应为 12:00`);
      if (h.lunch.from >= h.lunch.to) bad(`${what}的午休开始要早于结束`);
      if (h.lunch.from <= h.open || h.lunch.to >= h.close) bad(`${what}的午休要在上班和下班时间之间`);
    }
  };
  s.weekHours.forEach((h, i) => h && hoursOk(h, `星期${'日一二三四五六'[i]}`));
  const dates = new Set<string>();
  for (const day of s.specialDays) {
    if (!isDay(day.date)) bad(`特殊日期 ${day.date} 不是有效日期`);
    if (dates.has(day.date)) bad(`特殊日期 ${day.date} 重复了`);
    dates.add(day.date);
    if (day.hours) hoursOk(day.hours, `${day.date}（${day.name || '特殊日期'}）`);
    if (day.kind === 'market' && !day.hours) bad(`逢场天 ${day.date} 要填办公时间`);
  }
  if (s.marketDays) {
    const digits = s.marketDays.digits;
    if (digits.length === 0) bad('逢场天规律至少要选一个尾数（例如逢 1、4、7）');
    if (new Set(digits).size !== digits.length || digits.some((n) => !Number.isInteger(n) || n < 0 || n > 9)) bad('逢场天的尾数应为 0 到 9，不能重复');
    if (s.marketDays.hours) hoursOk(s.marketDays.hours, '逢场天');
  }
  if (!Number.isInteger(s.lastTicketMin) || s.lastTicketMin < 0 || s.lastTicketMin > 240) bad('停止取号时间应为下班前 0 到 240 分钟');
  if (!s.announcement.template.includes('{number}')) bad('叫号播报内容要包含 {number}（号码）');
  if (s.ratings.reasons.filter((r) => r.trim()).length === 0) bad('差评原因至少要有一条');

  const prefixes = new Map<string, string>();
  const serviceIds = new Set<string>();
  for (const svc of d.services) {
    if (!svc.name.trim()) bad('业务名称不能为空');
    if (!/^[A-Z]$/.test(svc.prefix)) bad(`${svc.name}的号码前缀应为一个大写字母`);
    const other = prefixes.get(svc.prefix);
    if (other) bad(`号码前缀 ${svc.prefix} 已被“${other}”使用，每项业务的前缀不能相同`);
    prefixes.set(svc.prefix, svc.name);
    if (serviceIds.has(svc.id)) bad(`业务编号 ${svc.id} 重复了`);
    const sc = svc.schedule;
    if (sc) {
      if (!HHMM.test(sc.open) || !HHMM.test(sc.close) || sc.open >= sc.close) bad(`${svc.name}的办理时间应为“09:00 到 12:00”这样，开始早于结束`);
      if (sc.weekdays.length === 0 || new Set(sc.weekdays).size !== sc.weekdays.length) bad(`${svc.name}至少要选一天办理，且不能重复`);
    }
    serviceIds.add(svc.id);
  }
  const counterIds = new Set<string>();
  const clerk = (id: string | null, where: string) => {
    if (id === null) return;
    const u = d.users.find((x) => x.id === id);
    if (!u) bad(`${where}的人员不存在`);
    if (u!.role !== 'clerk') bad(`${where}只能安排窗口人员账号`);
  };
  for (const c of d.counters) {
    if (!c.name.trim()) bad('窗口名称不能为空');
    if (counterIds.has(c.id)) bad(`窗口编号 ${c.id} 重复了`);
    counterIds.add(c.id);
    if (c.serviceIds.length === 0) bad(`${c.name}至少要办理一项业务`);
    for (const id of c.serviceIds) if (!serviceIds.has(id)) bad(`${c.name}的业务 ${id} 不存在`);
    clerk(c.clerkA, `${c.name} A岗`);
    clerk(c.clerkB, `${c.name} B岗`);
    if (c.clerkA && c.clerkA === c.clerkB) bad(`${c.name}的 A岗和 B岗不能是同一个人`);
  }
  const usernames = new Set<string>();
  for (const u of d.users) {
    if (!/^[A-Za-z0-9_.-]{2,32}$/.test(u.username)) bad(`用户名 ${u.username} 只能用字母、数字和 _ . -，2 到 32 位`);
    if (usernames.has(u.username)) bad(`用户名 ${u.username} 已被使用`);
    usernames.add(u.username);
    if (!u.name.trim()) bad('姓名不能为空');
  }
  if (!d.users.some((u) => u.role === 'admin' && !u.disabled)) bad('至少要保留一个可用的管理员账号');
}
