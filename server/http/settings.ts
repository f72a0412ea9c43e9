// The hall's settings (admin): hours and special days, businesses, windows, staff
// accounts, announcements, ratings and alert thresholds. Each change applies live
// and lands in the audit log. Supervisors may read them.
import type { Router, Response } from 'express';
import { hashPassword, newId } from '../auth.ts';
import type { Hall, Order } from '../hall.ts';
import type { Queries } from '../queries.ts';
import { authed } from './access.ts';
import { routesOn } from './route.ts';

/** Registers its routes on `r`, the one API router. */
export function settingsRoutes(r: Router, hall: Hall, queries: Queries): void {
  const on = routesOn(r, hall);
  const by = (res: Response) => authed(res).session.userId;

  on('settings', () => queries.settings());

  on('staff', () => queries.staffAccounts());

  /** An admin's change, one hall command; the reply is the settings as they now are. */
  const change = async (order: Order) => {
    await hall.run(order);
    return queries.settings();
  };

  // A client that does not know the limits yet (older scripts) leaves them as they are.
  // Settings a client older than them leaves out are kept as they are.
  on('saveHall', ({ body: { limits, marketDays, lastTicketMin, ...settings } }, _req, res) => {
    const now = hall.view((s) => s.settings);
    return change({ type: 'configure', userId: by(res), settings: { ...settings, limits: limits ?? now.limits, marketDays: marketDays === undefined ? now.marketDays : marketDays, lastTicketMin: lastTicketMin ?? now.lastTicketMin } });
  });
  on('saveService', ({ params: { id }, body }, _req, res) => change({ type: 'saveService', userId: by(res), service: { id, ...body } }));
  on('orderServices', ({ body }, _req, res) => change({ type: 'orderServices', userId: by(res), serviceIds: body.serviceIds }));
  on('removeService', ({ params: { id } }, _req, res) => change({ type: 'removeService', userId: by(res), serviceId: id }));
  on('saveCounter', ({ params: { id }, body }, _req, res) => change({ type: 'saveCounter', userId: by(res), counter: { id, ...body } }));
  on('removeCounter', ({ params: { id } }, _req, res) => change({ type: 'removeCounter', userId: by(res), counterId: id }));

  /** Create (`new`) or update a staff account; `password` sets or resets it. */
  on('saveUser', async ({ params, body }, _req, res) => {
    const id = params.id === 'new' ? `u-${newId()}` : params.id;
    const { password, ...user } = body;
    await hall.run({ type: 'saveUser', userId: by(res), user: { id, ...user }, ...(password && { passwordHash: await hashPassword(password) }) });
    return { ...(await queries.settings()), id };
  });

  on('audit', () => queries.audit());
  on('calendar', ({ query }) => queries.calendar(query.from, query.days ?? 35));

}
