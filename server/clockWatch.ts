// The wall clock, checked against a monotonic one. A server's clock can be wrong for
// a moment (set by hand, a bad NTP step, a dead CMOS battery corrected at boot): one
// reading a year ahead must not close today and leave the hall's day in the future.
// Every reading is compared with the monotonic clock; a jump is logged, and a new day
// the wall clock shows is trusted only once it has run steadily for a while since.
const JUMP_MS = 60_000;
export const STEADY_MS = 2 * 60_000;

export class ClockWatch {
  private last: { wall: number; mono: number } | null = null;
  private lastJumpAt = -Infinity; // monotonic

  constructor(
    private readonly wall: () => number,
    private readonly mono: () => number,
    private readonly log?: (msg: string) => void,
  ) {}

  /** The wall clock now; notes a jump since the last reading. */
  now(): number {
    const wall = this.wall();
    const mono = this.mono();
    if (this.last) {
      const drift = wall - this.last.wall - (mono - this.last.mono);
      if (Math.abs(drift) > JUMP_MS) {
        this.lastJumpAt = mono;
        this.log?.(`the system clock jumped ${drift > 0 ? 'ahead' : 'back'} by ${Math.round(Math.abs(drift) / 60_000)} min; the hall's day moves only after the clock has run steadily for ${STEADY_MS / 60_000} min`);
      }
    }
    this.last = { wall, mono };
    return wall;
  }

  /** No jump in the last STEADY_MS: a new day the clock shows may be believed. */
  steady(): boolean {
    return this.mono() - this.lastJumpAt >= STEADY_MS;
  }
}
