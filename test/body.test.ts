// How the API reads request bodies and URLs (../shared/CONTRACT.md "Errors"), sent raw on
// node:http so lengths, chunking, charsets and encodings are exactly what a kiosk or a
// script might send: 415 for what is not JSON, 413 too large, 400 malformed, and never
// a 500 for bad input. Also: printing follows the take's reply even when the kiosk has gone.
import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PrinterEmulator } from '../server/printer/emulator.ts';
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

/** POSTs `body` with a Content-Length, or chunked (no length, two writes). */
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
      req.write(buf.subarray(0, 1));
      req.end(buf.subarray(1));
    } else req.end(buf);
  });
}

const code = (r: Sent) => [r.status, r.body.error?.code];

describe('POST /api/tickets bodies', () => {
  it('takes a ticket with a length or chunked, the status link from the Host header', async () => {
    const a = await send(JSON.stringify({ serviceId: 'social' }));
    const b = await send(JSON.stringify({ serviceId: 'social' }), { chunked: true });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.contentType).toBe('application/json; charset=utf-8');
    expect(Number(b.body.number.slice(1))).toBe(Number(a.body.number.slice(1)) + 1);
    expect(a.body.statusUrl).toBe(`${h.url}/s/${a.body.id}?k=${a.body.ratingKey}`);
  });

  it('builds the status link with X-Forwarded-Proto from a proxy on this machine', async () => {
    const a = await send(JSON.stringify({ serviceId: 'social' }), { headers: { 'x-forwarded-proto': 'https, http', host: 'hall.example' } });
    expect(a.body.statusUrl).toBe(`https://hall.example/s/${a.body.id}?k=${a.body.ratingKey}`);
  });

  it('accepts a UTF-8 byte order mark, charset=utf-8, gzip and a trailing slash', async () => {
    expect((await send('\uFEFF' + JSON.stringify({ serviceId: 'civil' }), { headers: { 'content-type': 'application/json; charset=UTF-8' } })).status).toBe(201);
    expect((await send(gzipSync(JSON.stringify({ serviceId: 'civil' })), { headers: { 'content-encoding': 'gzip' } })).status).toBe(201);
    expect((await send(JSON.stringify({ serviceId: 'civil' }), { path: '/api/tickets/' })).status).toBe(201);
  });

  it('refuses what is not JSON, and JSON that is not an object', async () => {
    for (const [body, status, err] of [
      ['{"serviceId":', 400, 'invalid_json'],
      ['"social"', 400, 'invalid_json'],
      ['123', 400, 'invalid_json'],
      ['[]', 400, 'invalid_request'],
      ['{}', 400, 'invalid_request'],
      ['', 400, 'invalid_request'],
      ['\uFEFF', 400, 'invalid_request'],
      ['{"serviceId":"nope"}', 400, 'unknown_service'],
      ['{"serviceId":"social","priority":"yes"}', 400, 'invalid_request'],
    ] as const) {
      for (const chunked of [false, true]) {
        if (chunked && body === '') continue; // nothing to chunk
        const r = await send(body, { chunked });
        expect([body, chunked, ...code(r)]).toEqual([body, chunked, status, err]);
        expect(r.body.error.message.length).toBeGreaterThan(0);
      }
    }
  });

  it('refuses other types and charsets (415) and oversized bodies (413)', async () => {
    expect(code(await send(JSON.stringify({ serviceId: 'social' }), { headers: { 'content-type': 'application/json; charset=latin1' } }))).toEqual([415, 'unsupported_media_type']);
    expect(code(await send('', { headers: { 'content-type': 'application/json; charset=latin1' } }))).toEqual([415, 'unsupported_media_type']);
    expect(code(await send('serviceId=social', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }))).toEqual([415, 'unsupported_media_type']);
    expect(code(await send('{"serviceId":"social"}', { headers: { 'content-type': 'text/plain' } }))).toEqual([415, 'unsupported_media_type']);
    expect(code(await send(JSON.stringify({ serviceId: 'social', pad: 'x'.repeat(40_000) })))).toEqual([413, 'payload_too_large']);
    expect(code(await send(JSON.stringify({ serviceId: 'social', pad: 'x'.repeat(40_000) }), { chunked: true }))).toEqual([413, 'payload_too_large']);
  });

  it('changes nothing when it refuses', async () => {
    const waiting = async () => (await h.request('GET', '/api/services')).body.find((s: { id: string }) => s.id === 'forestry').waiting;
    const before = await waiting();
    await send('{"serviceId":"forestry",');
    await send('{"serviceId":"forestry","print":"no"}');
    await send(JSON.stringify({ serviceId: 'forestry' }), { headers: { 'content-type': 'text/plain' } });
    expect(await waiting()).toBe(before);
  });
});

