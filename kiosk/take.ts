// Taking a ticket, and what to tell a villager when it fails.
import type { TakenTicket } from '../shared/types.ts';
import { ApiError, call } from '../web/api.ts';

export type { TakenTicket };

/** Which button's ticket is on its way, so that one says so and both stay disabled. */
export type Taking = 'normal' | 'priority' | null;

/**
 * `key` names one wish for a ticket: a retry of the same wish sends the same key, so if
 * the first try reached the server and only its answer was lost, the retry gets that
 * ticket back instead of taking a second one.
 */
export const takeTicket = (serviceId: string, priority: boolean, key: string) => call('takeTicket', { serviceId, priority }, null, { 'Idempotency-Key': key });

/** A fresh Idempotency-Key (getRandomValues works on a plain-http LAN page; randomUUID does not). */
export function newTakeKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface TakeFailure {
  message: string;
  /** The take may have happened: the screen must not say it did not. */
  uncertain?: boolean;
  /** Worth trying again as is: the request may never have reached the server. */
  retry: boolean;
}

export function takeFailure(err: unknown): TakeFailure {
  if (err instanceof ApiError && err.code === 'network') {
    // The request may have reached the server and only the answer been lost: say so,
    // and let the retry (same key) show the ticket if it was taken.
    return { uncertain: true, message: '取号机和服务器的连接断了，不知道号有没有取到。请点“再试一次”：如果已经取到，会显示同一个号，不会多取。', retry: true };
  }
  if (err instanceof ApiError && err.status === 429) {
    // Turned away before anything was taken (too many takes from this address): certain,
    // and worth trying again after a while. The server's message says so (取号太频繁…).
    return { message: err.message, retry: true };
  }
  if (err instanceof ApiError) {
    // The server's messages are written for people (暂停取号, 不是办公时间, 今日号已取完…).
    return { message: err.message, retry: err.status >= 500 };
  }
  return { message: '取号机出了点问题，号没有取到。', retry: true };
}
