// Which requests the fast path takes (the rest fall through to Express) and what its
// handler receives. Equivalence with Express is checked end to end in test/fast-path.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastJsonPost, type JsonHandler } from './fast.ts';

const seen: { body: unknown; params: string[] }[] = [];
const afterRan: string[] = [];
let slow: Promise<void> | null = null;
const handler: JsonHandler = async (body, _req, params) => {
  seen.push({ body, params });
  if (slow) await slow;
  return { status: 201, body: { ok: true }, after: () => afterRan.push(params.join('/')) };
};
const route = fastJsonPost(/^\/things\/([a-z]+)$/, 64, handler, () => {});
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!route(req, res)) res.writeHead(599).end(); // "Express"
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function post(path: string, body: string | Buffer | null, headers: Record<string, string | number> = {}, chunked = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers: { ...(body !== null && !chunked && { 'content-length': Buffer.byteLength(body) }), ...headers } });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    if (chunked && body !== null) {
      req.write(body.slice(0, 1));
      req.end(body.slice(1));
    } else req.end(body ?? undefined);
  });
}

const json = { 'content-type': 'application/json' };

describe('fastJsonPost', () => {
  it('takes plain JSON, no body, and an empty JSON body, with the path captures', async () => {
    seen.length = 0;
    expect(await post('/things/abc', '{"a":1}', json)).toBe(201);
    expect(await post('/things/abc', null)).toBe(201);
    expect(await post('/things/xyz', '', { ...json, 'content-length': 0 })).toBe(201);
    expect(await post('/things/abc', '\uFEFF', { 'content-type': 'application/json; charset=utf-8' })).toBe(201);
    expect(seen).toEqual([
      { body: { a: 1 }, params: ['abc'] },
      { body: undefined, params: ['abc'] },
      { body: {}, params: ['xyz'] },
      { body: {}, params: ['abc'] },
    ]);
  });

  it('leaves everything unusual to the next listener', async () => {
    seen.length = 0;
    const cases: [string, string | Buffer | null, Record<string, string | number>, boolean?][] = [
      ['/things/abc', '{"a":1}', json, true], // chunked
      ['/things/abc', gzipSync('{"a":1}'), { ...json, 'content-encoding': 'gzip' }],
      ['/things/abc', '{"a":1}', { 'content-type': 'application/json; charset=latin1' }],
      ['/things/abc', '{"a":1}', { 'content-type': 'text/plain' }],
      ['/things/abc', '{"a":1}', {}], // a body without a type
      ['/things/abc', '', { 'content-type': 'text/plain', 'content-length': 0 }],
      ['/things/abc', '', { ...json, 'content-length': 0, 'content-encoding': 'gzip' }],
      ['/things/abc', `{"a":"${'x'.repeat(80)}"}`, json], // over the limit
      ['/things/abc/', '{}', json],
      ['/things/ABC', '{}', json],
      ['/things/a%62c', '{}', json],
      ['/things/abc?x=1', '{}', json],
      ['/other', '{}', json],
    ];
    for (const [path, body, headers, chunked] of cases) expect([path, headers, await post(path, body, headers, chunked)]).toEqual([path, headers, 599]);
    expect(seen).toEqual([]);
  });

  it('still runs what follows the reply when the client has gone', async () => {
    afterRan.length = 0;
    let release!: () => void;
    slow = new Promise((r) => (release = r));
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/things/gone', headers: { ...json, 'content-length': 2 } });
    req.on('error', () => {});
    req.end('{}');
    await expect.poll(() => seen.some((s) => s.params[0] === 'gone')).toBe(true);
    req.destroy();
    await new Promise((r) => setTimeout(r, 50));
    release();
    slow = null;
    await expect.poll(() => afterRan).toContain('gone');
  });
});
