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
import { forgetPairing, savedPairing, type Pairing } from './pairing.ts';
import { PairScreen } from './PairScreen.tsx';

/** How long the thanks (or the server's refusal) stays before the pad is idle again. */
const AFTER_MS = 8_000;
const CONNECTING = '正在连接服务器…';

type After = { kind: 'thanks'; rated: Rated } | { kind: 'refused'; message: string };

export function Pad({ suggested }: { suggested: string | null }) {
  const [pairing, setPairing] = useState<Pairing | null>(savedPairing);
  const [notice, setNotice] = useState<string | null>(null);
  if (!pairing) return <PairScreen notice={notice} suggested={suggested} onPaired={setPairing} />;
  const unpaired = (why: string) => {
    forgetPairing();
    setNotice(why);
    setPairing(null);
  };
  return <WindowPad key={pairing.token} pairing={pairing} onUnpaired={unpaired} />;
}

function WindowPad({ pairing, onUnpaired }: { pairing: Pairing; onUnpaired: (why: string) => void }) {
  const [pad, setPad] = useState<PadState | null>(null);
  const [session, setSession] = useState<PadSession>(idleSession);
  const [after, setAfter] = useState<After | null>(null);
  const [followUpDays, setFollowUpDays] = useState<number | null>(null);

  const auth = useMemo<SocketAuth>(() => ({ role: 'pad', token: pairing.token }), [pairing.token]);
  const { connected } = useSocket(auth, (socket) => {
    socket.on('pad:state', (ps) => {
      setPad(ps);
      setSession((s) => offered(s, ps.request, ps.idleSec, Date.now()));
    });
    // Paired again elsewhere, unpaired by a supervisor, or its window removed.
    socket.on('connect_error', (err) => {
      if (err.message === 'unpaired') onUnpaired(`这台评价器与${pairing.counterName}的绑定已解除，请重新绑定`);
    });
    socket.on('session:ended', () => onUnpaired(`这台评价器与${pairing.counterName}的绑定已解除，请重新绑定`));
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
      setSession((s) => finished(s, request));
      setAfter(next);
    };
    body = (
      <main class="asking">
        <VisitLine number={request.number} serviceName={request.serviceName} />
        <RatingForm
          key={request.ticketId}
          ticketId={request.ticketId}
          padToken={pairing.token}
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
