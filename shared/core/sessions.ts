// Signing in and out: a clerk only at their own window or where they are the B post
// (AB岗); too many wrong passwords are written down for the supervisor.
import type { HallData } from '../types.ts';
import { refuse } from './errors.ts';
import { fact, type Fact } from './facts.ts';
import { counterOrRefuse, iso } from './state.ts';

interface At {
  at: number;
}

export type SessionCommand =
  | (At & { type: 'signIn'; userId: string; counterId: string | null; tokenHash: string; expiresAtMs: number })
  | (At & { type: 'signOut'; tokenHash: string })
  /** Sign-in paused after too many wrong passwords for an account or from an address. */
  | (At & { type: 'signInPaused'; username: string; address: string; what: 'account' | 'address'; failures: number; minutes: number });

export function decideSession(data: HallData, cmd: SessionCommand): Fact[] {
  switch (cmd.type) {
    case 'signIn': return signIn(data, cmd);
    case 'signOut': return signOut(data, cmd);
    case 'signInPaused': return signInPaused(data, cmd);
  }
}


function signIn(data: HallData, cmd: Extract<SessionCommand, { type: 'signIn' }>): Fact[] {
  const user = data.users.find((u) => u.id === cmd.userId) ?? refuse('bad_credentials', 401, '用户名或密码不正确');
  if (user.disabled) refuse('bad_credentials', 401, '该账号已停用，请联系管理员');
  let counterId: string | null = null;
  if (user.role === 'clerk') {
    if (cmd.counterId === null) refuse('counter_required', 400, '请选择您所在的窗口');
    const counter = counterOrRefuse(data, cmd.counterId!);
    // AB岗: a clerk may sit at their own window or one where they are the B post.
    if (counter.clerkA !== user.id && counter.clerkB !== user.id) {
      refuse('not_your_counter', 403, `您不是${counter.name}的 A 岗或 B 岗，不能在此窗口签到`);
    }
    counterId = counter.id;
  }
  return [fact('SignedIn', { tokenHash: cmd.tokenHash, userId: user.id, role: user.role, counterId, at: iso(data, cmd.at), expiresAtMs: cmd.expiresAtMs })];
}

function signOut(data: HallData, cmd: Extract<SessionCommand, { type: 'signOut' }>): Fact[] {
  if (!Object.hasOwn(data.sessions, cmd.tokenHash)) refuse('unauthorized', 401, '登录已失效，请重新登录');
  return [fact('SignedOut', { tokenHash: cmd.tokenHash, at: iso(data, cmd.at) })];
}

/** Recorded for the supervisor in the audit log: someone may be guessing passwords. */
function signInPaused(data: HallData, cmd: Extract<SessionCommand, { type: 'signInPaused' }>): Fact[] {
  const target = cmd.what === 'account' ? `账号 ${cmd.username}` : `地址 ${cmd.address}`;
  const detail = `${cmd.failures} 次密码错误（最近一次：账号 ${cmd.username}，来自 ${cmd.address}），暂停登录 ${cmd.minutes} 分钟`;
  return [fact('Audited', { entry: { at: iso(data, cmd.at), by: 'system', action: '登录失败过多', target, detail } })];
}
