// The public contract (../shared/CONTRACT.md), checked against the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHall();
});
afterAll(() => h.close());

const errorShape = (body: any, code: string) => {
  expect(body).toEqual({ error: { code, message: expect.any(String) } });
  expect(body.error.message.length).toBeGreaterThan(0);
};

describe('public', () => {
  it('answers health and lists services', async () => {
    expect(await h.request('GET', '/api/health')).toEqual({ status: 200, body: { status: 'ok' } });
    const { body } = await h.request('GET', '/api/services');
    expect(body).toHaveLength(8);
    for (const s of body) {
      expect(s).toMatchObject({ id: expect.any(String), name: expect.any(String), prefix: expect.stringMatching(/^[A-Z]$/), waiting: expect.any(Number), open: true });
      expect(s.materials.every((m: unknown) => typeof m === 'string')).toBe(true);
    }
  });

  it('issues tickets with number, ahead and an absolute status URL', async () => {
    const a = await h.request('POST', '/api/tickets', { serviceId: 'housing' });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ id: expect.any(String), number: 'H001', serviceId: 'housing', ahead: 0, status: 'waiting' });
    expect(a.body.takenAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+08:00$/);
    expect(a.body.statusUrl).toBe(`${h.url}/s/${a.body.id}?k=${a.body.ratingKey}`);
    const b = await h.request('POST', '/api/tickets', { serviceId: 'housing', extra: 'ignored' });
    expect(b.body).toMatchObject({ number: 'H002', ahead: 1 });
    const p = await h.request('POST', '/api/tickets', { serviceId: 'housing', priority: true });
    expect(p.body).toMatchObject({ number: 'H003', ahead: 0 });
    expect((await h.request('GET', `/api/tickets/${b.body.id}`)).body).toMatchObject({ id: b.body.id, number: 'H002', status: 'waiting', ahead: 2 });
    expect((await h.request('GET', '/api/services')).body.find((s: any) => s.id === 'housing').waiting).toBe(3);
  });

  it('refuses bad ticket requests with the contract errors', async () => {
    const r1 = await h.request('POST', '/api/tickets', { serviceId: 'nope' });
    expect(r1.status).toBe(400);
    errorShape(r1.body, 'unknown_service');
    for (const bad of [{}, { serviceId: 5 }, { serviceId: 'social', priority: 'yes' }, [], 'null', '"x"', '{"serviceId":']) {
      const r = await h.request('POST', '/api/tickets', bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.error.code).toMatch(/^[a-z_]+$/);
    }
    const r415 = await h.request('POST', '/api/tickets', 'serviceId=social', undefined, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(r415.status).toBe(415);
    errorShape(r415.body, 'unsupported_media_type');
    const r413 = await h.request('POST', '/api/tickets', { serviceId: 'social', pad: 'x'.repeat(100_000) });
    expect(r413.status).toBe(413);
    errorShape(r413.body, 'payload_too_large');
    const r404 = await h.request('GET', '/api/tickets/does-not-exist');
    expect(r404.status).toBe(404);
    errorShape(r404.body, 'unknown_ticket');
  });

  it('serves the OpenAPI description and a QR for a ticket', async () => {
    const { body } = await h.request('GET', '/api/openapi.json');
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/tickets', '/api/counters/{counterId}/next', '/api/stats', '/api/session', '/api/ratings', '/api/reports', '/api/settings/hall', '/api/printer']));
    expect(body.paths['/api/settings/hall'].put.requestBody.content['application/json'].schema.properties).toHaveProperty('weekHours');
    const take = body.paths['/api/tickets'].post;
    expect(take.requestBody.content['application/json'].schema.required).toEqual(['serviceId']);
    expect(Object.keys(take.responses).sort()).toEqual(['201', '400', '409', '413', '415', '429', '503']);
    const next = body.paths['/api/counters/{counterId}/next'].post;
    expect(next.security).toEqual([{ bearer: [] }]);
    expect(next.parameters).toEqual([expect.objectContaining({ name: 'counterId', in: 'path', required: true })]);
    expect(Object.keys(next.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '413', '415']);
    expect(body.paths['/api/stats'].get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(['query:from', 'query:to']);
    const t = await h.request('POST', '/api/tickets', { serviceId: 'forestry' });
    const qr = await fetch(`${h.url}/api/tickets/${t.body.id}/qr.svg`);
    expect(qr.headers.get('content-type')).toContain('image/svg+xml');
    expect(await qr.text()).toContain('<svg');
  });
});

