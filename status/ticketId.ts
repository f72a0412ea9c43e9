/** The ticket to follow: `/s/<id>` as printed in the QR, or `?id=<id>` typed by hand. */
export function ticketIdFrom(pathname: string, search: string): string | null {
  const m = /^\/s\/([^/]+)\/?$/.exec(pathname);
  let id: string | null;
  try {
    id = m ? decodeURIComponent(m[1]!) : new URLSearchParams(search).get('id');
  } catch {
    return null; // a half-broken scan: shown like an unknown ticket
  }
  return id?.trim() || null;
}

/** The 评价码 the QR carries (`?k=`): what lets this phone rate the visit. */
export function ratingKeyFrom(search: string): string | null {
  const k = new URLSearchParams(search).get('k')?.trim();
  return k && /^\d{6}$/.test(k) ? k : null;
}
