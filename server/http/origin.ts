// Where the hall is reached from outside, for the links in QR codes: PUBLIC_URL when set,
// otherwise the scheme and Host of the request. The scheme is Express's req.protocol, so
// X-Forwarded-Proto counts only from a proxy the app's "trust proxy" setting trusts.
import type { Request } from 'express';

export type Origin = (req: Request) => string;

export function originResolver(publicUrl: string | undefined): Origin {
  if (publicUrl) {
    const fixed = publicUrl.replace(/\/+$/, '');
    return () => fixed;
  }
  return (req) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

export const statusPath = (ticketId: string) => `/s/${encodeURIComponent(ticketId)}`;