describe('staff sign-in', () => {
  it('gives a token and role, and requires the right window for clerks', async () => {
    const ok = await h.request('POST', '/api/session', { username: 'clerk3', password: 'test-pass', counterId: '3' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token: expect.any(String), role: 'clerk' });
    const b = await h.request('POST', '/api/session', { username: 'clerk4', password: 'test-pass', counterId: '3' }); // B post of window 3
    expect(b.status).toBe(200);
    const other = await h.request('POST', '/api/session', { username: 'clerk5', password: 'test-pass', counterId: '3' });
    expect(other.status).toBe(403);
    const wrong = await h.request('POST', '/api/session', { username: 'clerk3', password: 'nope', counterId: '3' });
    expect(wrong.status).toBe(401);
    errorShape(wrong.body, 'bad_credentials');
    expect((await h.request('POST', '/api/session', { username: 'ghost', password: 'x' })).status).toBe(401);
    const sup = await h.request('POST', '/api/session', { username: 'supervisor', password: 'test-pass' });
    expect(sup.body.role).toBe('supervisor');
    expect((await h.request('POST', '/api/session', { username: 'admin', password: 'test-pass' })).body.role).toBe('admin');
  });

  it('ends a session on sign-out', async () => {
    const token = await h.signIn('supervisor');
    expect((await h.request('DELETE', '/api/session', undefined, token)).status).toBe(204);
    expect((await h.request('GET', '/api/stats', undefined, token)).status).toBe(401);
  });
});

describe('clerk window', () => {
  it('checks 401, 404 and 403 in that order', async () => {
    const token = await h.signIn('clerk5', '5');
    expect((await h.request('POST', '/api/counters/5/next')).status).toBe(401);
    expect((await h.request('POST', '/api/counters/5/next', undefined, 'bogus')).status).toBe(401);
    const r404 = await h.request('POST', '/api/counters/99/next', undefined, token);
    expect(r404.status).toBe(404);
    const r403 = await h.request('POST', '/api/counters/4/next', undefined, token);
    expect(r403.status).toBe(403);
    errorShape(r403.body, 'forbidden');
    const sup = await h.signIn('supervisor');
    expect((await h.request('POST', '/api/counters/5/next', undefined, sup)).status).toBe(403);
  });

  it('runs a visit: next, recall to the cap, start, complete', async () => {
    const token = await h.signIn('clerk3', '3');
    const t = (await h.request('POST', '/api/tickets', { serviceId: 'household' })).body;
    expect((await h.request('POST', '/api/counters/3/recall', undefined, token)).body.error.code).toBe('no_current_ticket');
    const called = await h.request('POST', '/api/counters/3/next', undefined, token);
    expect(called.status).toBe(200);
    expect(called.body.ticket).toMatchObject({ id: t.id, number: t.number, status: 'called', serviceId: 'household', callCount: 1, counterId: '3' });
    const open = await h.request('POST', '/api/counters/3/next', undefined, token);
    expect(open.status).toBe(409);
    errorShape(open.body, 'ticket_open');
    for (let n = 2; n <= 5; n++) expect((await h.request('POST', '/api/counters/3/recall', undefined, token)).body.ticket.callCount).toBe(n);
    const capped = await h.request('POST', '/api/counters/3/recall', undefined, token);
    expect(capped.status).toBe(409);
    errorShape(capped.body, 'recall_limit');
    expect((await h.request('POST', '/api/counters/3/start', undefined, token)).body.ticket.status).toBe('serving');
    expect((await h.request('GET', `/api/tickets/${t.id}`)).body).toMatchObject({ status: 'serving', counterId: '3' });
    const refused = await h.request('POST', '/api/counters/3/complete', { outcome: 'refused' }, token);
    expect(refused.status).toBe(400);
    errorShape(refused.body, 'reason_required');
    const done = await h.request('POST', '/api/counters/3/complete', { outcome: 'committed' }, token);
    expect(done.body.ticket).toMatchObject({ status: 'done', outcome: 'committed', dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await h.request('POST', '/api/counters/3/next', undefined, token)).body).toEqual({ ticket: null });
    expect((await h.request('POST', '/api/counters/3/complete', { outcome: 'sometimes' }, token)).status).toBe(400);
  });

  it('transfers keeping the number, no-shows, reinstates, pauses', async () => {
    const c1 = await h.signIn('clerk1', '1');
    const c2 = await h.signIn('clerk2', '2');
    const t = (await h.request('POST', '/api/tickets', { serviceId: 'medical' })).body;
    await h.request('POST', '/api/counters/1/next', undefined, c1);
    const moved = await h.request('POST', '/api/counters/1/transfer', { serviceId: 'civil' }, c1);
    expect(moved.body.ticket).toMatchObject({ id: t.id, number: t.number, serviceId: 'civil', status: 'waiting', takenAt: t.takenAt, firstClerkId: 'u-clerk1' });
    const at2 = await h.request('POST', '/api/counters/2/next', undefined, c2);
    expect(at2.body.ticket).toMatchObject({ id: t.id, number: t.number, firstClerkId: 'u-clerk1' });
    expect((await h.request('POST', '/api/counters/2/no-show', undefined, c2)).body.ticket.status).toBe('no_show');
    expect((await h.request('GET', `/api/tickets/${t.id}`)).body.status).toBe('no_show');
    expect((await h.request('POST', '/api/counters/2/reinstate', { ticketId: t.id }, c2)).body.ticket.status).toBe('waiting');
    expect((await h.request('POST', '/api/counters/2/pause', { reason: '临时外出' }, c2)).status).toBe(200);
    const paused = await h.request('POST', '/api/counters/2/next', undefined, c2);
    expect(paused.status).toBe(409);
    errorShape(paused.body, 'counter_paused');
    expect((await h.request('POST', '/api/counters/2/resume', undefined, c2)).status).toBe(200);
    expect((await h.request('POST', '/api/counters/2/next', undefined, c2)).body.ticket.id).toBe(t.id);
    await h.request('POST', '/api/counters/2/complete', {}, c2);
  });

  it('never gives the same ticket to two clerks pressing next together', async () => {
    const c1 = await h.signIn('clerk1', '1');
    const c4 = await h.signIn('clerk4', '4');
    for (const [tok, id] of [[c1, '1'], [c4, '4']] as const) await h.request('POST', `/api/counters/${id}/complete`, {}, tok);
    for (let round = 0; round < 20; round++) {
      await h.request('POST', '/api/tickets', { serviceId: 'social' });
      await h.request('POST', '/api/tickets', { serviceId: 'social' });
      const [a, b] = await Promise.all([h.request('POST', '/api/counters/1/next', undefined, c1), h.request('POST', '/api/counters/4/next', undefined, c4)]);
      expect(a.body.ticket.id).not.toBe(b.body.ticket.id);
      await Promise.all([h.request('POST', '/api/counters/1/complete', {}, c1), h.request('POST', '/api/counters/4/complete', {}, c4)]);
    }
  });
});

