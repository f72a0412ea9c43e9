// A counter that moves with the board's pushes (every batch a hall ships, and every few
// seconds), at most once per `minMs`: a list that changes without any hall's count
// changing (a notice answered right after it was sent, one warning closing as another
// opens) is fetched again within seconds, and a county of 200 busy halls does not turn
// every push into a fetch. Elapsed time, so performance.now(): a wall-clock jump changes nothing.
import { useEffect, useRef, useState } from 'preact/hooks';

export function usePushTick(push: unknown, minMs = 3000): number {
  const [n, setN] = useState(0);
  // The mount's own fetch counts as the latest.
  const last = useRef(performance.now());
  useEffect(() => {
    const fire = () => {
      last.current = performance.now();
      setN((x) => x + 1);
    };
    const wait = last.current + minMs - performance.now();
    if (wait <= 0) {
      fire();
      return;
    }
    const t = setTimeout(fire, wait);
    return () => clearTimeout(t);
  }, [push]);
  return n;
}
