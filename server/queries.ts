// The hall's read side: every figure, list and export the pages ask for, by name.
// Closed days come from the archive through the Store's port, the live day from the
// hall through `hall.read`, and the rules from shared/core; handlers only validate,
// ask one of these, and reply.
import { spokenText } from '../shared/core/announce.ts';
import { auditLog, settingsView, staffAccounts, type StaffAccount } from '../shared/core/admin.ts';
import { accountStarts, appraisal, type AppraisalReply } from '../shared/core/appraisal.ts';
import { countedDays, countedRatings } from '../shared/core/voided.ts';
import {
  commitmentCounts,
  commitmentOf,
  commitmentViews,
  followUpCounts,
  followUpsBetween,
  followUpViews,
  unansweredComments,
  type CommitmentStatus,
  type FollowUpStatus,
} from '../shared/core/cases.ts';
import { dayNames } from '../shared/core/facts.ts';
import { PageBuilder, type CommentPage, type PageRequest } from '../shared/core/commentBook.ts';
import { counterById } from '../shared/core/state.ts';
import { appraisalTable, followUpTable, summaryTable, ticketTable, type CsvTable, type ExportKind } from '../shared/core/exports.ts';
import { clerkRatings, ratingFigures, type MyRatingsReply, type RatingFigures } from '../shared/core/ratingStats.ts';
import { committedFigures, dayFacts, ReportBuilder, type DayFacts, type ReportReply } from '../shared/core/reports.ts';
import { stats, type Stats } from '../shared/core/stats.ts';
import { hallState, ticketView } from '../shared/core/views.ts';
import { fixedGuide, materialsGuide, startGuide, ticketGuide, type GuideQuery } from '../shared/guide.ts';
import { plansFrom, type DayPlan } from '../shared/core/hours.ts';
import type { AuditEntry, CommentEntry, Commitment, CommitmentView, FollowUpView, HallData, RatableTicket, Settings, SettingsView, Ticket, User } from '../shared/types.ts';
import type { Hall } from './hall.ts';
import type { Archive } from './store/archive.ts';

/** Days from..to, inclusive (YYYY-MM-DD). */
export interface Range {
  from: string;
  to: string;
}

/** A range with its name, as the appraisal heads its table (`2026年第四季度`); '' for none. */
export interface Period extends Range {
  label: string;
}

export interface QueryDeps {
  hall: Pick<Hall, 'read' | 'today' | 'now'>;
  archive: Pick<Archive, 'days' | 'read' | 'facts' | 'comments' | 'commentDays' | 'findComment'>;
}

export type Queries = ReturnType<typeof createQueries>;

const within = (day: string, r: Range) => day >= r.from && day <= r.to;

