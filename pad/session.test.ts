import { describe, expect, it } from 'vitest';
import { counterIdFrom } from './counterId.ts';
import { finished, idleSession, offered, ticked, touched, visitKey, type Request } from './session.ts';

const req = (ticketId: string, finishedAt = '2025-03-03T09:00:00+08:00'): Request => ({ ticketId, number: ticketId.toUpperCase(), serviceName: '户籍', finishedAt });
const IDLE = 60;

describe('pad session', () => {
  it('asks when a visit is offered and gives up idleSec after it appeared', () => {
    let s = offered(idleSession, req('e1'), IDLE, 1_000);
    expect(s.asking?.request.ticketId).toBe('e1');
    expect(s.asking?.deadline).toBe(61_000);
    s = ticked(s, 60_999);
    expect(s.asking).not.toBeNull();
    s = ticked(s, 61_000);
    expect(s.asking).toBeNull();
    expect(s.done).toEqual([visitKey(req('e1'))]);
  });

  it('gives the full time again on each touch', () => {
    let s = offered(idleSession, req('e1'), IDLE, 0);
    s = touched(s, IDLE, 50_000);
    expect(ticked(s, 60_000).asking).not.toBeNull();
    s = touched(s, IDLE, 100_000);
    expect(ticked(s, 159_999).asking).not.toBeNull();
    expect(ticked(s, 160_000).asking).toBeNull();
  });

  it('a touch while idle changes nothing', () => {
    expect(touched(idleSession, IDLE, 5)).toBe(idleSession);
  });

  it('never asks again for a visit it let go, though the server still offers it', () => {
    let s = offered(idleSession, req('e1'), IDLE, 0);
    s = ticked(s, 60_000);
    // A reconnect or any push re-sends the server's request until its own window closes.
    expect(offered(s, req('e1'), IDLE, 60_500).asking).toBeNull();
    s = finished(offered(s, req('e2'), IDLE, 70_000), req('e2'));
    expect(s.asking).toBeNull();
    expect(offered(s, req('e2'), IDLE, 71_000).asking).toBeNull();
  });

  it('the same request pushed again keeps its deadline', () => {
    const s = offered(idleSession, req('e1'), IDLE, 0);
    expect(offered(s, req('e1'), IDLE, 30_000)).toBe(s);
  });

  it('a newer visit replaces the one being asked, even half-way', () => {
    let s = touched(offered(idleSession, req('e1'), IDLE, 0), IDLE, 10_000);
    s = offered(s, req('e2'), IDLE, 20_000);
    expect(s.asking?.request.ticketId).toBe('e2');
    expect(s.asking?.touched).toBe(false);
    expect(s.done).toEqual([visitKey(req('e1'))]);
  });

  it('drops an untouched request the server withdrew, keeps one being filled in', () => {
    const fresh = offered(idleSession, req('e1'), IDLE, 0);
    expect(offered(fresh, null, IDLE, 1_000).asking).toBeNull();
    const busy = touched(fresh, IDLE, 500);
    expect(offered(busy, null, IDLE, 1_000).asking?.request.ticketId).toBe('e1');
  });

  it('asks again for a visit the clerk undid (撤销办结) and finished again', () => {
    let s = offered(idleSession, req('e1'), IDLE, 0);
    s = offered(s, null, IDLE, 30_000); // undone: the server withdraws the request
    expect(s.asking).toBeNull();
    s = offered(s, req('e1', '2025-03-03T09:05:00+08:00'), IDLE, 300_000);
    expect(s.asking?.request.finishedAt).toBe('2025-03-03T09:05:00+08:00');
    expect(s.asking?.deadline).toBe(360_000);
  });

  it('remembers a bounded number of visits', () => {
    let s = idleSession;
    for (let i = 0; i < 200; i++) s = finished(s, req(`t${i}`));
    expect(s.done.length).toBe(50);
    expect(s.done.at(-1)).toBe(visitKey(req('t199')));
  });
});

describe('counterIdFrom', () => {
  it('reads ?counter=', () => {
    expect(counterIdFrom('?counter=3')).toBe('3');
    expect(counterIdFrom('?counter=%20')).toBeNull();
    expect(counterIdFrom('')).toBeNull();
  });
});
