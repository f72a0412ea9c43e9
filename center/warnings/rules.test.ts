// The warning rules, moved through time by hand: no sleeps, no wall clock.
import { describe, expect, it } from 'vitest';
import { hall, min, T0 } from '../../test/fixture.ts';
import type { Commitment, FollowUp, HallData, Ticket } from '../../shared/types.ts';
import { byUrgency, hallWarnings, localMs, warningId, type HallFacts } from './rules.ts';

const H = 3_600_000;
const facts = (o: Partial<HallFacts> = {}): HallFacts => ({ hallId: 'h1', name: '青山镇', lastHeardAtMs: null, skewMs: 0, emptyWindowMin: 30, emptySince: new Map(), ...o });
/** Mon–Fri 08:30–17:00, lunch 12:00–14:00; closed at weekends. */
const weekdays = () =>
  hall({ weekHours: [null, ...Array.from({ length: 5 }, () => ({ open: '08:30', close: '17:00', lunch: { from: '12:00', to: '14:00' } })), null] });
/** Everybody at their window, so only the rule under test speaks. */
function staffed(d: HallData, at = '2026-11-26T08:00:00.000+08:00'): HallData {
  for (const c of d.counters) d.runtime[c.id] = { signedIn: { userId: 'u1', at }, paused: null, currentTicketId: null, priorityStreak: 0 };
  return d;
}
const commitment = (dueDate: string, extra: Partial<Commitment> = {}): Commitment => ({ ticketId: 't1', number: 'B003', day: '2026-11-20', serviceId: 'b', counterId: '2', clerkId: 'u2', dueDate, ...extra });
const followUp = (dueDate: string, extra: Partial<FollowUp> = {}): FollowUp => ({ id: 'f1', ticketId: 't2', number: 'A007', day: '2026-11-20', serviceId: 'a', counterId: '1', clerkId: 'u1', level: 1, reasons: [], openedAt: '2026-11-20T10:00:00.000+08:00', dueDate, callBacks: [], ...extra });
const at = (local: string) => Date.parse(local + '+08:00');
const kinds = (ws: { kind: string; level: string }[]) => ws.map((w) => `${w.kind}:${w.level}`);

describe('committed cases and follow-ups', () => {
  it('turn yellow within one working day of the deadline and red the day after it, on the hall\'s calendar', () => {
    const d = staffed(weekdays());
    d.commitments.push(commitment('2026-11-30')); // a Monday
    // Thursday: Friday and Monday still ahead: nothing.
    expect(hallWarnings(d, facts(), at('2026-11-26T10:00:00'))).toEqual([]);
    // Friday: one working day left (the weekend does not count): yellow since Friday's midnight.
    const fri = hallWarnings(d, facts(), at('2026-11-27T10:00:00'));
    expect(kinds(fri)).toEqual(['commitment:yellow']);
    expect(fri[0]!.since).toBe(new Date(at('2026-11-27T00:00:00')).toISOString());
    expect(fri[0]!.subject).toContain('还剩 1 个工作日');
    // Monday (the due date): still yellow, same id and since.
    const mon = hallWarnings(d, facts(), at('2026-11-30T16:59:00'));
    expect(mon).toMatchObject([{ id: fri[0]!.id, level: 'yellow', since: fri[0]!.since }]);
    // Tuesday: red since Tuesday's midnight, same id.
    const tue = hallWarnings(d, facts(), at('2026-12-01T00:00:01'));
    expect(tue).toMatchObject([{ id: fri[0]!.id, level: 'red', since: new Date(at('2026-12-01T00:00:00')).toISOString(), link: { kind: 'ticket', id: 't1', label: 'B003' } }]);
    expect(tue[0]!.subject).toContain('已超期 1 天');
    // Delivered: gone.
    d.commitments[0]!.deliveredAt = '2026-12-01T09:00:00.000+08:00';
    expect(hallWarnings(d, facts(), at('2026-12-01T10:00:00'))).toEqual([]);
  });

  it('follows a holiday made in the hall\'s settings, and closes a follow-up once it is closed', () => {
    const d = staffed(weekdays());
    d.settings.specialDays.push({ date: '2026-11-27', kind: 'holiday', name: '休', hours: null });
    d.followUps.push(followUp('2026-11-30'));
    // Thursday: Friday is a holiday, so Monday is the next working day: yellow already.
    expect(kinds(hallWarnings(d, facts(), at('2026-11-26T10:00:00')))).toEqual(['follow_up:yellow']);
    expect(kinds(hallWarnings(d, facts(), at('2026-12-02T10:00:00')))).toEqual(['follow_up:red']);
    d.followUps[0]!.closedAt = '2026-12-02T11:00:00.000+08:00';
    expect(hallWarnings(d, facts(), at('2026-12-02T12:00:00'))).toEqual([]);
  });

  it('judges the deadline at the hall\'s own time, not the county\'s', () => {
    const d = staffed(weekdays());
    d.commitments.push(commitment('2026-11-30'));
    // County: Monday 23:00 in Shanghai; the hall's clock is two hours fast: already Tuesday there.
    const now = at('2026-11-30T23:00:00');
    expect(hallWarnings(d, facts(), now)[0]!.level).toBe('yellow');
    const fast = hallWarnings(d, facts({ skewMs: 2 * H }), now);
    expect(fast.find((w) => w.kind === 'commitment')!.level).toBe('red');
    // "since" comes back on the county's clock: the hall's midnight is 22:00 county time.
    expect(fast.find((w) => w.kind === 'commitment')!.since).toBe(new Date(at('2026-11-30T22:00:00')).toISOString());
    expect(fast.find((w) => w.kind === 'skew')).toMatchObject({ level: 'yellow' });
  });
});

