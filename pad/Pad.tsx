// The rating pad (评价器) on a window's counter, facing the villager. Idle, it shows who
// serves at this window (公示). When the clerk finishes a visit it asks for a rating;
// nobody answering within idleSec (from the request, again from each touch) sends it
// back to idle with nothing recorded.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SocketAuth } from '../shared/events.ts';
import type { PadState } from '../shared/types.ts';
import { ratingSettings } from '../web/rating/api.ts';
import { RatingForm, RatingThanks, VisitLine, type Rated } from '../web/rating/RatingForm.tsx';
import { useSocket } from '../web/useSocket.ts';
import { finished, idleSession, offered, ticked, touched, type PadSession } from './session.ts';

/** How long the thanks (or the server's refusal) stays before the pad is idle again. */
const AFTER_MS = 8_000;
const CONNECTING = '正在连接服务器…';

type After = { kind: 'thanks'; rated: Rated } | { kind: 'refused'; message: string };

export function Pad({ counterId }: { counterId: string | null }) {
  if (!counterId) {
    return (
      <main class="pad pad-message">
        <h1>评价器还没有设置窗口</h1>
        <p>请在地址后面加上窗口号，例如 /pad/?counter=3</p>
      </main>
    );
  }
  return <WindowPad counterId={counterId} />;
}

function WindowPad({ counterId }: { counterId: string }) {
  const [pad, setPad] = useState<PadState | null>(null);
  const [unknown, setUnknown] = useState(false);
  const [session, setSession] = useState<PadSession>(idleSession);
  const [after, setAfter] = useState<After | null>(null);
  const [followUpDays, setFollowUpDays] = useState<number | null>(null);

  const auth = useMemo<SocketAuth>(() => ({ role: 'pad', counterId }), [counterId]);
  const { connected } = useSocket(auth, (socket) => {
    socket.on('pad:state', (ps) => {
      setUnknown(false);
      setPad(ps);
      setSession((s) => offered(s, ps.request, ps.idleSec, Date.now()));
    });
    socket.on('connect_error', (err) => setUnknown(err.message === 'unknown_counter'));
  });

  useEffect(() => {
    ratingSettings().then((r) => setFollowUpDays(r.followUpDays), () => undefined);
  }, []);

  const asking = session.asking;
  const idleSec = pad?.idleSec ?? 60;
  // A second's precision is plenty, and an interval cannot be lost to a timer that fires early.
  useEffect(() => {
    if (!asking) return;
    const t = setInterval(() => setSession((s) => ticked(s, Date.now())), 1000);
    return () => clearInterval(t);
  }, [asking !== null]);

  useEffect(() => {
    if (asking) setAfter(null); // a new visit to rate comes before the last one's thanks
  }, [asking?.request.ticketId]);

  useEffect(() => {
    if (!after) return;
    const t = setTimeout(() => setAfter(null), AFTER_MS);
    return () => clearTimeout(t);
  }, [after]);

  const touch = () => {
    if (session.asking) setSession((s) => touched(s, idleSec, Date.now()));
  };

  if (unknown) {
    return (
      <main class="pad pad-message">
        <div role="alert">
          <h1>没有“{counterId}”这个窗口</h1>
          <p>请检查评价器地址里的窗口号（?counter=）</p>
        </div>
      </main>
    );
  }
  if (!pad) {
    return (
      <main class="pad pad-message">
        <p role="status">{CONNECTING}</p>
      </main>
    );
  }

  let body;
  if (asking) {
    const { request } = asking;
    const settle = (next: After) => {
      setSession((s) => finished(s, request.ticketId));
      setAfter(next);
    };
    body = (
      <main class="asking">
        <VisitLine number={request.number} serviceName={request.serviceName} />
        <RatingForm
          key={request.ticketId}
          ticketId={request.ticketId}
          reasons={pad.reasons}
          channel="pad"
          keypad
          onRated={(rated) => settle({ kind: 'thanks', rated })}
          onRefused={(message) => settle({ kind: 'refused', message })}
        />
      </main>
    );
  } else if (after) {
    body = (
      <main class="after">
        {after.kind === 'thanks' ? (
          <RatingThanks rated={after.rated} followUpDays={followUpDays} />
        ) : (
          <p class="refused" role="alert">
            {after.message}
          </p>
        )}
      </main>
    );
  } else {
    body = <Idle pad={pad} />;
  }

  return (
    <div class="pad" onPointerDownCapture={touch} onKeyDownCapture={touch} onInputCapture={touch}>
      {!connected && (
        <div class="banner" role="status">
          {CONNECTING}
        </div>
      )}
      {(asking || after) && (
        <header class="pad-top">
          <span class="pad-hall">{pad.hallName}</span>
          <span class="pad-window">{pad.counterName}</span>
        </header>
      )}
      {body}
    </div>
  );
}

/** 公示: the window, what it does, and who is on duty now. */
function Idle({ pad }: { pad: PadState }) {
  const { clerk } = pad;
  return (
    <main class="idle">
      <p class="idle-hall">{pad.hallName}</p>
      <h1 class="idle-window">{pad.counterName}</h1>
      <p class="idle-services">办理业务：{pad.services.join('、')}</p>
      {clerk ? (
        <section class="duty" aria-label="当前在岗工作人员">
          <p class="duty-label">当前在岗工作人员</p>
          <p class="duty-name">{clerk.name}</p>
          <dl class="duty-facts">
            <div>
              <dt>工号</dt>
              <dd>{clerk.staffNo}</dd>
            </div>
            {clerk.post && (
              <div>
                <dt>岗位</dt>
                <dd>{clerk.post === 'A' ? 'A岗' : 'B岗（替岗）'}</dd>
              </div>
            )}
          </dl>
        </section>
      ) : (
        <section class="duty duty-none">
          <p class="duty-name">暂无工作人员在岗</p>
          <p>请到其他窗口办理，或问大厅工作人员</p>
        </section>
      )}
      <p class="idle-hint">办完事后，可以在这里评价我们的服务</p>
    </main>
  );
}
