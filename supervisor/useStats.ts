// GET /api/stats from the pages' side: one request at a time, the server's message on failure.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Stats } from '../shared/core/stats.ts';
import { ApiError, call } from '../web/api.ts';

export interface StatsRange {
  from?: string;
  to?: string;
}

export interface StatsResult {
  stats: Stats | null;
  error: string | null;
  loading: boolean;
}

/** Any 401 means the session is gone: the caller sends the supervisor back to sign-in. */
export async function fetchStats(token: string, range: StatsRange, onUnauthorized: () => void): Promise<Stats> {
  try {
    return await call('stats', { ...(range.from && { from: range.from }), ...(range.to && { to: range.to }) }, token);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) onUnauthorized();
    throw e;
  }
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : '查询失败');

/**
 * Today's figures for the live tab. Re-fetched when `change` changes (each hall:state),
 * but at most once every `minIntervalMs`: a busy market day pushes state many times a
 * second and every push would otherwise cost a scan of the day's tickets.
 */
export function useLiveStats(token: string, change: unknown, onUnauthorized: () => void, minIntervalMs = 5_000): StatsResult {
  const [result, setResult] = useState<StatsResult>({ stats: null, error: null, loading: true });
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      if (timer.current !== null) clearTimeout(timer.current);
    };
  }, []);

  useEffect(() => {
    // A fetch already scheduled will run after this change, so it sees it too.
    if (timer.current !== null) return;
    const wait = Math.max(0, last.current + minIntervalMs - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      last.current = Date.now();
      fetchStats(token, {}, () => unauthorized.current()).then(
        (stats) => alive.current && setResult({ stats, error: null, loading: false }),
        (e: unknown) => alive.current && setResult((r) => ({ ...r, error: errorText(e), loading: false })),
      );
    }, wait);
  }, [token, change, minIntervalMs]);

  return result;
}

/** Figures for a chosen range; `query` re-runs it. */
export function useRangeStats(token: string, onUnauthorized: () => void): StatsResult & { query: (range: StatsRange) => void; range: StatsRange } {
  const [result, setResult] = useState<StatsResult>({ stats: null, error: null, loading: true });
  const [range, setRange] = useState<StatsRange>({});
  const seq = useRef(0);
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;

  const query = (r: StatsRange) => {
    const mine = ++seq.current; // only the latest query's answer is shown
    setResult((s) => ({ ...s, loading: true, error: null }));
    fetchStats(token, r, () => unauthorized.current()).then(
      (stats) => {
        if (mine !== seq.current) return;
        setRange(r);
        setResult({ stats, error: null, loading: false });
      },
      (e: unknown) => mine === seq.current && setResult((s) => ({ ...s, error: errorText(e), loading: false })),
    );
  };

  useEffect(() => {
    query({});
    return () => {
      seq.current++; // drop answers arriving after the tab is left
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);

  return { ...result, query, range };
}
