// Which window this pad is paired with: the token it got at pairing, kept on the device.
// A supervisor or admin pairs it by signing in here once; their own session is ended
// straight away, so only the pad's token (good for rating its window's visits) stays.
import type { PadToken } from '../shared/types.ts';
import { ApiError, call } from '../web/api.ts';

const STORE = 'hall.pad';

export type Pairing = Pick<PadToken, 'token' | 'counterId' | 'counterName'>;

export function savedPairing(storage: Pick<Storage, 'getItem'> = localStorage): Pairing | null {
  try {
    const p = JSON.parse(storage.getItem(STORE) ?? 'null') as Partial<Pairing> | null;
    return p && typeof p.token === 'string' && typeof p.counterId === 'string' && typeof p.counterName === 'string' ? (p as Pairing) : null;
  } catch {
    return null;
  }
}

export const forgetPairing = () => localStorage.removeItem(STORE);

const NOT_ALLOWED = '只有中心主任或管理员可以绑定评价器';

export async function pair(username: string, password: string, counterId: string): Promise<Pairing> {
  // A clerk's account asks for a window to sign in at: it is not one that may pair.
  const { token: staff } = await call('signIn', { username, password }).catch((e: unknown) => {
    throw e instanceof ApiError && e.code === 'counter_required' ? new ApiError(403, 'forbidden', NOT_ALLOWED) : e;
  });
  try {
    const { token, counterName } = await call('pairPad', { counterId }, staff).catch((e: unknown) => {
      throw e instanceof ApiError && e.status === 403 ? new ApiError(403, e.code, NOT_ALLOWED) : e;
    });
    const p = { token, counterId, counterName };
    localStorage.setItem(STORE, JSON.stringify(p));
    return p;
  } finally {
    await call('signOut', {}, staff).catch(() => undefined);
  }
}
