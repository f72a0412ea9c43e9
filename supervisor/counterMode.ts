// What a window is doing, as the supervisor classifies it. Pure.
import type { CounterView } from '../shared/types.ts';

export type CounterMode = 'gap' | 'off' | 'paused' | 'called' | 'serving' | 'idle';

/** Nobody signed in matters only while the hall is open (AB岗); after hours it is normal. */
export function counterMode(c: CounterView, hallOpen: boolean): CounterMode {
  if (!c.staffed) return hallOpen ? 'gap' : 'off';
  if (c.paused) return 'paused';
  if (c.current) return c.current.status === 'serving' ? 'serving' : 'called';
  return 'idle';
}
