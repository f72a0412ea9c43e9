// 评价 at the kiosk, step one: the villager types the number on their ticket and the
// kiosk checks that the visit is finished and not rated yet. Stays until they leave.
import { useState } from 'preact/hooks';
import type { RatingSettings, TicketStatus } from '../shared/types.ts';
import { errorText, ratingSettings, ticketByNumber, type RatableTicket } from '../web/rating/api.ts';
import { DIGIT_PAD, Keypad } from '../web/rating/Keypad.tsx';
import { noneTyped, press, typedNumber, type Typed } from './numberPad.ts';
import { Listen } from './Listen.tsx';
import { GoBack } from './GoBack.tsx';

export interface NumberEntry {
  typed: Typed;
  message: string | null;
}

interface Props {
  letters: string[];
  entry: NumberEntry;
  onEntry: (e: NumberEntry) => void;
  onFound: (ticket: RatableTicket, settings: RatingSettings) => void;
  onBack: () => void;
}

/** Why a visit found by its number cannot be rated; null when it can. */
export function notRatable(t: Pick<RatableTicket, 'status' | 'rated'>): string | null {
  if (t.status === 'done') return t.rated ? '该号已评价过，谢谢您' : null;
  const never: TicketStatus[] = ['no_show', 'cancelled'];
  return never.includes(t.status) ? '该号没有办理（已过号或已作废），不能评价' : '该号还没有办完，办完后才能评价';
}

export function RateNumberScreen({ letters, entry, onEntry, onFound, onBack }: Props) {
  const [looking, setLooking] = useState(false);
  const { typed, message } = entry;
  const key = (k: string) => onEntry({ typed: press(typed, k), message: null });

  async function lookUp() {
    const n = typedNumber(typed);
    if ('missing' in n) return onEntry({ typed, message: n.missing });
    setLooking(true);
    try {
      const [ticket, settings] = await Promise.all([ticketByNumber(n.number), ratingSettings()]);
      const why = notRatable(ticket);
      if (why) onEntry({ typed, message: `${ticket.number}：${why}` });
      else onFound(ticket, settings);
    } catch (err) {
      onEntry({ typed, message: errorText(err) });
    } finally {
      setLooking(false);
    }
  }

  return (
    <main class="rate-number">
      <header class="sub-head">
        <h1>评价服务</h1>
        <p>请按号票上的号码，再点“查询”</p>
        <Listen />
      </header>
      <div class="number-body">
        <div class="number-shown">
          <output class="typed" data-testid="typed-number" aria-live="polite" aria-label="输入的号码">
            {typed.letter || typed.digits ? (
              <>
                <span>{typed.letter || '？'}</span>
                <span>{typed.digits}</span>
              </>
            ) : (
              <span class="typed-empty">先按字母，再按数字</span>
            )}
          </output>
          {message && (
            <p class="number-msg" role="alert">
              {message}
            </p>
          )}
        </div>
        <Keypad keys={letters.map((l) => ({ value: l, label: l }))} columns={4} label="号码字母" class="letters" onKey={key} />
        <Keypad keys={DIGIT_PAD} columns={3} label="号码数字" class="digits" onKey={key} />
        <div class="number-actions">
          <GoBack label="查询" busyLabel="正在查询…" busy={looking} onGo={() => void lookUp()} onBack={onBack} />
        </div>
      </div>
    </main>
  );
}
