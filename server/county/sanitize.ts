// What leaves the hall for the county: the facts and the baseline state, without what
// only the hall may know. No password hashes, no raters' or villagers' phones (`phone`
// anywhere, a comment's `contact`), no take or rating keys, no county link (it holds the
// hall's own key). Token hashes are hashed once more with a fixed prefix: the county
// cannot sign in with them, yet a SignedOut still finds its SignedIn, so the county
// folds what it gets with the hall's own `evolve` exactly as the hall does.
import { createHash } from 'node:crypto';
import type { Fact } from '../../shared/core/facts.ts';
import type { ShipLine } from '../../shared/county/wire.ts';
import type { HallData } from '../../shared/types.ts';

const REHASH_PREFIX = 'county-link:v1:';
/** Keys dropped wherever they occur. */
const SECRET = new Set(['passwordHash', 'phone', 'contact', 'ratingKey', 'ratingKeys', 'takeKeys', 'countyLink']);

export const rehash = (tokenHash: string): string => createHash('sha256').update(REHASH_PREFIX + tokenHash).digest('hex');

/** A deep copy without secrets; `tokenHash` values re-hashed; `sessions` re-keyed. */
function clean(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(clean);
  if (x === null || typeof x !== 'object') return x;
  // Null-prototype: ids from outside (ticket ids, token hashes) are only keys here.
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(x)) {
    if (SECRET.has(k)) continue;
    if (k === 'tokenHash' && typeof v === 'string') out[k] = rehash(v);
    else if (k === 'sessions' && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const sessions: Record<string, unknown> = Object.create(null);
      for (const [h, s] of Object.entries(v)) sessions[rehash(h)] = clean(s);
      out[k] = sessions;
    } else out[k] = clean(v);
  }
  return out;
}

/** One journal line as it leaves: its facts cleaned; a CountyLinkChanged dropped (the line stays, so seqs stay contiguous). */
export function sanitizeLine(line: { s: number; f: readonly Fact[] }): ShipLine {
  const f = line.f.filter((x) => x.type !== 'CountyLinkChanged').map((x) => {
    const c = clean(x) as Record<string, unknown>;
    if (x.type === 'TicketTaken') delete c.key;
    return c as ShipLine['f'][number];
  });
  return { s: line.s, f };
}

/** The hall's state as the county's baseline: a deep copy, cleaned. */
export function sanitizeState(data: HallData): Record<string, unknown> {
  const out = clean(data) as Record<string, unknown>;
  // Cleared rather than absent where evolve writes into them (`??=` handles both).
  const today = out.today as Record<string, unknown>;
  today.takeKeys = {};
  today.ratingKeys = {};
  return out;
}
