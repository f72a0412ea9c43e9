// Where the hall is reached from outside, for the links in QR codes: PUBLIC_URL when set.
// Otherwise the address the request actually arrived at: a kiosk on the LAN reached the
// server at its LAN address, which is what a phone needs too. The Host header counts only
// from a proxy the app's "trust proxy" setting trusts (by default one on this machine),
// so a forged Host can never put a foreign address in a ticket's QR code.
import type { Request } from 'express';

export type Origin = (req: Request) => string;

type Trust = (addr: string, hop: number) => boolean;

export function originResolver(publicUrl: string | undefined): Origin {
  if (publicUrl) {
    const fixed = publicUrl.replace(/\/+$/, '');
    return () => fixed;
  }
  return (req) => {
    const trust = req.app.get('trust proxy fn') as Trust;
    if (trust(req.socket.remoteAddress ?? '', 0)) return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const addr = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
    return `${req.protocol}://${addr.includes(':') ? `[${addr}]` : addr}:${req.socket.localPort}`;
  };
}

/** The phone status page of a ticket; with its 评价码, the page can also rate the visit. */
export const statusPath = (ticketId: string, ratingKey?: string) => `/s/${encodeURIComponent(ticketId)}${ratingKey ? `?k=${ratingKey}` : ''}`;