describe('empty windows', () => {
  const d0 = () => {
    const d = staffed(weekdays());
    d.today.day = '2026-11-26';
    d.runtime['2']!.signedIn = null;
    return d;
  };

  it('counts from the day\'s opening when nobody came, and only while open', () => {
    const d = d0();
    expect(hallWarnings(d, facts(), at('2026-11-26T08:59:00'))).toEqual([]);
    const w = hallWarnings(d, facts(), at('2026-11-26T09:00:00'));
    expect(w).toMatchObject([{ kind: 'empty_window', level: 'red', since: new Date(at('2026-11-26T09:00:00')).toISOString(), link: { kind: 'window', id: '2' } }]);
    expect(w[0]!.subject).toContain('08:30 起无人在岗');
    // Lunch is not opening hours; after lunch the count starts again from 14:00.
    expect(hallWarnings(d, facts(), at('2026-11-26T12:30:00'))).toEqual([]);
    expect(hallWarnings(d, facts(), at('2026-11-26T14:29:00'))).toEqual([]);
    const after = hallWarnings(d, facts(), at('2026-11-26T14:30:00'));
    expect(after).toHaveLength(1);
    expect(after[0]!.id).not.toBe(w[0]!.id);
    expect(hallWarnings(d, facts(), at('2026-11-26T17:30:00'))).toEqual([]);
  });

  it('counts from when the window was left, by the hall\'s threshold, and closes when someone signs in', () => {
    const d = d0();
    const left = at('2026-11-26T10:00:00');
    const f = facts({ emptySince: new Map([['2', left]]), emptyWindowMin: 45 });
    expect(hallWarnings(d, f, at('2026-11-26T10:44:00'))).toEqual([]);
    const w = hallWarnings(d, f, at('2026-11-26T10:45:00'));
    expect(w).toMatchObject([{ kind: 'empty_window', since: new Date(left + min(45)).toISOString() }]);
    expect(hallWarnings(d, f, at('2026-11-26T11:30:00'))[0]!.id).toBe(w[0]!.id);
    d.runtime['2']!.signedIn = { userId: 'u2', at: '2026-11-26T11:31:00.000+08:00' };
    expect(hallWarnings(d, f, at('2026-11-26T11:32:00'))).toEqual([]);
  });

  it('says nothing of the live figures while the mirror is still on an earlier day', () => {
    const d = d0();
    d.today.day = '2026-11-25';
    expect(hallWarnings(d, facts({ lastHeardAtMs: at('2026-11-25T16:00:00') }), at('2026-11-26T10:00:00'))).toEqual([]);
  });
});

describe('long waits', () => {
  it('is one red warning for the hall while anyone waits beyond the threshold, closed when the queue drains', () => {
    const d = staffed(weekdays());
    const ticket = (id: string, number: string, takenAt: string): Ticket => ({ id, number, serviceId: 'a', status: 'waiting', takenAt, priority: false, seq: 1, channel: 'kiosk' }) as unknown as Ticket;
    d.tickets['t1'] = ticket('t1', 'A001', '2026-11-26T09:00:00.000+08:00');
    d.tickets['t2'] = ticket('t2', 'A002', '2026-11-26T09:10:00.000+08:00');
    expect(hallWarnings(d, facts(), at('2026-11-26T09:30:00'))).toEqual([]);
    const w = hallWarnings(d, facts(), at('2026-11-26T09:45:00'));
    expect(w).toMatchObject([{ kind: 'long_wait', level: 'red', since: new Date(at('2026-11-26T09:30:00')).toISOString(), link: { id: 't1', label: 'A001' } }]);
    expect(w[0]!.subject).toContain('2 人等候超过 30 分钟，最长 45 分钟');
    d.tickets['t1']!.status = 'called';
    d.tickets['t2']!.status = 'called';
    expect(hallWarnings(d, facts(), at('2026-11-26T09:46:00'))).toEqual([]);
  });
});