describe('stats', () => {
  it('is for supervisors, with every figure a number', async () => {
    const sup = await h.signIn('supervisor');
    const clerk = await h.signIn('clerk6', '6');
    expect((await h.request('GET', '/api/stats', undefined, clerk)).status).toBe(403);
    expect((await h.request('GET', '/api/stats')).status).toBe(401);
    const { status, body } = await h.request('GET', '/api/stats', undefined, sup);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      tickets: expect.any(Number), served: expect.any(Number), noShows: expect.any(Number),
      wait: { avgMin: expect.any(Number), p50Min: expect.any(Number), p90Min: expect.any(Number), maxMin: expect.any(Number) },
      ratings: { count: 0, byLevel: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }, satisfiedRate: 0 },
    });
    expect(body.tickets).toBeGreaterThan(40);
    for (const q of ['from=2026-13-01', 'from=yesterday', 'to=2026-02-30', 'from=2026-11-02&to=2026-11-01']) {
      const r = await h.request('GET', `/api/stats?${q}`, undefined, sup);
      expect(r.status, q).toBe(400);
    }
    const empty = await h.request('GET', '/api/stats?from=2020-01-01&to=2020-01-31', undefined, sup);
    expect(empty.body).toMatchObject({ tickets: 0, wait: { avgMin: 0, p50Min: 0, p90Min: 0, maxMin: 0 } });
  });
});

describe('the route table', () => {
  it('has a handler for every route it declares', async () => {
    const { paths } = await import('../shared/paths.ts');
    const admin = await h.signIn('admin');
    for (const [name, { method, path }] of Object.entries(paths)) {
      const url = path.replace(/:([A-Za-z]+)/g, '1');
      const r = await h.request(method, url, method === 'POST' || method === 'PUT' ? {} : undefined, name === 'signOut' ? undefined : admin);
      expect([name, r.body?.error?.code]).not.toEqual([name, 'not_found']);
    }
  });
});
