// The Socket.IO wire, declared once. Server: `Server<ClientToServer, ServerToClient>`;
// pages: `Socket<ServerToClient, ClientToServer>`. No bare event strings elsewhere.
import type { z } from 'zod';
import type { socketAuth } from './schemas.ts';
import type { CounterState, CountyLinkStatus, HallState, PadState, PrinterHealth, TicketPrinted, TicketView } from './types.ts';

export interface TicketCalled {
  number: string;
  counterId: string;
  counterName: string;
  calledAt: string;
  callCount: number;
  /** What the screen shows: 请 A012 号到 3号窗口办理 (from the hall's template). */
  text: string;
  /** What the voice says: digits one by one, window numbers as numbers. */
  spoken: string;
  repeat: number;
}

export interface ServerToClient {
  'hall:state': (state: HallState) => void;
  'ticket:called': (call: TicketCalled) => void;
  'ticket:status': (ticket: TicketView) => void;
  'counter:state': (state: CounterState) => void;
  'session:ended': (reason: string) => void;
  'printer:status': (health: PrinterHealth) => void;
  'ticket:printed': (result: TicketPrinted) => void;
  'pad:state': (state: PadState) => void;
  /** Staff: a rating or follow-up changed (supervisors refresh their lists). */
  'ratings:changed': (summary: { openFollowUps: number; overdue: number }) => void;
  /** Staff: the comment book changed (a new entry or a reply). */
  'comments:changed': (summary: { unanswered: number }) => void;
  /** Staff: a committed case (承诺件) was made or delivered. */
  'commitments:changed': (summary: { open: number; overdue: number }) => void;
  /** Staff: the 县中心 link's state changed (已同步 / 积压 / 连接失败). */
  'county:status': (status: Pick<CountyLinkStatus, 'state' | 'pending' | 'lastShippedAt' | 'lastError' | 'since'>) => void;
  /** Staff: a 督办 notice arrived (`received`: its id) or was answered. */
  'notices:changed': (summary: { unanswered: number; received?: string }) => void;
}

export type Ack = (reply: { ok: true } | { ok: false; error: { code: string; message: string } }) => void;

export interface ClientToServer {
  /** Phone status page: follow one ticket. */
  'ticket:watch': (ticketId: string, ack?: Ack) => void;
}

/**
 * `auth` sent on connect. A display (wall screen, kiosk) needs nothing else;
 * a staff console sends its session token and receives its window's queue.
 * The server checks it with the same schema (shared/schemas.ts).
 */
export type SocketAuth = z.input<typeof socketAuth>;

export const rooms = {
  display: 'display',
  ticket: (id: string) => `ticket:${id}`,
  counter: (id: string) => `counter:${id}`,
  pad: (counterId: string) => `pad:${counterId}`,
  staff: 'staff',
} as const;