export function createQueries({ hall, archive }: QueryDeps) {
  /** Something per archived day in range, oldest first. */
  async function perArchivedDay<T>(range: Range, load: (day: string) => Promise<T | null>): Promise<T[]> {
    const out: T[] = [];
    for (const day of await archive.days()) {
      if (!within(day, range)) continue;
      const x = await load(day); // one file per await: the event loop breathes
      if (x) out.push(x);
    }
    return out;
  }

  /** Archived days' report facts; `names` covers archives written before names were kept. */
  async function archivedFacts(range: Range): Promise<DayFacts[]> {
    const names = await hall.read(dayNames);
    return perArchivedDay(range, (day) => archive.facts(day, names));
  }

  async function archivedTickets(range: Range): Promise<Ticket[]> {
    return (await perArchivedDay(range, (day) => archive.read(day))).flatMap((a) => a.tickets);
  }

  // The live day's share, taken inside the same read as the rest of the live state.
  const liveFacts = (d: HallData, range: Range): DayFacts[] => {
    if (!within(d.today.day, range)) return [];
    const names = dayNames(d);
    return [dayFacts({ day: d.today.day, tickets: Object.values(d.tickets), signIns: d.signIns, names }, names)];
  };
  const liveTickets = (d: HallData, range: Range): Ticket[] => (within(d.today.day, range) ? Object.values(d.tickets) : []);

  async function report(range: Range): Promise<ReportReply> {
    const days = await archivedFacts(range);
    return hall.read((d) => {
      const b = new ReportBuilder(range.from, range.to);
      for (const f of countedDays([...days, ...liveFacts(d, range)], d.followUps)) b.addDay(f);
      return { ...b.build(), committed: committedFigures(d.commitments, range.from, range.to, hall.today()) };
    });
  }

  /** `label` '' names the period by its dates. */
  async function appraisalOf(period: Period): Promise<AppraisalReply> {
    const { from, to } = period;
    const days = await archivedFacts(period);
    const firstArchived = (await archive.days())[0];
    return hall.read((d) => {
      const hallStart = firstArchived && firstArchived < d.today.day ? firstArchived : d.today.day;
      return {
        from,
        to,
        label: period.label || `${from} 至 ${to}`,
        rows: appraisal(countedDays([...days, ...liveFacts(d, period)], d.followUps), d.followUps, d.users, d.settings, from, to, hall.today(), undefined, accountStarts(hallStart, d.users, d.audit)),
      };
    });
  }

  return {
    /** `GET /api/stats`: tickets, waits and rating levels over the range. */
    async stats(range: Range): Promise<Stats> {
      const archived = await archivedTickets(range);
      return hall.read((d) => {
        const tickets = countedRatings([...archived, ...liveTickets(d, range)], d.followUps);
        return stats(tickets, tickets.flatMap((t) => (t.rating ? [t.rating] : [])));
      });
    },

    /** `GET /api/reports`: the report over any range, with its committed cases. */
    report,

    /** 综合测评: each clerk over the period, ranked. */
    appraisal: appraisalOf,

    /** A CSV export's table; `appraisal` reads the period's label, the rest only its dates. */
    async csv(kind: ExportKind, range: Range & Partial<Period>): Promise<CsvTable> {
      const { from, to } = range;
      switch (kind) {
        case 'appraisal':
          return appraisalTable(await appraisalOf({ from, to, label: range.label ?? '' }));
        case 'summary':
          return summaryTable(await report(range));
        case 'followups':
          return hall.read((d) => followUpTable(d, followUpsBetween(d.followUps, from, to), from, to));
        case 'tickets': {
          const archived = await archivedTickets(range);
          return hall.read((d) => ticketTable(d, [...archived, ...liveTickets(d, range)], from, to));
        }
      }
    },

    /** Committed cases (承诺件), newest first. */
    commitments(status: CommitmentStatus): Promise<CommitmentView[]> {
      return hall.read((d) => commitmentViews(d, status, hall.today()));
    },

    commitment(ticketId: string): Promise<Commitment | undefined> {
      return hall.read((d) => commitmentOf(d, ticketId));
    },

    /** Follow-ups of bad ratings (差评回访), newest first. */
    followUps(status: FollowUpStatus): Promise<FollowUpView[]> {
      return hall.read((d) => followUpViews(d, status, hall.today()));
    },

    /** The badges on staff pages: open and overdue cases, unanswered comments. */
    followUpCounts(): Promise<{ openFollowUps: number; overdue: number }> {
      return hall.read((d) => followUpCounts(d, hall.today()));
    },

    commitmentCounts(): Promise<{ open: number; overdue: number }> {
      return hall.read((d) => commitmentCounts(d, hall.today()));
    },

    unansweredComments(): Promise<{ unanswered: number }> {
      return hall.read(unansweredComments);
    },

    /**
     * 意见簿, a page at a time, newest first: the live comments (closed days' ones not yet
     * filed included), then archived days, newest first, only as many as the page needs.
     */
    async comments(req: PageRequest): Promise<CommentPage & { unanswered: number }> {
      const page = new PageBuilder(req);
      const { unanswered } = await hall.read((d) => {
        page.add(d.comments);
        for (const day of d.closing ?? []) page.add(day.comments ?? []);
        return unansweredComments(d);
      });
      for (const day of (await archive.commentDays()).reverse()) {
        if (!page.wants(day)) continue;
        if (page.fullBefore(day)) break;
        page.add(await archive.comments(day));
      }
      return { ...page.build(), unanswered };
    },

    /** A comment no longer in the live state, as the archive holds it. */
    archivedComment(id: string): Promise<CommentEntry | null> {
      return archive.findComment(id);
    },

    ratingReasons(): Promise<Settings['ratings']> {
      return hall.read((d) => d.settings.ratings);
    },

    /** Today's visit with this number, for rating it at the kiosk or the pad. */
    ratableTicket(number: string): Promise<RatableTicket | null> {
      return hall.read((d) => {
        const t = Object.values(d.tickets).find((x) => x.number === number);
        return t ? { ...ticketView(d, t, undefined, hall.now()), rated: Boolean(t.rating) } : null;
      });
    },

    /** 满意度: ratings over the range and the follow-ups of its days. */
    async satisfaction(range: Range): Promise<Range & RatingFigures> {
      const archived = await archivedTickets(range);
      return hall.read((d) => ({
        from: range.from,
        to: range.to,
        ...ratingFigures(countedRatings([...archived, ...liveTickets(d, range)], d.followUps), followUpsBetween(d.followUps, range.from, range.to), d.settings, hall.today(), dayNames(d)),
      }));
    },

    /** A clerk's own ratings over the range. */
    async clerkRatings(userId: string, range: Range): Promise<MyRatingsReply> {
      const archived = await archivedTickets(range);
      return hall.read((d) => clerkRatings(d, [...archived, ...liveTickets(d, range)], userId, range.from, range.to, hall.today(), dayNames(d)));
    },

    /** The hall's days from `from` (today when absent): hours, lunch, market days, holidays. */
    calendar(from: string | undefined, days: number): Promise<DayPlan[]> {
      return hall.read((d) => plansFrom(d.settings, from ?? hall.today(), days));
    },

    /** 设置: settings, businesses, windows and accounts, without password hashes. */
    settings(): Promise<SettingsView> {
      return hall.read(settingsView);
    },

    staffAccounts(): Promise<StaffAccount[]> {
      return hall.read(staffAccounts);
    },

    /** The latest settings changes, newest first, with who made them. */
    audit(): Promise<(AuditEntry & { byName: string })[]> {
      return hall.read(auditLog);
    },

    /** The account signing in by this username, hash included for checking the password. */
    account(username: string): Promise<User | undefined> {
      return hall.read((d) => d.users.find((u) => u.username === username));
    },

    user(id: string): Promise<StaffAccount | undefined> {
      return hall.read((d) => staffAccounts(d).find((u) => u.id === id));
    },

    /** A kiosk screen's words for the server's voice, at `now`; null for an unknown business or ticket. */
    guide(q: GuideQuery, now: number): Promise<string | null> {
      return hall.read((d) => {
        if (q.screen === 'ticket') {
          const t = q.ticket !== undefined && Object.hasOwn(d.tickets, q.ticket) ? d.tickets[q.ticket]! : undefined;
          if (!t) return null;
          const counters = d.counters.filter((c) => c.serviceIds.includes(t.serviceId)).map((c) => c.name);
          return ticketGuide(ticketView(d, t, undefined, now), counters);
        }
        if (q.screen !== 'start' && q.screen !== 'materials') return fixedGuide(q.screen);
        const state = hallState(d, now);
        if (q.screen === 'start') return startGuide(state);
        const service = state.services.find((s) => s.id === q.service);
        return service ? materialsGuide(service, state.priorityKinds) : null;
      });
    },

    /** The call as the server's voice reads it out; null for an unknown window. */
    spokenCall(counterId: string, number: string): Promise<string | null> {
      return hall.read((d) => {
        const counter = counterById(d, counterId);
        return counter ? spokenText(d.settings.announcement.template, number, counter.name) : null;
      });
    },
  };
}
