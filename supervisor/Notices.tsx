// 督办通知: what the county asked of this hall, newest first, each answered once. The
// answer is a fact of the hall's journal, so it reaches the county with the next batch.
import { useState } from 'preact/hooks';
import type { NoticeView } from '../shared/types.ts';
import { dateTime } from './format.ts';
import { useAction, useResource } from './useResource.ts';

interface Props {
  token: string;
  version: number;
  onExpired: () => void;
}

export function Notices({ token, version, onExpired }: Props) {
  const list = useResource(token, 'notices', {}, onExpired, version);
  if (!list.data) return list.error ? <p class="error-text" role="alert">督办通知读取失败：{list.error}</p> : <p class="loading">正在读取督办通知…</p>;
  if (list.data.length === 0) return <p class="empty">县中心没有发来督办通知。</p>;
  return (
    <section class="notices" aria-label="督办通知">
      {list.data.map((n) => (
        <NoticeCard key={n.id} notice={n} token={token} onExpired={onExpired} onAnswered={list.reload} />
      ))}
    </section>
  );
}

function NoticeCard({ notice: n, token, onExpired, onAnswered }: { notice: NoticeView; token: string; onExpired: () => void; onAnswered: () => void }) {
  const [text, setText] = useState('');
  const action = useAction(token, onExpired);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return action.setError('请填写回复内容');
    if (await action.run('answerNotice', { id: n.id, text: text.trim() })) onAnswered();
  };
  return (
    <article class={n.answer === undefined ? 'notice notice-open' : 'notice'} data-testid="notice">
      <header>
        <strong>县中心督办</strong> <span class="notice-time">{dateTime(n.sentAt)}</span>
        <span class={n.answer === undefined ? 'tab-badge tab-badge-bad' : 'tab-badge'}>{n.answer === undefined ? '待回复' : '已回复'}</span>
      </header>
      <p class="notice-text">{n.text}</p>
      {n.answer !== undefined ? (
        <p class="notice-answer">
          已回复：{n.answer}
          <small>
            （{n.answeredByName ?? ''} {n.answeredAt ? dateTime(n.answeredAt) : ''}）
          </small>
        </p>
      ) : (
        <form onSubmit={submit}>
          <label>
            回复内容
            <textarea maxLength={500} rows={3} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
          </label>
          <button type="submit" class="primary" disabled={action.busy}>
            回复
          </button>
          {action.error && (
            <span class="error-text" role="alert">
              {action.error}
            </span>
          )}
        </form>
      )}
    </article>
  );
}
