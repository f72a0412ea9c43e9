// Taking a ticket, and what to tell a villager when it fails.
import type { TakenTicket } from '../shared/types.ts';
import { ApiError, call } from '../web/api.ts';

export type { TakenTicket };

/** Which button's ticket is on its way, so that one says so and both stay disabled. */
export type Taking = 'normal' | 'priority' | null;

export const takeTicket = (serviceId: string, priority: boolean) => call('takeTicket', { serviceId, priority });

export interface TakeFailure {
  message: string;
  /** Worth trying again as is: the request may never have reached the server. */
  retry: boolean;
}

export function takeFailure(err: unknown): TakeFailure {
  if (err instanceof ApiError && err.code === 'network') {
    return { message: '取号机暂时连不上服务器，号没有取到。请稍等一下再试。', retry: true };
  }
  if (err instanceof ApiError) {
    // The server's messages are written for people (暂停取号, 不是办公时间, 今日号已取完…).
    return { message: err.message, retry: err.status >= 500 };
  }
  return { message: '取号机出了点问题，号没有取到。', retry: true };
}
