// Parts of a page fetched the first time they are shown, so the page itself loads fast:
// the supervisor's tabs past the live page (reports with the chart library, settings,
// follow-ups, the comment book, satisfaction), the kiosk's rating and comment screens.
// A failed fetch (the LAN dropped) is forgotten, so 重试 asks again.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;

  return function Lazy(props: P) {
    const [Loaded, setLoaded] = useState<{ C: ComponentType<P> } | null>(loaded && { C: loaded });
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);

    useEffect(() => {
      if (Loaded) return;
      let alive = true;
      (pending ??= load()).then(
        (C) => {
          loaded = C;
          if (alive) setLoaded({ C });
        },
        () => {
          pending = null; // a later attempt fetches again
          if (alive) setFailed(true);
        },
      );
      return () => {
        alive = false;
      };
    }, [attempt]);

    if (Loaded) return <Loaded.C {...props} />;
    if (!failed) return <p class="loading">正在加载…</p>;
    return (
      <p class="error-box" role="alert">
        页面加载失败，请检查网络后重试。{' '}
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
  };
}
