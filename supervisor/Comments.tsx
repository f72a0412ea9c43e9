// 意见簿: comments and complaints left at the kiosk or on a phone, each answered here.
// Re-read whenever the server says the book changed (comments:changed), and on 刷新.
import { useState } from 'preact/hooks';
import type { CommentEntry } from '../shared/types.ts';
import { COMMENT_KIND, sortComments } from './comments.ts';
import { dateTime } from './format.ts';
import { useAction, useResource } from './useResource.ts';
import { ErrorBox } from './ErrorBox.tsx';

interface Props {
  token: string;
  /** Moves on every comments:changed push. */
  version: number;
  onExpired: () => void;
}

export function Comments({ token, version, onExpired }: Props) {
  const { data, error, loading, reload } = useResource(token, 'comments', {}, onExpired, version);
  const entries = sortComments(data ?? []);
  const waiting = entries.filter((c) => !c.reply).length;
  return (
    <div class="cases">
      <div class="cases-bar">
        <p>
          共 {entries.length} 条，待答复 <strong class={waiting ? 'error-text' : undefined}>{waiting}</strong> 条
        </p>
        <button type="button" class="ghost" onClick={reload} disabled={loading}>
          刷新
        </button>
      </div>
      <ErrorBox>{error}</ErrorBox>
      {!data ? !error && <p class="loading">正在读取…</p> : entries.length === 0 && <p class="muted">意见簿里还没有留言</p>}
      {entries.map((c) => (
        <CommentCard key={c.id} entry={c} token={token} onExpired={onExpired} onChanged={reload} />
      ))}
    </div>
  );
}

function CommentCard({ entry: c, token, onExpired, onChanged }: { entry: CommentEntry; token: string; onExpired: () => void; onChanged: () => void }) {
  const [text, setText] = useState('');
  const act = useAction(token, onExpired);
  const titleId = `comment-${c.id}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (await act.run('replyComment', { id: c.id, text })) onChanged();
  };

  return (
    <article class={`case note${c.reply ? ' case-closed' : ''}`} aria-labelledby={titleId}>
      <div class="case-main">
        <header class="case-head">
          <h3 id={titleId} class={`kind kind-${c.kind}`}>
            {COMMENT_KIND[c.kind]}
          </h3>
          <time>{dateTime(c.at)}</time>
          <span class={c.reply ? 'due due-done' : 'due due-warn'}>{c.reply ? '已答复' : '待答复'}</span>
        </header>
        <p class="note-text">{c.text}</p>
        <p class="muted">联系方式：{c.contact ?? '未留'}</p>
      </div>
      {c.reply ? (
        <div class="reply">
          <strong>答复</strong>
          <time>{dateTime(c.reply.at)}</time>
          <p>{c.reply.text}</p>
        </div>
      ) : (
        <form class="act" onSubmit={submit} aria-label="答复">
          <label class="fld">
            答复内容
            <textarea rows={3} maxLength={1000} value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder="答复或处理情况，例如：已联系留言人，问题已解决" />
          </label>
          <div class="act-buttons">
            <button type="submit" class="primary" disabled={act.busy}>
              提交答复
            </button>
          </div>
          <ErrorBox>{act.error}</ErrorBox>
        </form>
      )}
    </article>
  );
}
