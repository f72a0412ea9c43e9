// 意见簿: a comment or a complaint, written by tapping common phrases (a kiosk seldom
// has a usable Chinese input method) or typed if it has one, with an optional phone.
import { useRef, useState } from 'preact/hooks';
import { call } from '../web/api.ts';
import { errorText } from '../web/rating/api.ts';
import { PhoneEntry } from '../web/rating/PhoneEntry.tsx';
import { commentRequest, QUICK_PHRASES, togglePhrase } from './comment.ts';
import { Listen } from './Listen.tsx';
import { GoBack } from './GoBack.tsx';

export type CommentKind = 'comment' | 'complaint';

const KINDS: { kind: CommentKind; label: string }[] = [
  { kind: 'comment', label: '意见建议' },
  { kind: 'complaint', label: '投诉' },
];

interface Props {
  onSent: (kind: CommentKind, withContact: boolean) => void;
  onBack: () => void;
}

export function CommentScreen({ onSent, onBack }: Props) {
  const [kind, setKind] = useState<CommentKind>('comment');
  const [text, setText] = useState('');
  const [contact, setContact] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const busy = useRef(false); // two taps in one frame must not leave two entries

  async function send() {
    const body = commentRequest(kind, text, contact);
    if ('missing' in body) return setProblem(body.missing);
    if (busy.current) return;
    busy.current = true;
    setSending(true);
    try {
      await call('comment', body);
      onSent(kind, Boolean(body.contact));
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      busy.current = false;
      setSending(false);
    }
  }

  const edit = (t: string) => {
    setText(t);
    setProblem(null);
  };

  return (
    <main class="comment">
      <header class="sub-head">
        <h1>意见簿</h1>
        <p>有意见、建议或投诉，请告诉我们</p>
        <Listen />
      </header>
      <div class="comment-body">
        <div class="comment-pick">
          <div class="kinds" role="radiogroup" aria-label="类别">
            {KINDS.map((k) => (
              <button key={k.kind} role="radio" aria-checked={kind === k.kind} class={kind === k.kind ? 'kind kind-on' : 'kind'} onClick={() => setKind(k.kind)}>
                {kind === k.kind ? '● ' : '○ '}
                {k.label}
              </button>
            ))}
          </div>
          <fieldset class="phrases">
            <legend>点一下常用的话，就写进“您的意见”（再点一下去掉）</legend>
            <div class="phrase-list">
              {QUICK_PHRASES.map((p) => {
                const on = text.includes(p);
                return (
                  <button key={p} class={on ? 'phrase phrase-on' : 'phrase'} aria-pressed={on} onClick={() => edit(togglePhrase(text, p))}>
                    {p}
                  </button>
                );
              })}
            </div>
          </fieldset>
        </div>
        <div class="comment-write">
          <label class="field">
            <span class="field-label">您的意见</span>
            <textarea rows={3} maxLength={1000} value={text} onInput={(e) => edit(e.currentTarget.value)} />
          </label>
          <PhoneEntry phone={contact} keypad label="联系电话（可以不留）" onChange={setContact} />
          {problem && (
            <p class="problem" role="alert">
              {problem}
            </p>
          )}
          <GoBack label="提交" busyLabel="正在提交…" busy={sending} onGo={() => void send()} onBack={onBack} />
        </div>
      </div>
    </main>
  );
}
