// What the admin tabs share: a secret shown once with copy buttons, a button that asks
// before it acts, and the wording of roles and states.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { CountyRole } from '../../shared/county/types.ts';
import './admin.css';

export const roleText = (r: CountyRole): string => (r === 'county_admin' ? '管理员' : '查看员');

/** Copies to the clipboard; on a plain-http county address (no clipboard API) it selects the text for Ctrl+C instead. */
export function Copy({ text, label = '复制' }: { text: string; label?: string }) {
  const [done, setDone] = useState<'ok' | 'manual' | null>(null);
  const copy = async (e: Event) => {
    try {
      await navigator.clipboard.writeText(text);
      setDone('ok');
    } catch {
      const code = (e.currentTarget as HTMLElement).parentElement?.querySelector('code');
      if (code) getSelection()?.selectAllChildren(code);
      setDone('manual');
    }
  };
  return (
    <button type="button" class="ghost admin-copy" onClick={copy}>
      {done === 'ok' ? '已复制' : done === 'manual' ? '已选中，请按 Ctrl+C' : label}
    </button>
  );
}

export function SecretLine({ label, value }: { label: string; value: string }) {
  return (
    <div class="admin-secret-line">
      <span class="admin-secret-label">{label}</span>
      <code>{value}</code>
      <Copy text={value} />
    </div>
  );
}

/** A secret that is never shown again: says so, and stays until the admin closes it. */
export function Secret({ title, children, onClose }: { title: string; children: ComponentChildren; onClose: () => void }) {
  return (
    <section class="admin-secret" role="alert" aria-label={title}>
      <h3>{title}</h3>
      <p class="admin-once">只显示这一次：关闭后无法再查看，请现在复制或抄下。</p>
      {children}
      <button type="button" class="primary" onClick={onClose}>
        我已记下，关闭
      </button>
    </section>
  );
}

/** A button that asks first: the question and 确定/取消 in its place. */
export function Confirm({ label, question, yes, onYes, danger }: { label: string; question: string; yes: string; onYes: () => Promise<void>; danger?: boolean }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking)
    return (
      <button type="button" class={danger ? 'settings-danger admin-act' : 'ghost admin-act'} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <span class="admin-confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button
        type="button"
        class={danger ? 'settings-danger admin-act' : 'primary admin-act'}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onYes();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {yes}
      </button>
      <button type="button" class="ghost admin-act" onClick={() => setAsking(false)}>
        取消
      </button>
    </span>
  );
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : '操作失败');

const dt = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
export const dateTime = (iso: string): string => dt.format(Date.parse(iso));
