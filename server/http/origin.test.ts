import { describe, expect, it } from 'vitest';
import type { Request } from 'express';
import { originResolver } from './origin.ts';

const loopbackOnly = (addr: string) => addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';
const req = (remote: string, local: string, host: string) =>
  ({ app: { get: () => loopbackOnly }, socket: { remoteAddress: remote, localAddress: local, localPort: 3000 }, protocol: 'http', get: () => host }) as unknown as Request;

describe('the address in QR codes', () => {
  const origin = originResolver(undefined);
  it('is where a LAN kiosk reached the server, whatever Host it sent', () => {
    expect(origin(req('::ffff:192.168.1.23', '::ffff:192.168.1.10', 'evil.example'))).toBe('http://192.168.1.10:3000');
    expect(origin(req('fe80::2', 'fe80::1', 'evil.example'))).toBe('http://[fe80::1]:3000');
  });
  it('follows Host from a proxy on this machine, and PUBLIC_URL above all', () => {
    expect(origin(req('127.0.0.1', '127.0.0.1', 'hall.example'))).toBe('http://hall.example');
    expect(originResolver('http://192.168.1.10:3000/')(req('::ffff:192.168.1.23', '::ffff:192.168.1.10', 'evil.example'))).toBe('http://192.168.1.10:3000');
  });
});