describe('a hall gone quiet', () => {
  it('is judged on its windows and queue as it was when last heard; its deadlines run on', async () => {
    const d = staffed(weekdays());
    d.runtime['2']!.signedIn = null;
    d.tickets['t1'] = { id: 't1', number: 'A001', serviceId: 'a', status: 'waiting', takenAt: '2026-11-26T09:00:00.000+08:00', priority: false, seq: 1, channel: 'kiosk' } as unknown as Ticket;
    d.commitments.push(commitment('2026-11-26'));
    const f = facts({ lastHeardAtMs: at('2026-11-26T09:20:00'), emptyWindowMin: 60 });
    // Heard at 09:20; at 11:00 nothing is known of window 2 or the queue after 09:20:45.
    expect(kinds(hallWarnings(d, f, at('2026-11-26T11:00:00')))).toEqual(['commitment:yellow']);
    // Heard again at 10:40: window 2 empty since 08:30, A001 waiting since 09:00.
    const back = facts({ lastHeardAtMs: at('2026-11-26T10:40:00'), emptyWindowMin: 60 });
    expect(kinds(hallWarnings(d, back, at('2026-11-26T10:40:10'))).sort()).toEqual(['commitment:yellow', 'empty_window:red', 'long_wait:red']);
    // The deadline passes while it is quiet.
    expect(kinds(hallWarnings(d, f, at('2026-11-27T08:00:00')))).toEqual(['commitment:red']);
  });
});

describe('a silent hall', () => {
  it('is red once a whole opening day has passed without a word; a closed weekend does not count', () => {
    const d = staffed(weekdays());
    d.today.day = '2026-11-27';
    const heard = at('2026-11-27T15:00:00'); // a Friday
    const f = facts({ lastHeardAtMs: heard });
    expect(hallWarnings(d, f, at('2026-11-29T23:00:00'))).toEqual([]); // Sunday night
    expect(hallWarnings(d, f, at('2026-11-30T16:59:00'))).toEqual([]); // Monday still open
    const w = hallWarnings(d, f, at('2026-11-30T17:00:00'));
    expect(w).toMatchObject([{ id: warningId('h1', 'silent', heard), kind: 'silent', level: 'red', since: new Date(at('2026-11-30T17:00:00')).toISOString() }]);
    expect(hallWarnings(d, f, at('2026-12-03T10:00:00')).filter((x) => x.kind === 'silent')[0]!.id).toBe(w[0]!.id);
    // The hall speaks again.
    expect(hallWarnings(d, facts({ lastHeardAtMs: at('2026-12-03T10:00:00') }), at('2026-12-03T10:01:00')).filter((x) => x.kind === 'silent')).toEqual([]);
  });
});

describe('clock skew and order', () => {
  it('warns of a clock more than five minutes off, either way, even before the first batch', () => {
    expect(hallWarnings(null, facts({ skewMs: 5 * 60_000 }), T0)).toEqual([]);
    expect(hallWarnings(null, facts({ skewMs: -6 * 60_000 }), T0)).toMatchObject([{ kind: 'skew', level: 'yellow', subject: expect.stringContaining('慢 6 分钟') }]);
  });

  it('puts red first, then the oldest', () => {
    const ws = [
      { id: 'a', hallId: 'h', kind: 'x', level: 'yellow' as const, subject: '', since: '2026-01-01T00:00:00.000Z' },
      { id: 'b', hallId: 'h', kind: 'x', level: 'red' as const, subject: '', since: '2026-01-03T00:00:00.000Z' },
      { id: 'c', hallId: 'h', kind: 'x', level: 'red' as const, subject: '', since: '2026-01-02T00:00:00.000Z' },
    ];
    expect(ws.sort(byUrgency).map((w) => w.id)).toEqual(['c', 'b', 'a']);
  });

  it('finds a zone\'s wall time as an instant', () => {
    expect(localMs('2026-11-26', 9 * 60, 'Asia/Shanghai')).toBe(T0);
    expect(new Date(localMs('2026-03-08', 3 * 60, 'America/New_York')).toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });
});
