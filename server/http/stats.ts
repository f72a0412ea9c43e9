// Supervisor figures: GET /api/stats over the live day and archived days.
import { Router } from 'express';
import { HallError } from '../../shared/core/errors.ts';
import { stats } from '../../shared/core/stats.ts';
import { daysBetween } from '../../shared/core/time.ts';
import type { Ticket } from '../../shared/types.ts';
import type { Hall } from '../hall.ts';
import type { Archive } from '../store/archive.ts';
import { range } from '../../shared/schemas.ts';
import { routesOn } from './route.ts';
import { parse } from './validate.ts';

const MAX_DAYS = 1000;

/** Tickets taken on days from..to (inclusive), live day included. */
export async function ticketsBetween(hall: Hall, archive: Archive, from: string, to: string): Promise<Ticket[]> {
  const out: Ticket[] = [];
  for (const day of await archive.days()) {
    if (day < from || day > to) continue;
    const a = await archive.read(day);
    if (a) out.push(...a.tickets);
  }
  const live = hall.data.today.day;
  if (live >= from && live <= to) await hall.read((d) => out.push(...Object.values(d.tickets)));
  return out;
}

/** `from`/`to` query dates, each today when left out; 400 when bad or reversed. */
export function dateRange(hall: Hall, query: unknown): { from: string; to: string } {
  const q = parse(range, query);
  const today = hall.today();
  const from = q.from ?? today;
  const to = q.to ?? today;
  if (from > to) throw new HallError('invalid_request', 400, '开始日期不能晚于结束日期');
  if (daysBetween(from, to) >= MAX_DAYS) throw new HallError('invalid_request', 400, `查询范围不能超过 ${MAX_DAYS} 天`);
  return { from, to };
}

export function statsRoutes(hall: Hall, archive: Archive): Router {
  const r = Router();
  routesOn(r, hall)('stats', async (_in, req, res) => {
    const { from, to } = dateRange(hall, req.query);
    const tickets = await ticketsBetween(hall, archive, from, to);
    res.json(stats(tickets, tickets.flatMap((t) => (t.rating ? [t.rating] : []))));
  });
  return r;
}
