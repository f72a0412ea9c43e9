// While the ticket waits: how long still ("还要等约 N 分钟", counted down between the
// server's updates), when to set off from the village, and buzzing when it is near.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TicketView } from '../shared/types.ts';
import { clockFrom, noWindowText, waitText } from '../web/format.ts';
import { BUZZ, alertFor, leaveBy, remainingMin, type Alert } from './alerts.ts';

const TRAVEL_KEY = 'status.travelMin';
const TRAVEL_CHOICES = [10, 20, 30, 60];

/** Minutes still to wait, counted down between the server's updates. */
function useRemaining(t: TicketView): number {
  const [, tick] = useState(0);
  const got = useRef({ est: t.estimatedWaitMin, at: Date.now() });
  if (got.current.est !== t.estimatedWaitMin) got.current = { est: t.estimatedWaitMin, at: Date.now() };
  useEffect(() => {
    const id = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(id);
  }, []);
  return remainingMin(got.current.est, got.current.at, Date.now());
}

function storedTravel(): number | null {
  try {
    const n = Number(localStorage.getItem(TRAVEL_KEY));
    return TRAVEL_CHOICES.includes(n) ? n : null;
  } catch {
    return null; // storage blocked: ask again next time
  }
}

export function Waiting({ ticket: t }: { ticket: TicketView }) {
  const remaining = useRemaining(t);
  const [travel, setTravel] = useState<number | null>(storedTravel);
  const choose = (n: number) => {
    setTravel(n);
    try {
      localStorage.setItem(TRAVEL_KEY, String(n));
    } catch {
      /* remembered for this visit only */
    }
  };
  const unknown = t.noWindow?.reason === 'none';
  const leave = travel !== null && !unknown ? leaveBy(Date.now(), remaining, travel) : null;
  return (
    <>
      <dl class="facts">
        <div>
          <dt>前面还有</dt>
          <dd>{t.ahead} 人</dd>
        </div>
        <div>
          <dt>还要等</dt>
          <dd data-testid="wait">{unknown ? '不确定' : waitText(remaining)}</dd>
        </div>
      </dl>
      {t.noWindow ? (
        <p class="no-window" role="status">{noWindowText(t.noWindow)}</p>
      ) : (
        <p class="hint">{t.ahead === 0 && remaining === 0 ? '下一个就是您，请回到大厅等候叫号。' : '请留意大厅叫号，这个页面会自动更新。'}</p>
      )}
      {!unknown && (
        <section class="travel" aria-label="什么时候出发">
          <p class="travel-ask">从您那里到大厅要走多久？</p>
          <div class="travel-choices">
            {TRAVEL_CHOICES.map((n) => (
              <button key={n} type="button" aria-pressed={travel === n} onClick={() => choose(n)}>
                {n === 60 ? '1 小时' : `${n} 分钟`}
              </button>
            ))}
          </div>
          {leave !== null && (
            <p class="leave" data-testid="leave-by">
              {leave <= Date.now() + 60_000 ? '现在就该出发了' : `约 ${clockFrom(t.takenAt, Date.parse(t.takenAt), leave).time.slice(0, 5)} 前出发`}
            </p>
          )}
        </section>
      )}
    </>
  );
}

/** Buzzes (and notifies, once allowed) when the ticket is called or nearly there. */
export function useReminders(t: TicketView | null): void {
  const prev = useRef<TicketView | null>(null);
  useEffect(() => {
    if (!t) return;
    const last = prev.current && prev.current.id === t.id ? prev.current : null;
    prev.current = t;
    const alert = alertFor(last, t);
    if (alert) remind(alert, t.id);
  }, [t]);
}

function remind(a: Alert, ticketId: string): void {
  if (typeof navigator.vibrate === 'function') navigator.vibrate(BUZZ[a.kind]);
  beep(a.kind);
  if (typeof Notification === 'function' && Notification.permission === 'granted') {
    try {
      new Notification(a.title, { body: a.body, tag: `${ticketId}-${a.kind}` });
    } catch {
      // Some phones allow notifications only from a service worker: the buzz and the page remain.
    }
  }
}

// A short tone, once a tap has allowed the page to make sound.
let audio: AudioContext | null = null;
function beep(kind: Alert['kind']): void {
  if (!audio) return;
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  osc.frequency.value = kind === 'called' ? 880 : 660;
  gain.gain.value = 0.2;
  osc.connect(gain).connect(audio.destination);
  osc.start();
  osc.stop(audio.currentTime + (kind === 'called' ? 0.8 : 0.3));
}

type Permission = 'unsupported' | NotificationPermission;
const permissionNow = (): Permission => (typeof Notification === 'function' ? Notification.permission : 'unsupported');

/** The tap that allows notifications and sound. */
export function ReminderSwitch() {
  const [permission, setPermission] = useState<Permission>(permissionNow);
  const [on, setOn] = useState(false);
  const turnOn = async () => {
    try {
      audio ??= new AudioContext();
      void audio.resume();
    } catch {
      audio = null;
    }
    setOn(true);
    if (typeof Notification === 'function' && Notification.permission === 'default') setPermission(await Notification.requestPermission());
  };
  const text = !on && permission !== 'granted' ? null : permission === 'granted' ? '已打开：叫到您和前面还剩 3 人时，手机会响铃、振动并通知您。' : permission === 'denied' ? '手机不允许通知：叫到您时手机会振动，也请留意大厅叫号。' : '已打开：叫到您和前面还剩 3 人时，手机会响铃和振动。';
  return (
    <section class="remind">
      {text ? (
        <p class="remind-on" role="status">{text}</p>
      ) : (
        <button type="button" class="remind-button" onClick={() => void turnOn()}>
          打开到号提醒
        </button>
      )}
    </section>
  );
}
