// POST /api/tickets and the clerks' POST /api/counters/:id/:action are answered on
// node:http for plain requests and by Express for the rest (chunked bodies, gzip, other
// charsets, a trailing slash). Nobody must be able to tell which: every request here is
// sent both ways and must get the same answer.
import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHall();
});
afterAll(() => h.close());

interface Sent {
  status: number;
  contentType: string | undefined;
  body: any;
}

/** Sends `body` with a Content-Length (the fast path's case) or chunked (always Express). */
function send(body: string | Buffer, opts: { chunked?: boolean; headers?: Record<string, string>; path?: string } = {}): Promise<Sent> {
  const { port } = new URL(h.url);
  return new Promise((resolve, reject) => {
    const buf = typeof body === 'string' ? Buffer.from(body) : body;
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: opts.path ?? '/api/tickets',
      headers: { 'content-type': 'application/json', ...(!opts.chunked && { 'content-length': buf.length }), ...opts.headers },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, contentType: res.headers['content-type'], body: JSON.parse(text) }));
    });
    req.on('error', reject);
    if (opts.chunked) {
      // Two writes: node sends Transfer-Encoding: chunked when no length is set.
      req.write(buf.subarray(0, 1));
      req.end(buf.subarray(1));
    } else req.end(buf);
  });
}

/** Same request both ways: equal status, content type and error; tickets compared by shape. */
async function bothWays(body: string | Buffer, headers: Record<string, string> = {}, path?: string): Promise<[Sent, Sent]> {
  const plain = await send(body, { headers, ...(path && { path }) });
  const chunked = await send(body, { headers, chunked: true, ...(path && { path }) });
  expect(plain.status).toBe(chunked.status);
  expect(plain.contentType).toBe(chunked.contentType);
  if (plain.status >= 400) expect(plain.body).toEqual(chunked.body);
  else expect(Object.keys(plain.body).sort()).toEqual(Object.keys(chunked.body).sort());
  return [plain, chunked];
}

