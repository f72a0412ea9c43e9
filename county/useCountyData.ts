// The one way a county tab reads a list or a figure: fetched when any of `deps` (or the
// input) changes, the latest answer kept, an answer that arrives after a newer request
// ignored. `input` null: nothing to read yet (a collapsed section).
import { useEffect, useState } from 'preact/hooks';
import type { CountyPathName } from '../shared/county/paths.ts';
import { countyCall } from './api.ts';

export interface CountyData<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

export function useCountyData<T>(name: CountyPathName, input: Record<string, unknown> | null, token: string, deps: readonly unknown[] = []): CountyData<T> {
  const [state, set] = useState<CountyData<T>>({ data: null, error: null, loading: input !== null });
  const key = input === null ? null : JSON.stringify(input);
  useEffect(() => {
    if (input === null) return;
    let alive = true;
    set((s) => ({ ...s, loading: true }));
    countyCall<T>(name, input, token).then(
      (data) => alive && set({ data, error: null, loading: false }),
      (e: unknown) => alive && set((s) => ({ ...s, error: e instanceof Error ? e.message : '请求失败', loading: false })),
    );
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, key, token, ...deps]);
  return state;
}
