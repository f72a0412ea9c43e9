// The 设置 tab as the page first sees it: a few lines that fetch the settings code when
// the tab is first opened. Most visits never change settings, so its forms stay out of
// the supervisor page's up-front download.
import { useEffect, useState } from 'preact/hooks';
import type { PrinterHealth } from '../../shared/types.ts';
import { loadSession } from '../session.ts';

type SettingsModule = typeof import('./Settings.tsx');

// Fetched once per page; a failed fetch (the LAN dropped) is forgotten, so 重试 asks again.
let pending: Promise<SettingsModule> | null = null;
const load = () => (pending ??= import('./Settings.tsx').catch((e: unknown) => {
  pending = null;
  throw e;
}));

interface Props {
  token: string;
  printer: PrinterHealth | null;
  onExpired: () => void;
}

export function SettingsTab({ token, printer, onExpired }: Props) {
  const [mod, setMod] = useState<SettingsModule | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (m) => live && setMod(m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  if (mod) {
    // The role the server gave at sign-in; the server still refuses a supervisor's change (403).
    const editable = loadSession()?.role === 'admin';
    return <mod.Settings token={token} editable={editable} printer={printer} onExpired={onExpired} />;
  }
  if (failed) {
    return (
      <p class="error-box" role="alert">
        设置页面加载失败，请检查网络。{' '}
        <button
          type="button"
          class="ghost"
          onClick={() => {
            setFailed(false);
            setAttempt((n) => n + 1);
          }}
        >
          重试
        </button>
      </p>
    );
  }
  return <p class="loading">正在打开设置…</p>;
}
