// The door kiosk (取号机): pick a business → read what to bring → take a ticket; and,
// second to that, rate a finished visit by its number (评价) or leave a comment (意见簿).
// Only a finished ticket or a thank-you goes back to the start by itself; a half-made
// choice is cleared only after a quiet minute and an unanswered "还在吗？" (StillThere.tsx;
// MIIT 适老化: no timeout discards a choice without asking first).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SocketAuth } from '../shared/events.ts';
import { fixedGuide, materialsGuide, opensText, startGuide, ticketGuide } from '../shared/guide.ts';
import type { HallState, PrinterHealth, RatingSettings, TicketPrinted } from '../shared/types.ts';
import type { RatableTicket } from '../web/rating/api.ts';
import type { Rated } from '../web/rating/RatingForm.tsx';
import { lazy } from '../web/lazy.tsx';
import { useSocket, type HallSocket } from '../web/useSocket.ts';
import type { CommentKind } from './CommentScreen.tsx';
import { DetailsScreen } from './DetailsScreen.tsx';
import { FailedScreen } from './FailedScreen.tsx';
import { createGuide, type GuideEntry, type Reading } from './guide.ts';
import { GuideContext } from './Listen.tsx';
import { returnDelaySeconds, serviceColour } from './look.ts';
import { letterKeys, noneTyped } from './numberPad.ts';
import type { NumberEntry } from './RateNumberScreen.tsx';
import { StartScreen } from './StartScreen.tsx';
import { StillThere, useQuietMinute } from './StillThere.tsx';
import { newTakeKey, takeFailure, takeTicket, type TakeFailure, type TakenTicket, type Taking } from './take.ts';
import { ThanksScreen } from './ThanksScreen.tsx';
import { TicketScreen } from './TicketScreen.tsx';
import { useTapGuard } from './useTapGuard.ts';

// Rating and the comment book are reached by a button on the start screen: their code
// (the rating form, its keypads) comes the first time one is opened.
const RateNumberScreen = lazy(() => import('./RateNumberScreen.tsx').then((m) => m.RateNumberScreen));
const RateKeyScreen = lazy(() => import('./RateKeyScreen.tsx').then((m) => m.RateKeyScreen));
const RateScreen = lazy(() => import('./RateScreen.tsx').then((m) => m.RateScreen));
const RatedScreen = lazy(() => import('./RatedScreen.tsx').then((m) => m.RatedScreen));
const CommentScreen = lazy(() => import('./CommentScreen.tsx').then((m) => m.CommentScreen));

type Screen =
  | { kind: 'start' }
  | { kind: 'details'; serviceId: string }
  | { kind: 'ticket'; ticket: TakenTicket }
  | { kind: 'failed'; serviceId: string; priority: boolean; key: string; failure: TakeFailure }
  | { kind: 'rate-number'; entry: NumberEntry }
  | { kind: 'rate-key'; entry: NumberEntry; ticket: RatableTicket; settings: RatingSettings; message: string | null }
  | { kind: 'rate'; entry: NumberEntry; ticket: RatableTicket; settings: RatingSettings; ratingKey: string }
  | { kind: 'rated'; rated: Rated; followUpDays: number }
  | { kind: 'comment' }
  | { kind: 'commented'; commentKind: CommentKind; withContact: boolean };

/** Which screen is showing, for the tap guard: typing on a screen does not make it a new one. */
function screenId(s: Screen): string {
  switch (s.kind) {
    case 'details':
    case 'failed':
      return `${s.kind}:${s.serviceId}`;
    case 'ticket':
      return `ticket:${s.ticket.id}`;
    default:
      return s.kind;
  }
}

/** What the 听 button reads on a screen: its words, and what the server needs to say the same. */
function readingOf(screen: Screen, hall: HallState, asking: boolean): Reading {
  if (asking) return { screen: 'still-there', text: fixedGuide('still-there'), query: { screen: 'still-there' } };
  switch (screen.kind) {
    case 'details': {
      const s = hall.services.find((x) => x.id === screen.serviceId);
      if (s) return { screen: 'materials', text: materialsGuide(s, hall.priorityKinds), query: { screen: 'materials', service: s.id } };
      break;
    }
    case 'ticket': {
      const t = screen.ticket;
      const counters = hall.services.find((s) => s.id === t.serviceId)?.counters ?? [];
      return { screen: 'ticket', text: ticketGuide(t, counters), query: { screen: 'ticket', ticket: t.id } };
    }
    case 'rated':
    case 'commented':
      return { screen: 'thanks', text: fixedGuide('thanks'), query: { screen: 'thanks' } };
    case 'failed':
    case 'rate-number':
    case 'rate-key':
    case 'rate':
    case 'comment':
      return { screen: screen.kind, text: fixedGuide(screen.kind), query: { screen: screen.kind } };
  }
  return { screen: 'start', text: startGuide(hall), query: { screen: 'start' } };
}

