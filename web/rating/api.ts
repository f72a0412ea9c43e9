// The rating endpoints as the pages call them.
import type { RatableTicket, RatingRequest } from '../../shared/types.ts';
import { ApiError, call } from '../api.ts';

export type { RatableTicket };

export const ticketByNumber = (number: string) => call('ticketByNumber', { number });

/** Reasons offered for a bad rating and the working days the hall takes to call back. */
export const ratingSettings = () => call('ratingReasons', {});

/** A pad sends its own token; everyone else sends the ticket's 评价码 in the body. */
export const sendRating = (body: RatingRequest, padToken?: string) => call('rate', body, padToken);

/**
 * Refusals that asking again cannot change: the visit was rated already (another
 * channel came first), was never served, or is not today's. Anything else (network,
 * a bad field) leaves the villager's choices on screen to try again.
 */
export function isFinal(err: unknown): err is ApiError {
  return err instanceof ApiError && (err.code === 'already_rated' || err.code === 'not_served' || err.code === 'unknown_ticket' || err.code === 'not_your_ticket');
}

export const errorText = (err: unknown): string => (err instanceof ApiError ? err.message : '出了点问题，请再试一次');
