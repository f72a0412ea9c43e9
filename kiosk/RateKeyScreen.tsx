// 评价 at the kiosk, step two: the 6-digit 评价码 printed on the ticket (and shown on the
// kiosk's screen when it was taken). Only the ticket's holder has it, so nobody can
// rate someone else's visit by its number.
import { useState } from 'preact/hooks';
import type { RatableTicket } from '../web/rating/api.ts';
import { DIGIT_PAD, Keypad } from '../web/rating/Keypad.tsx';
import { Listen } from './Listen.tsx';
import { GoBack } from './GoBack.tsx';

export const KEY_DIGITS = 6;

interface Props {
  ticket: RatableTicket;
  /** Why the last key was not accepted (the server's words), if it was not. */
  message: string | null;
  onKey: (key: string) => void;
  onBack: () => void;
}

/** 清空, 删除 and digits up to six. */
export function pressKey(typed: string, key: string): string {
  if (key === 'clear') return '';
  if (key === 'back') return typed.slice(0, -1);
  return /^\d$/.test(key) && typed.length < KEY_DIGITS ? typed + key : typed;
}

export function RateKeyScreen({ ticket, message, onKey, onBack }: Props) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(message);
  const confirm = () => {
    if (typed.length < KEY_DIGITS) return setProblem(`评价码是 ${KEY_DIGITS} 位数字，请按完整`);
    onKey(typed);
  };

  return (
    <main class="rate-number rate-key">
      <header class="sub-head">
        <h1>
          评价 {ticket.number} 号（{ticket.serviceName}）
        </h1>
        <p>请按号票上的 6 位“评价码”，再点“确定”</p>
        <Listen />
      </header>
      <div class="number-body key-body">
        <div class="number-shown">
          <output class="typed" data-testid="typed-key" aria-live="polite" aria-label="输入的评价码">
            {typed ? <span>{typed.padEnd(KEY_DIGITS, '·')}</span> : <span class="typed-empty">评价码在号票二维码下方</span>}
          </output>
          {problem && (
            <p class="number-msg" role="alert">
              {problem}
            </p>
          )}
        </div>
        <Keypad
          keys={DIGIT_PAD}
          columns={3}
          label="评价码数字"
          class="digits"
          onKey={(k) => {
            setTyped((t) => pressKey(t, k));
            setProblem(null);
          }}
        />
        <div class="number-actions">
          <GoBack label="确定" onGo={confirm} onBack={onBack} />
        </div>
      </div>
    </main>
  );
}
