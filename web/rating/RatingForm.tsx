// One visit's rating, the same on the window pad, the kiosk and the phone: five levels,
// then for the two bad ones a reason and an optional call-back number. The server
// decides whether the visit may be rated; its words are shown as they come.
import { useRef, useState } from 'preact/hooks';
import type { Channel, RatingLevel } from '../../shared/types.ts';
import { errorText, isFinal, sendRating } from './api.ts';
import { draftProblem, emptyDraft, isBad, ratingRequest, type RatingDraft } from './draft.ts';
import { LevelPicker } from './LevelPicker.tsx';
import { ReasonForm } from './ReasonForm.tsx';
import './rating.css';

export interface Rated {
  level: RatingLevel;
  /** A bad rating with a phone number: the hall will call back. */
  callBack: boolean;
}

interface Props {
  /** The visit; each page says which one around the form (number, business, window). */
  ticketId: string;
  /** What proves the rater holds the visit: the ticket's 评价码, or the window pad's token. */
  ratingKey?: string;
  padToken?: string;
  reasons: string[];
  channel: Channel;
  keypad: boolean;
  onRated: (rated: Rated) => void;
  /** Nothing left to do here (rated elsewhere first, not served): the server's message. */
  onRefused: (message: string, code: string) => void;
}

export function RatingForm({ ticketId, ratingKey, padToken, reasons, channel, keypad, onRated, onRefused }: Props) {
  const [draft, setDraft] = useState<RatingDraft>(emptyDraft);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // A ref, not the state: two taps inside one frame would both see `sending` false.
  const busy = useRef(false);

  async function send(d: RatingDraft) {
    const why = draftProblem(d);
    setProblem(why);
    if (why || d.level === null || busy.current) return;
    busy.current = true;
    setSending(true);
    const body = { ...ratingRequest(ticketId, { ...d, level: d.level }, channel), ...(ratingKey && { key: ratingKey }) };
    try {
      await sendRating(body, padToken);
      onRated({ level: d.level, callBack: Boolean(body.phone) });
    } catch (err) {
      if (isFinal(err)) return onRefused(err.message, err.code);
      setProblem(errorText(err));
      // A good level goes back to the five so it can be tapped again; a bad one keeps its reasons.
      if (!isBad(d.level)) setDraft(emptyDraft);
    } finally {
      busy.current = false;
      setSending(false);
    }
  }

  function pick(level: RatingLevel) {
    if (busy.current) return; // a second level tapped while the first is on its way
    const d = { ...emptyDraft, level };
    setDraft(d);
    setProblem(null);
    if (!isBad(level)) void send(d);
  }

  const asking = draft.level === null || !isBad(draft.level);
  return (
    <section class="rating" aria-label="服务评价">
      {asking ? (
        <>
          <h2 class="ask">请您对这次办事作出评价</h2>
          <LevelPicker sending={sending ? draft.level : null} onPick={pick} />
          {problem && (
            <p class="problem" role="alert">
              {problem}
            </p>
          )}
        </>
      ) : (
        <ReasonForm
          draft={draft}
          reasons={reasons}
          keypad={keypad}
          sending={sending}
          problem={problem}
          onDraft={(d) => {
            setDraft(d);
            setProblem(null);
          }}
          onSubmit={() => void send(draft)}
          onBack={() => {
            setDraft(emptyDraft);
            setProblem(null);
          }}
        />
      )}
    </section>
  );
}

/** Said after a rating is recorded, on every channel. */
export function RatingThanks({ rated, followUpDays }: { rated: Rated; followUpDays: number | null }) {
  const bad = isBad(rated.level);
  let next = '祝您生活愉快！';
  if (bad && rated.callBack) next = followUpDays ? `工作人员会在 ${followUpDays} 个工作日内给您回电。` : '工作人员会尽快给您回电。';
  else if (bad) next = '我们会认真查找原因，改进工作。';
  return (
    <div class="rating-thanks" role="status">
      <p class="thanks-big">感谢您的评价！</p>
      <p>{next}</p>
    </div>
  );
}

/** Which visit is being rated: the number on the ticket, the business, the window. */
export function VisitLine({ number, serviceName, counterName }: { number: string; serviceName: string; counterName?: string | undefined }) {
  return (
    <p class="visit">
      <b>{number}</b> 号 · {serviceName}
      {counterName && ` · ${counterName}`}
    </p>
  );
}
