// The wait as the kiosk says it, or, when no window can call the business now, that
// (never "马上" then). Part of the wait-estimate work (issue 11); the screens around it
// belong to the kiosk.
import type { NoWindow } from '../shared/types.ts';
import { hhmm, noWindowText, waitText } from '../web/format.ts';

const TEXT = {
  full: noWindowText,
  // The few words a tile has room for.
  tile: (w: NoWindow) => (w.reason === 'paused' && w.resumeAt ? `暂停办理，约 ${hhmm(w.resumeAt)} 恢复` : '暂无窗口，请到咨询台'),
  // As short as a wait ("约 12 分钟"), in the ticket's facts.
  fact: (w: NoWindow) => (w.reason === 'paused' && w.resumeAt ? `${hhmm(w.resumeAt)} 恢复` : '暂无窗口'),
};

export function WaitOrNoWindow({ min, noWindow, size = 'full' }: { min: number; noWindow?: NoWindow | undefined; size?: keyof typeof TEXT }) {
  if (!noWindow) return <>{waitText(min)}</>;
  const text = TEXT[size](noWindow);
  return (
    // A white chip: readable on every business's colour.
    <span class="no-window" data-testid="no-window" style={{ display: 'inline-block', color: 'var(--bad)', background: '#fff', fontWeight: 800, borderRadius: '0.4em', padding: '0 0.3em' }}>
      {text}
    </span>
  );
}
