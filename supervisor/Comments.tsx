// 意见簿: comments and complaints left at the kiosk or on a phone, each answered here.
// Newest first, a page at a time (更早的留言 reads the next, archived days included);
// the first page is read again whenever the server says the book changed
// (comments:changed), and on 刷新. 只看待答复 narrows it to what still needs a reply.
import { useState } from 'preact/hooks';
import type { CommentEntry } from '../shared/types.ts';
import { COMMENT_KIND, COMMENT_PAGE, mergeComments } from './comments.ts';
import { dateTime } from './format.ts';
import { errorText, send, useResource } from './useResource.ts';
import { ErrorBox } from './ErrorBox.tsx';

interface Props {
  token: string;
  /** Moves on every comments:changed push. */
  version: number;
  onExpired: () => void;
}

type Status = 'all' | 'unanswered';
interface Older {
  status: Status;
  entries: CommentEntry[];
  next: string | null;
}

export function Comments({ token, version, onExpired }: Props) {
  const [status, setStatus] = useState<Status>('all');
  const { data, error, loading, reload } = useResource(token, 'comments', { limit: COMMENT_PAGE, status }, onExpired, version);
  // Older pages loaded for the current filter; dropped when the filter changes.
  const [older, setOlder] = useState<Older | null>(null);
  const [more, setMore] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const mine = older?.status === status ? older : null;
  const entries = mergeComments(data?.comments ?? [], mine?.entries ?? []);
  const next = mine ? mine.next : (data?.next ?? null);

  const loadOlder = async () => {
    if (!next || more.busy) return;
    setMore({ busy: true, error: null });
    try {
      const page = await send(token, 'comments', { limit: COMMENT_PAGE, status, before: next }, onExpired);
      setOlder({ status, entries: [...(mine?.entries ?? []), ...page.comments], next: page.next });
      setMore({ busy: false, error: null });
    } catch (e) {
      setMore({ busy: false, error: errorText(e) });
    }
  };
  const replied = (c: CommentEntry) => {
    if (mine) setOlder({ ...mine, entries: mine.entries.map((x) => (x.id === c.id ? c : x)) });
    reload();
  };

  return (
    <div class="cases">
      <div class="cases-bar">
        <p>
          待答复 <strong class={data?.unanswered ? 'error-text' : undefined}>{data?.unanswered ?? '…'}</strong> 条；已显示最近 {entries.length} 条
        </p>
        <label class="comments-filter">
          <input type="checkbox" checked={status === 'unanswered'} onChange={(e) => setStatus(e.currentTarget.checked ? 'unanswered' : 'all')} />
          只看待答复
        </label>
        <button type="button" class="ghost" onClick={reload} disabled={loading}>
          刷新
        </button>
      </div>
      <ErrorBox>{error}</ErrorBox>
      {!data ? !error && <p class="loading">正在读取…</p> : entries.length === 0 && <p class="muted">{status === 'unanswered' ? '没有待答复的留言' : '意见簿里还没有留言'}</p>}
      {entries.map((c) => (
        <CommentCard key={c.id} entry={c} token={token} onExpired={onExpired} onReplied={replied} />
      ))}
      {next && (
        <button type="button" class="ghost comments-more" onClick={loadOlder} disabled={more.busy}>
          {more.busy ? '正在读取…' : '更早的留言'}
        </button>
      )}
      {data && !next && entries.length > 0 && <p class="muted comments-end">没有更早的留言了</p>}
      <ErrorBox>{more.error}</ErrorBox>
    </div>
  );
}

function CommentCard({ entry: c, token, onExpired, onReplied }: { entry: CommentEntry; token: string; onExpired: () => void; onReplied: (c: CommentEntry) => void }) {
  const [text, setText] = useState('');
  const [act, setAct] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const titleId = `comment-${c.id}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (act.busy) return;
    setAct({ busy: true, error: null });
    try {
      // The comment as the server now holds it: also right for one on an older page.
      onReplied(await send(token, 'replyComment', { id: c.id, text }, onExpired));
      setAct({ busy: false, error: null });
    } catch (err) {
      setAct({ busy: false, error: errorText(err) });
    }
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
