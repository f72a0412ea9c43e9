// Supervisor figures: GET /api/stats over the live day and archived days.
import type { Router } from 'express';
import { HallError } from '../../shared/core/errors.ts';
import { daysBetween } from '../../shared/core/time.ts';
import { range } from '../../shared/schemas.ts';
import type { Hall } from '../hall.ts';
import type { Queries } from '../queries.ts';
import { routesOn } from './route.ts';
import { parse } from './validate.ts';

const MAX_DAYS = 1000;

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

/** Registers its routes on `r`, the one API router. */
export function statsRoutes(r: Router, hall: Hall, queries: Queries): void {
  routesOn(r, hall)('stats', async (_in, req) => queries.stats(dateRange(hall, req.query)));
}
