// The wall screen (叫号屏): hall name and clock, the number at each window, the last
// calls and the waiting counts; flashes and announces each call as it happens.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SocketAuth, TicketCalled } from '../shared/events.ts';
import type { HallState } from '../shared/types.ts';
import { useSocket } from '../web/useSocket.ts';
import type { Announcement, Announcer } from './announcer.ts';
import { Clock } from './Clock.tsx';
import { CounterGrid } from './CounterGrid.tsx';
import { CallStrip, ConnectionBanner, SoundPrompt, VoiceNote } from './notices.tsx';
import { SidePanel } from './SidePanel.tsx';
import { latestCallText, withCalls } from './view.ts';
import type { BrowserSound } from './voice.ts';

const AUTH: SocketAuth = { role: 'display' };
/** A reconnect within this time is not worth alarming a whole hall about. */
const BANNER_DELAY_MS = 1500;
/** Time for a browser that allows sound without a click (kiosk mode) to say so, before asking for one. */
const SOUND_PROMPT_DELAY_MS = 1000;

interface Props {
  announcer: Announcer;
  sound: BrowserSound;
}

export function Display({ announcer, sound }: Props) {
  // Calls heard since `base`, the last hall:state received (see withCalls).
  const [heard, setHeard] = useState<{ base: HallState | null; calls: TicketCalled[] }>({ base: null, calls: [] });
  const [flashes, setFlashes] = useState<Record<string, number>>({});
  const [last, setLast] = useState<TicketCalled | null>(null);
  const [clockBase, setClockBase] = useState<{ now: string; at: number } | null>(null);
  const latest = useRef<HallState | null>(null);

  const { hall, connected } = useSocket(AUTH, (socket) => {
    socket.on('hall:state', (h) => {
      latest.current = h;
      setClockBase({ now: h.now, at: Date.now() });
    });
    // Announce only from ticket:called, never from hall:state: after a reconnect the
    // screen shows the true state at once without reading out calls made meanwhile.
    socket.on('ticket:called', (call) => {
      if (!announcer.enqueue(call)) return; // the same event twice: already shown and queued
      setLast(call);
      setFlashes((f) => ({ ...f, [call.counterId]: (f[call.counterId] ?? 0) + 1 }));
      const base = latest.current;
      setHeard((h) => ({ base, calls: h.base === base ? [...h.calls, call] : [call] }));
    });
  });

  const soundOn = useSoundUnlock(announcer, sound);
  useRerenderOn(sound.subscribe);
  useEffect(() => {
    if (connected) void sound.checkServer();
  }, [connected, sound]);
  const lost = useDelayed(!connected, BANNER_DELAY_MS);
  const askForSound = useDelayed(!soundOn, SOUND_PROMPT_DELAY_MS);
  const speaking = useSpeaking(announcer);

  const view = hall && heard.base === hall ? withCalls(hall, heard.calls) : hall;
  const info = sound.info();

  return (
    <div class={`display${soundOn ? ' sound-on' : ''}`}>
      {lost && <ConnectionBanner />}
      <header class="top">
        <h1>{view?.hallName ?? '为民服务中心'}</h1>
        {view && !view.open && <span class="chip-closed">非办公时间</span>}
        {clockBase && <Clock serverNow={clockBase.now} receivedAt={clockBase.at} />}
      </header>
      {view ? (
        <main class="body">
          <CounterGrid counters={view.counters} services={view.services} flashes={flashes} speaking={speaking} />
          <SidePanel recent={view.recent} services={view.services} />
        </main>
      ) : (
        <main class="body loading">正在连接服务器…</main>
      )}
      <footer class="bottom">
        {speaking ? (
          <CallStrip text={speaking.text} seq={`${speaking.number}|${speaking.counterId}|${speaking.callCount}`} speaking />
        ) : (
          <CallStrip text={view ? latestCallText(view, last) : null} seq={last ? `${last.number}|${last.counterId}|${last.callCount}` : ''} speaking={false} />
        )}
        {askForSound && <SoundPrompt />}
        {soundOn && info.speech === null && info.server === false && <VoiceNote />}
      </footer>
    </div>
  );
}

/**
 * Browsers keep a page silent until someone clicks or presses a key on it. The first
 * gesture anywhere unlocks sound for good; where the browser allows sound without one
 * (kiosk flag `--autoplay-policy=no-user-gesture-required`), no click is needed.
 */
function useSoundUnlock(announcer: Announcer, sound: BrowserSound): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (on) return;
    const enable = () => {
      announcer.enable();
      setOn(true);
    };
    const gesture = () => {
      sound.unlock();
      enable();
    };
    const check = () => {
      if (sound.allowedWithoutGesture()) enable();
    };
    check();
    const unsubscribe = sound.subscribe(check);
    window.addEventListener('pointerdown', gesture);
    window.addEventListener('keydown', gesture);
    return () => {
      unsubscribe();
      window.removeEventListener('pointerdown', gesture);
      window.removeEventListener('keydown', gesture);
    };
  }, [on, announcer, sound]);
  return on;
}

/** The announcement being said now, kept current as the announcer moves on. */
function useSpeaking(announcer: Announcer): Announcement | null {
  const [speaking, setSpeaking] = useState(() => announcer.speaking);
  useEffect(() => announcer.subscribe(() => setSpeaking(announcer.speaking)), [announcer]);
  // The record is updated in place: a copy, so a change of call re-renders.
  return speaking && { ...speaking };
}

function useRerenderOn(subscribe: (fn: () => void) => () => void): void {
  const [, bump] = useState(0);
  useEffect(() => subscribe(() => bump((n) => n + 1)), [subscribe]);
}

/** `value`, but turning true only after it has stayed true for `ms`. */
function useDelayed(value: boolean, ms: number): boolean {
  const [delayed, setDelayed] = useState(false);
  useEffect(() => {
    if (!value) {
      setDelayed(false);
      return;
    }
    const t = setTimeout(() => setDelayed(true), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return delayed;
}
