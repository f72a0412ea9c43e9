// The hall's side of the county link, assembled: the shipper, its routes (link status,
// the link in 设置, 督办 notices) and the pushes that tell supervisors' pages.
import type { Router } from 'express';
import { HallError } from '../../shared/core/errors.ts';
import { rooms } from '../../shared/events.ts';
import type { CountyLink, HallData, NoticeView } from '../../shared/types.ts';
import type { Hall } from '../hall.ts';
import { authed } from '../http/access.ts';
import { routesOn } from '../http/route.ts';
import type { Io } from '../sockets/login.ts';
import type { Store } from '../store/index.ts';
import type { Timers } from '../timers.ts';
import { Shipper, type ShipperOptions } from './shipper.ts';

export interface CountyDeps {
  hall: Hall;
  store: Store;
  timers: Timers;
  clock: () => number;
  random?: () => number;
  fetch?: typeof fetch;
  envLink?: CountyLink | null;
  /** Shipper timings (tests shorten or drive them). */
  tuning?: Pick<ShipperOptions, 'requestTimeoutMs' | 'coalesceMs' | 'heartbeatMs' | 'maxBackoffMs'>;
  log?: (msg: string) => void;
}

export const unanswered = (d: HallData) => (d.notices ?? []).filter((n) => n.answer === undefined).length;

function noticeViews(d: HallData): NoticeView[] {
  const names = new Map(d.users.map((u) => [u.id, u.name]));
  return [...(d.notices ?? [])].reverse().map((n) => ({
    id: n.id,
    text: n.text,
    sentAt: n.sentAt,
    ...(n.warningId !== undefined && { warningId: n.warningId }),
    ...(n.answer !== undefined && { answer: n.answer, answeredAt: n.answeredAt!, answeredByName: names.get(n.answeredBy!) ?? n.answeredBy! }),
  }));
}

/** Starts shipping (when a link is set) and registers the routes on `r`, the one API router. */
export async function countyLink(deps: CountyDeps, r: Router): Promise<{ shipper: Shipper; attach(io: Io): void }> {
  const { hall } = deps;
  let io: Io | null = null;
  const shipper = new Shipper({
    hall,
    store: deps.store,
    envLink: deps.envLink ?? null,
    clock: deps.clock,
    timers: deps.timers,
    random: deps.random ?? Math.random,
    ...(deps.fetch && { fetch: deps.fetch }),
    ...deps.tuning,
    ...(deps.log && { log: deps.log }),
    onStatus: ({ state, pending, lastShippedAt, lastError, since }) =>
      io?.to(rooms.staff).emit('county:status', { state, pending, lastShippedAt, ...(lastError !== undefined && { lastError }), ...(since !== undefined && { since }) }),
  });
  hall.onApplied((facts) => {
    const received = facts.find((f) => f.type === 'NoticeReceived');
    if (received || facts.some((f) => f.type === 'NoticeAnswered')) {
      io?.to(rooms.staff).emit('notices:changed', { unanswered: hall.view(unanswered), ...(received && { received: received.notice.id }) });
    }
  });
  await shipper.start();

  const on = routesOn(r, hall);
  on('countyLink', () => shipper.status());
  on('setCountyLink', async ({ body }, _req, res) => {
    let link: CountyLink | null = null;
    if (body.url !== null) {
      if (!body.hallId) throw new HallError('invalid_request', 400, '请填写县中心分配的大厅编号');
      const key = body.key ?? hall.view((d) => d.countyLink?.key);
      if (!key) throw new HallError('key_required', 400, '请填写县中心给的密钥');
      link = { url: body.url, hallId: body.hallId, key };
    }
    await hall.run({ type: 'setCountyLink', userId: authed(res).session.userId, link });
    return shipper.status();
  });
  on('notices', () => hall.read(noticeViews));
  on('answerNotice', async ({ params: { id }, body }, _req, res) => {
    await hall.run({ type: 'answerNotice', userId: authed(res).session.userId, noticeId: id, text: body.text });
    return hall.view((d) => noticeViews(d).find((n) => n.id === id)!);
  });

  return {
    shipper,
    attach(sockets) {
      io = sockets;
    },
  };
}
