// Where the hall is reached from outside, for the links in QR codes: PUBLIC_URL when set,
// otherwise the scheme and Host of the request. X-Forwarded-Proto counts only from a
// proxy the app trusts (Express's "trust proxy" setting, passed in), as req.protocol does.
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

export type TrustProxy = (addr: string, hop: number) => boolean;
export type Origin = (req: IncomingMessage) => string;

export function originResolver(publicUrl: string | undefined, trust: TrustProxy): Origin {
  if (publicUrl) {
    const fixed = publicUrl.replace(/\/+$/, '');
    return () => fixed;
  }
  return (req) => {
    let proto = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
    const forwarded = req.headers['x-forwarded-proto'];
    if (typeof forwarded === 'string' && forwarded && trust(req.socket.remoteAddress ?? '', 0)) proto = forwarded.split(',')[0]!.trim();
    return `${proto}://${req.headers.host ?? 'localhost'}`;
  };
}

export const statusPath = (ticketId: string) => `/s/${encodeURIComponent(ticketId)}`;
