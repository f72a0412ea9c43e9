// The v1 hall fixture: a data directory written by the command-journal version of the
// hall (commit 761ed03), what it claims to hold (v1-hall.meta.json), and what a person
// could see of it through the API (v1-hall.expected.json). scripts/make-upgrade-fixture.ts
// recorded the answers with these helpers; test/upgrade.test.ts asks the same questions
// in the same order of the upgraded hall. Keep the two in step: the readers sign in
// before anything is read, so recording and checking see the same state.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Role } from '../shared/types.ts';

const here = import.meta.dirname;
export const FIXTURE_DIR = path.join(here, 'fixtures', 'v1-hall');
export const META_FILE = path.join(here, 'fixtures', 'v1-hall.meta.json');
export const EXPECTED_FILE = path.join(here, 'fixtures', 'v1-hall.expected.json');

export interface FixtureMeta {
  /** The commit whose code wrote the directory. */
  madeAtCommit: string;
  /** The hall's clock when the directory was copied out: start the hall here, so no day rolls over. */
  finalInstantMs: number;
  finalInstant: string;
  /** Every account's password. */
  password: string;
  timeZone: string;
  /** The closed (archived) day and the live day. */
  days: { closed: string; live: string };
  /** Every account; clerks sign in at `counterId`. Disabled accounts must still be refused. */
  accounts: { username: string; name: string; role: Role; counterId: string | null; disabled: boolean }[];
  /** Clerks signed in at a window at the final instant: they sign in there again to read it. */
  atWindows: { username: string; counterId: string }[];
  /** The new work done after the upgrade: a ticket of this business, then `next` at this window. */
  fresh: { serviceId: string; prefix: string; counterId: string; username: string };
  /** What the journal held beyond the snapshot when the directory was copied out. */
  journal: { snapshotSeq: number; lastSeq: number; tailTypes: Record<string, number> };
}

/** Who asks: nobody signed in, the supervisor, or a clerk at the window they sit at. */
export type Who = 'public' | 'supervisor' | `clerk:${string}`;

export interface Question {
  /** "who GET path": the name failures are reported under. */
  name: string;
  as: Who;
  path: string;
}

export interface Answer extends Question {
  status: number;
  body: unknown;
}

export interface FreshRecord {
  /** POST /api/tickets reply, without `id`, `statusUrl` and `ratingKey` (see freshActions). */
  take: { status: number; body: unknown };
  /** POST /api/counters/:id/next reply; the new ticket's id reads "<fresh>". */
  next: { status: number; body: unknown };
  /** GET /api/tickets/:id of the new ticket afterwards, id as "<fresh>". */
  ticket: { status: number; body: unknown };
}

export interface Expected {
  answers: Answer[];
  fresh: FreshRecord;
}

export interface Client {
  request(method: string, p: string, body?: unknown, token?: string): Promise<{ status: number; body: any }>;
}

export const loadMeta = (): FixtureMeta => JSON.parse(readFileSync(META_FILE, 'utf8')) as FixtureMeta;
export const loadExpected = (): Expected => JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as Expected;

export const question = (as: Who, p: string): Question => ({ name: `${as} GET ${p}`, as, path: p });

async function signIn(c: Client, meta: FixtureMeta, username: string, counterId?: string | null) {
  return c.request('POST', '/api/session', { username, password: meta.password, ...(counterId && { counterId }) });
}

/**
 * The supervisor, then every clerk at the window they were signed in at, all at the
 * fixture's final instant. Signing in again there changes nothing a reader can see
 * (same person at the same window, same half-day), so doing this again after a restart
 * leaves every answer as recorded.
 */
export async function signInReaders(c: Client, meta: FixtureMeta): Promise<Map<Who, string>> {
  const tokens = new Map<Who, string>();
  const sup = await signIn(c, meta, 'supervisor');
  if (sup.status !== 200) throw new Error(`supervisor cannot sign in: ${sup.status} ${JSON.stringify(sup.body)}`);
  tokens.set('supervisor', sup.body.token);
  for (const { username, counterId } of meta.atWindows) {
    const r = await signIn(c, meta, username, counterId);
    if (r.status !== 200) throw new Error(`${username} cannot sign in at window ${counterId}: ${r.status} ${JSON.stringify(r.body)}`);
    tokens.set(`clerk:${username}`, r.body.token);
  }
  return tokens;
}

export async function ask(c: Client, tokens: Map<Who, string>, q: Question): Promise<{ status: number; body: unknown }> {
  const token = q.as === 'public' ? undefined : tokens.get(q.as);
  if (q.as !== 'public' && !token) throw new Error(`${q.name}: nobody signed in as ${q.as}`);
  const r = await c.request('GET', q.path, undefined, token);
  return { status: r.status, body: r.body };
}

/** Every account with the fixture password, clerks at their window: status and role. */
export async function signInAccounts(c: Client, meta: FixtureMeta) {
  const out: { username: string; status: number; role: unknown; code: unknown; token: string | undefined }[] = [];
  for (const a of meta.accounts) {
    const r = await signIn(c, meta, a.username, a.role === 'clerk' ? a.counterId : null);
    out.push({ username: a.username, status: r.status, role: r.body?.role, code: r.body?.error?.code, token: r.body?.token });
  }
  return out;
}

/**
 * New work on the upgraded data: a villager takes a ticket (no print: the fixture's
 * printer address is not on this network), then the clerk at `fresh.counterId` calls
 * next. The new ticket's id is random and `statusUrl` carries this server's port: the
 * first is written "<fresh>" wherever it appears, the second left out.
 */
export async function freshActions(c: Client, meta: FixtureMeta, clerkToken: string): Promise<FreshRecord & { freshId: string }> {
  const take = await c.request('POST', '/api/tickets', { serviceId: meta.fresh.serviceId, print: false });
  const freshId: string = take.body?.id;
  const next = await c.request('POST', `/api/counters/${meta.fresh.counterId}/next`, undefined, clerkToken);
  const ticket = await c.request('GET', `/api/tickets/${freshId}`);
  const hide = (v: unknown): unknown => JSON.parse(JSON.stringify(v).replaceAll(JSON.stringify(freshId), '"<fresh>"'));
  // The 评价码 is new since the fixture was recorded, and random: checked on its own.
  const { id: _id, statusUrl: _url, ratingKey, ...taken } = take.body ?? {};
  if (ratingKey !== undefined && !/^\d{6}$/.test(ratingKey)) throw new Error(`the take's ratingKey is not six digits: ${ratingKey}`);
  return {
    freshId,
    take: { status: take.status, body: hide(taken) },
    next: { status: next.status, body: hide(next.body) },
    ticket: { status: ticket.status, body: hide(ticket.body) },
  };
}
