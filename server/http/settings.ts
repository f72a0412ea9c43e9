// The hall's settings (admin): hours and special days, businesses, windows, staff
// accounts, announcements, ratings and alert thresholds. Each change applies live
// and lands in the audit log. Supervisors may read them.
import { Router, type Response } from 'express';
import type { HallData, SettingsView } from '../../shared/types.ts';
import { hashPassword, newId } from '../auth.ts';
import type { Hall } from '../hall.ts';
import { authed } from './access.ts';
import { routesOn } from './route.ts';

/** Everything the settings page shows; never password hashes. */
export function settingsView(d: HallData): SettingsView {
  return {
    settings: d.settings,
    services: d.services,
    counters: d.counters,
    users: d.users.map(({ passwordHash: _, ...u }) => u),
  };
}

export function settingsRoutes(hall: Hall): Router {
  const r = Router();
  const on = routesOn(r, hall);
  const by = (res: Response) => authed(res).session.userId;

  on('settings', () => hall.read(settingsView));

  on('staff', () => hall.read((d) => d.users.map(({ id, username, name, staffNo, role, disabled }) => ({ id, username, name, staffNo, role, disabled }))));

  on('saveHall', async ({ body: settings }, _req, res) => {
    await hall.run({ type: 'configure', userId: by(res), settings });
    return settingsView(hall.data);
  });

  on('saveService', async ({ params: { id }, body }, _req, res) => {
    await hall.run({ type: 'saveService', userId: by(res), service: { id, ...body } });
    return settingsView(hall.data);
  });

  on('removeService', async ({ params: { id } }, _req, res) => {
    await hall.run({ type: 'removeService', userId: by(res), serviceId: id });
    return settingsView(hall.data);
  });

  on('saveCounter', async ({ params: { id }, body }, _req, res) => {
    await hall.run({ type: 'saveCounter', userId: by(res), counter: { id, ...body } });
    return settingsView(hall.data);
  });

  on('removeCounter', async ({ params: { id } }, _req, res) => {
    await hall.run({ type: 'removeCounter', userId: by(res), counterId: id });
    return settingsView(hall.data);
  });

  /** Create (`new`) or update a staff account; `password` sets or resets it. */
  on('saveUser', async ({ params, body }, _req, res) => {
    const id = params.id === 'new' ? `u-${newId()}` : params.id;
    const { password, ...user } = body;
    await hall.run({ type: 'saveUser', userId: by(res), user: { id, ...user }, ...(password && { passwordHash: await hashPassword(password) }) });
    return { ...settingsView(hall.data), id };
  });

  on('audit', () => hall.read((d) => d.audit.map((a) => ({ ...a, byName: d.users.find((u) => u.id === a.by)?.name ?? a.by })).reverse().slice(0, 500)));

  return r;
}