describe('POST /api/tickets, plain and otherwise', () => {
  it('takes a ticket either way, numbered in turn, with the status link from the Host header', async () => {
    const [a, b] = await bothWays(JSON.stringify({ serviceId: 'social' }));
    expect(a.status).toBe(201);
    expect(a.contentType).toBe('application/json; charset=utf-8');
    expect(Number(b.body.number.slice(1))).toBe(Number(a.body.number.slice(1)) + 1);
    expect(a.body.statusUrl).toBe(`${h.url}/s/${a.body.id}`);
    expect(b.body.statusUrl).toBe(`${h.url}/s/${b.body.id}`);
  });

  it('builds the status link with X-Forwarded-Proto from a proxy on this machine', async () => {
    const [a, b] = await bothWays(JSON.stringify({ serviceId: 'social' }), { 'x-forwarded-proto': 'https, http', host: 'hall.example' });
    expect(a.body.statusUrl).toBe(`https://hall.example/s/${a.body.id}`);
    expect(b.body.statusUrl).toBe(`https://hall.example/s/${b.body.id}`);
  });

  it('accepts a UTF-8 byte order mark and an explicit charset=utf-8', async () => {
    const [a] = await bothWays('\uFEFF' + JSON.stringify({ serviceId: 'civil' }), { 'content-type': 'application/json; charset=UTF-8' });
    expect(a.status).toBe(201);
  });

  it('refuses what is not JSON, and JSON that is not an object, with the same errors', async () => {
    for (const [body, status, code] of [
      ['{"serviceId":', 400, 'invalid_json'],
      ['"social"', 400, 'invalid_json'],
      ['123', 400, 'invalid_json'],
      ['[]', 400, 'invalid_request'],
      ['{}', 400, 'invalid_request'],
      ['{"serviceId":"nope"}', 400, 'unknown_service'],
      ['{"serviceId":"social","priority":"yes"}', 400, 'invalid_request'],
    ] as const) {
      const [a] = await bothWays(body);
      expect([body, a.status, a.body.error.code]).toEqual([body, status, code]);
      expect(typeof a.body.error.message).toBe('string');
    }
  });

  it('leaves other charsets, compressed and oversized bodies, and other paths to the full checks', async () => {
    const latin1 = await send(JSON.stringify({ serviceId: 'social' }), { headers: { 'content-type': 'application/json; charset=latin1' } });
    expect([latin1.status, latin1.body.error.code]).toEqual([415, 'unsupported_media_type']);
    const gz = await send(gzipSync(JSON.stringify({ serviceId: 'social' })), { headers: { 'content-encoding': 'gzip' } });
    expect(gz.status).toBe(201);
    const big = await send(JSON.stringify({ serviceId: 'social', pad: 'x'.repeat(40_000) }));
    expect([big.status, big.body.error.code]).toEqual([413, 'payload_too_large']);
    const slash = await send(JSON.stringify({ serviceId: 'social' }), { path: '/api/tickets/' });
    expect(slash.status).toBe(201);
    const form = await send('serviceId=social', { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect([form.status, form.body.error.code]).toEqual([415, 'unsupported_media_type']);
  });

  it('answers an empty body by its declared type as Express does', async () => {
    const latin1 = await send('', { headers: { 'content-type': 'application/json; charset=latin1' } });
    expect([latin1.status, latin1.body.error.code]).toEqual([415, 'unsupported_media_type']);
    const empty = await send('');
    expect([empty.status, empty.body.error.code]).toEqual([400, 'invalid_request']);
    const bomOnly = await send('\uFEFF');
    expect([bomOnly.status, bomOnly.body.error.code]).toEqual([400, 'invalid_request']);
  });

  it('changes nothing when it refuses', async () => {
    const before = (await h.request('GET', '/api/services')).body.find((s: { id: string }) => s.id === 'forestry').waiting;
    await bothWays('{"serviceId":"forestry",');
    await bothWays('{"serviceId":"forestry","print":"no"}');
    const after = (await h.request('GET', '/api/services')).body.find((s: { id: string }) => s.id === 'forestry').waiting;
    expect(after).toBe(before);
  });
});

describe('POST /api/counters/:id/:action, plain and otherwise', () => {
  it('calls and finishes tickets either way, with no body, an empty object or chunked', async () => {
    const token = await h.signIn('clerk1', '1');
    const auth = { authorization: `Bearer ${token}` };
    for (let i = 0; i < 3; i++) await send(JSON.stringify({ serviceId: 'social' }));
    const noBody = await send('', { path: '/api/counters/1/next', headers: auth });
    expect([noBody.status, noBody.body.ticket.status]).toEqual([200, 'called']);
    const done = await send('{"outcome":"immediate"}', { path: '/api/counters/1/complete', headers: auth });
    expect([done.status, done.body.ticket.status]).toEqual([200, 'done']);
    const plain = await send('{}', { path: '/api/counters/1/next', headers: auth });
    await send('', { path: '/api/counters/1/complete', headers: auth });
    const chunked = await send('{}', { path: '/api/counters/1/next', headers: auth, chunked: true });
    expect([plain.status, chunked.status]).toEqual([200, 200]);
    expect(Object.keys(plain.body.ticket).sort()).toEqual(Object.keys(chunked.body.ticket).sort());
    expect(Number(chunked.body.ticket.number.slice(1))).toBe(Number(plain.body.ticket.number.slice(1)) + 1);
    const state = await h.request('GET', '/api/counters/1/state', undefined, token);
    expect(state.body.current.id).toBe(chunked.body.ticket.id);
  });

  it('refuses in the same order with the same errors: sign-in, window, action, body', async () => {
    const token = await h.signIn('clerk2', '2');
    const auth = { authorization: `Bearer ${token}` };
    const before = (await h.request('GET', '/api/counters/2/state', undefined, token)).body;
    for (const [path, headers, body, status, code] of [
      ['/api/counters/2/next', {}, '{}', 401, 'unauthorized'],
      ['/api/counters/2/next', { authorization: 'Bearer nope' }, '{}', 401, 'unauthorized'],
      ['/api/counters/99/next', auth, '{}', 404, 'unknown_counter'],
      ['/api/counters/1/next', auth, '{}', 403, 'forbidden'],
      ['/api/counters/2/dance', auth, '{}', 404, 'not_found'],
      ['/api/counters/2/constructor', auth, '{}', 404, 'not_found'],
      ['/api/counters/2/__proto__', auth, '{}', 404, 'not_found'],
      ['/api/counters/2/transfer', auth, '{}', 400, 'invalid_request'],
      ['/api/counters/2/transfer', auth, '{"serviceId":"nope"}', 400, null],
      ['/api/counters/2/next', auth, '{"x":', 400, 'invalid_json'],
    ] as const) {
      const [a] = await bothWays(body, headers, path);
      expect([path, body, a.status]).toEqual([path, body, status]);
      if (code) expect(a.body.error.code).toBe(code);
    }
    // An empty gzip body fails to inflate: Express's 400, not a call.
    const gz = await send('', { path: '/api/counters/2/next', headers: { ...auth, 'content-encoding': 'gzip' } });
    expect([gz.status, gz.body.error.code]).toEqual([400, 'bad_request']);
    expect((await h.request('GET', '/api/counters/2/state', undefined, token)).body).toEqual(before);
  });

  it('leaves escaped ids and trailing slashes to Express, which answers the same', async () => {
    const token = await h.signIn('clerk3', '3');
    const auth = { authorization: `Bearer ${token}` };
    const escaped = await send('', { path: '/api/counters/%33/pause', headers: auth });
    expect([escaped.status, escaped.body.counter.paused]).toEqual([200, true]);
    const slash = await send('', { path: '/api/counters/3/resume/', headers: auth });
    expect([slash.status, slash.body.counter.paused]).toEqual([200, false]);
  });
});