describe('POST /api/counters/:id/<action> bodies and URLs', () => {
  it('calls and finishes with no body, an empty object, or chunked', async () => {
    const token = await h.signIn('clerk1', '1');
    const auth = { authorization: `Bearer ${token}` };
    for (let i = 0; i < 3; i++) await send(JSON.stringify({ serviceId: 'social' }));
    const noBody = await send('', { path: '/api/counters/1/next', headers: auth });
    expect([noBody.status, noBody.body.ticket.status]).toEqual([200, 'called']);
    const done = await send('{"outcome":"immediate"}', { path: '/api/counters/1/complete', headers: auth });
    expect([done.status, done.body.ticket.status]).toEqual([200, 'done']);
    await send('{}', { path: '/api/counters/1/next', headers: auth });
    await send('', { path: '/api/counters/1/complete', headers: auth });
    const chunked = await send('{}', { path: '/api/counters/1/next', headers: auth, chunked: true });
    expect(chunked.status).toBe(200);
    expect((await h.request('GET', '/api/counters/1/state', undefined, token)).body.current.id).toBe(chunked.body.ticket.id);
    await send('', { path: '/api/counters/1/complete', headers: auth });
  });

  it('refuses in order (sign-in, window, body), unknown actions as unknown URLs', async () => {
    const token = await h.signIn('clerk2', '2');
    const auth = { authorization: `Bearer ${token}` };
    const before = (await h.request('GET', '/api/counters/2/state', undefined, token)).body;
    for (const [path, headers, body, status, err] of [
      ['/api/counters/2/next', {}, '{}', 401, 'unauthorized'],
      ['/api/counters/2/next', { authorization: 'Bearer nope' }, '{}', 401, 'unauthorized'],
      ['/api/counters/99/next', auth, '{}', 404, 'unknown_counter'],
      ['/api/counters/1/next', auth, '{}', 403, 'forbidden'],
      ['/api/counters/2/dance', auth, '{}', 404, 'not_found'],
      ['/api/counters/2/constructor', auth, '{}', 404, 'not_found'],
      ['/api/counters/2/__proto__', auth, '{}', 404, 'not_found'],
      ['/api/counters/2/hasOwnProperty', auth, '{}', 404, 'not_found'],
      ['/api/counters/2/transfer', auth, '{}', 400, 'invalid_request'],
      ['/api/counters/2/transfer', auth, '{"serviceId":"nope"}', 400, null],
      ['/api/counters/2/next', auth, '{"x":', 400, 'invalid_json'],
      ['/api/counters/2/next', auth, '[1]', 400, 'invalid_request'],
    ] as const) {
      const r = await send(body, { headers, path });
      expect([path, body, r.status]).toEqual([path, body, status]);
      if (err) expect(r.body.error.code).toBe(err);
      else expect(r.body.error.code).toMatch(/^[a-z_]+$/);
    }
    // An empty gzip body fails to inflate: a 400, not a call.
    expect(code(await send('', { path: '/api/counters/2/next', headers: { ...auth, 'content-encoding': 'gzip' } }))).toEqual([400, 'bad_request']);
    expect((await h.request('GET', '/api/counters/2/state', undefined, token)).body).toEqual(before);
  });

  it('decodes escaped ids and allows a trailing slash', async () => {
    const token = await h.signIn('clerk3', '3');
    const auth = { authorization: `Bearer ${token}` };
    const escaped = await send('', { path: '/api/counters/%33/pause', headers: auth });
    expect([escaped.status, escaped.body.counter.paused]).toEqual([200, true]);
    const slash = await send('', { path: '/api/counters/3/resume/', headers: auth });
    expect([slash.status, slash.body.counter.paused]).toEqual([200, false]);
  });
});

describe('ids from URLs', () => {
  it('treats object-property names as unknown tickets', async () => {
    const clerk = await h.signIn('clerk4', '4');
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect([id, ...code(await h.request('GET', `/api/tickets/${id}`).then((r) => ({ ...r, contentType: undefined })))]).toEqual([id, 404, 'unknown_ticket']);
      const qr = await fetch(`${h.url}/api/tickets/${id}/qr.svg`);
      expect([id, qr.status]).toEqual([id, 404]);
      expect([id, (await h.request('POST', `/api/tickets/${id}/reprint`, undefined, clerk)).status]).toEqual([id, 404]);
    }
  });
});

describe('printing after the reply', () => {
  it('prints a durable ticket even when the kiosk hung up before the 201', async () => {
    const emu = new PrinterEmulator();
    await emu.start();
    let hold = false;
    const held: (() => void)[] = [];
    const hall = await startHall({
      printerUri: emu.uri,
      printTimeoutMs: 400,
      wrapStore: (files) => ({
        ...files,
        append: (entry) => (hold ? new Promise<void>((resolve, reject) => held.push(() => void files.append(entry).then(resolve, reject))) : files.append(entry)),
      }),
    });
    try {
      hold = true;
      const { port } = new URL(hall.url);
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/tickets', headers: { 'content-type': 'application/json' } });
      req.on('error', () => {});
      req.end(JSON.stringify({ serviceId: 'housing' }));
      await vi.waitUntil(() => held.length > 0);
      req.destroy();
      await new Promise((r) => setTimeout(r, 50)); // the server sees the socket close
      hold = false;
      held.splice(0).forEach((go) => go());
      await vi.waitUntil(() => emu.jobs.some((j) => j.text.includes('建房审批')), { timeout: 5_000 });
      expect((await hall.request('GET', '/api/services')).body.find((s: { id: string }) => s.id === 'housing').waiting).toBe(1);
    } finally {
      hold = false;
      held.splice(0).forEach((go) => go());
      await hall.close();
      await emu.stop();
    }
  });
});