declare global {
  interface Window {
    /** What the 听 button read, and how: end-to-end tests check it (headless Chromium has no voices). */
    __guide?: GuideEntry[];
  }
}

const AUTH: SocketAuth = { role: 'display' };
const RETURN_SECONDS = returnDelaySeconds(location.search);
const CONNECTING = '正在连接服务器…';

export function Kiosk() {
  const [printer, setPrinter] = useState<PrinterHealth | null>(null);
  const [printed, setPrinted] = useState<TicketPrinted | null>(null);
  // The ticket on screen: its print result is followed, again after a reconnect.
  const watching = useRef<string | null>(null);
  const { hall, connected, socket } = useSocket(AUTH, (s: HallSocket) => {
    s.on('printer:status', setPrinter);
    s.on('ticket:printed', (r) => {
      if (r.ticketId === watching.current) setPrinted(r);
    });
    s.on('connect', () => {
      if (watching.current) s.emit('ticket:watch', watching.current);
    });
  });
  const [screen, setScreen] = useState<Screen>({ kind: 'start' });
  const [taking, setTaking] = useState<Taking>(null);
  // A ref, not the state: two taps inside one frame both see the state still null.
  const busy = useRef(false);
  const shownId = screenId(screen);
  const guard = useTapGuard(shownId);
  const [touches, setTouches] = useState(0);
  const touched = () => setTouches((n) => n + 1);
  // Screens that go back by themselves (the ticket, a thank-you) or hold nothing (the start) are not watched.
  const quiet = useQuietMinute(!['start', 'ticket', 'rated', 'commented'].includes(screen.kind), touches);
  const guide = useMemo(() => {
    const g = createGuide();
    window.__guide = g.record;
    return g;
  }, []);
  // A new screen (or the question over it) ends the reading of the one before.
  useEffect(() => guide.stop(), [guide, shownId, quiet.asking]);

  const home = () => setScreen({ kind: 'start' });
  const pick = (serviceId: string) => setScreen({ kind: 'details', serviceId });

  /** `key`: a retry of the same wish passes the key of the try it repeats. */
  async function take(serviceId: string, priority: boolean, key = newTakeKey()) {
    if (busy.current) return; // a second tap while the first is on its way must not take a second ticket
    busy.current = true;
    setTaking(priority ? 'priority' : 'normal');
    try {
      const ticket = await takeTicket(serviceId, priority, key);
      watching.current = ticket.print === 'pending' ? ticket.id : null;
      setPrinted(null);
      if (watching.current) socket?.emit('ticket:watch', ticket.id);
      setScreen({ kind: 'ticket', ticket });
    } catch (err) {
      setScreen({ kind: 'failed', serviceId, priority, key, failure: takeFailure(err) });
    } finally {
      busy.current = false;
      setTaking(null);
    }
  }

  if (!hall) {
    return (
      <div class="kiosk connecting" role="status">
        {CONNECTING}
      </div>
    );
  }

  const index = 'serviceId' in screen ? hall.services.findIndex((s) => s.id === screen.serviceId) : -1;
  const service = hall.services[index];
  let body;
  if (screen.kind === 'details' && service) {
    body = (
      <DetailsScreen
        service={service}
        colour={serviceColour(index)}
        priorityKinds={hall.priorityKinds}
        taking={taking}
        opens={opensText(hall)}
        onTake={(priority) => void take(service.id, priority)}
        onBack={home}
      />
    );
  } else if (screen.kind === 'ticket') {
    const i = hall.services.findIndex((s) => s.id === screen.ticket.serviceId);
    body = (
      <TicketScreen
        key={screen.ticket.id}
        ticket={screen.ticket}
        colour={serviceColour(Math.max(0, i))}
        counters={hall.services[i]?.counters ?? []}
        seconds={RETURN_SECONDS}
        printed={printed?.ticketId === screen.ticket.id ? printed : null}
        onDone={home}
      />
    );
  } else if (screen.kind === 'failed') {
    const { serviceId, priority, key, failure } = screen;
    body = (
      <FailedScreen
        failure={failure}
        taking={taking !== null}
        onRetry={() => void take(serviceId, priority, key)}
        onBack={() => pick(serviceId)}
        onHome={home}
      />
    );
  } else if (screen.kind === 'rate-number') {
    body = (
      <RateNumberScreen
        letters={letterKeys(hall.services)}
        entry={screen.entry}
        onEntry={(entry) => setScreen({ kind: 'rate-number', entry })}
        onFound={(ticket, settings) => setScreen({ kind: 'rate-key', entry: screen.entry, ticket, settings, message: null })}
        onBack={home}
      />
    );
  } else if (screen.kind === 'rate-key') {
    const { entry, ticket, settings, message } = screen;
    body = (
      <RateKeyScreen
        key={message ?? ''}
        ticket={ticket}
        message={message}
        onKey={(ratingKey) => setScreen({ kind: 'rate', entry, ticket, settings, ratingKey })}
        onBack={() => setScreen({ kind: 'rate-number', entry: { ...entry, message: null } })}
      />
    );
  } else if (screen.kind === 'rate') {
    const { entry, ticket, settings, ratingKey } = screen;
    body = (
      <RateScreen
        ticket={ticket}
        ratingKey={ratingKey}
        settings={settings}
        onRated={(rated) => setScreen({ kind: 'rated', rated, followUpDays: settings.followUpDays })}
        // A wrong 评价码: type it again. Rated meanwhile on the phone or the window pad:
        // back to the number, saying so.
        onRefused={(message, code) =>
          setScreen(code === 'not_your_ticket' ? { kind: 'rate-key', entry, ticket, settings, message } : { kind: 'rate-number', entry: { ...entry, message } })
        }
        onBack={() => setScreen({ kind: 'rate-key', entry, ticket, settings, message: null })}
      />
    );
  } else if (screen.kind === 'rated') {
    body = <RatedScreen rated={screen.rated} followUpDays={screen.followUpDays} seconds={RETURN_SECONDS} onDone={home} />;
  } else if (screen.kind === 'comment') {
    body = <CommentScreen onSent={(commentKind, withContact) => setScreen({ kind: 'commented', commentKind, withContact })} onBack={home} />;
  } else if (screen.kind === 'commented') {
    body = (
      <ThanksScreen seconds={RETURN_SECONDS} onDone={home}>
        <p class="thanks-big">{screen.commentKind === 'complaint' ? '您的投诉已经记下' : '谢谢您的意见'}</p>
        <p>{screen.withContact ? '工作人员会和您联系。' : '我们会认真研究，改进工作。'}</p>
      </ThanksScreen>
    );
  } else {
    // Also the fallback when the chosen business was removed from the hall meanwhile.
    body = (
      <StartScreen
        hall={hall}
        onPick={pick}
        onRate={() => setScreen({ kind: 'rate-number', entry: { typed: noneTyped, message: null } })}
        onComment={() => setScreen({ kind: 'comment' })}
      />
    );
  }

  return (
    <div
      class="kiosk"
      onPointerDownCapture={() => {
        guard.onPointerDownCapture();
        touched();
      }}
      onKeyDownCapture={touched}
      onInputCapture={touched}
      onClickCapture={guard.onClickCapture}
    >
      {!connected && (
        <div class="banner" role="status">
          {CONNECTING}
        </div>
      )}
      {connected && screen.kind === 'start' && printer?.state === 'fault' && (
        <div class="banner banner-print" role="status">
          号票机暂时不能出票（{printer.lastError}），仍可取号：请记住屏幕上的号码或用手机扫码
        </div>
      )}
      <GuideContext.Provider value={{ guide, reading: () => readingOf(screen, hall, quiet.asking) }}>
      {/* Under the question nothing can be tapped or found by a screen reader. */}
      <fieldset class="screen" disabled={guard.settling} inert={quiet.asking}>
        {body}
      </fieldset>
      {quiet.asking && (
        <StillThere
          onHere={quiet.stillHere}
          // Unmounting the screen drops what was typed on it; nothing is sent.
          onGone={home}
        />
      )}
      </GuideContext.Provider>
    </div>
  );
}
