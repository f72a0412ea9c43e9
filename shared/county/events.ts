// The county board's Socket.IO events, declared once for the server and the page.
import type { HallSummary } from './types.ts';

export interface CountyServerToClient {
  /** Every hall as the board shows it: on connect, after each batch a hall ships (at most a few a second), and as halls fall silent. */
  'county:halls': (halls: HallSummary[]) => void;
}

// The board only listens.
export type CountyClientToServer = Record<string, never>;

export interface CountySocketAuth {
  token: string;
}
