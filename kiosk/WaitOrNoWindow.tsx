// The wait as the kiosk says it, or, when no window can call the business now, that
// (never "马上" then). Part of the wait-estimate work (issue 11); the screens around it
// belong to the kiosk.
import type { NoWindow } from '../shared/types.ts';
import { hhmm, noWindowText, waitText } from '../web/format.ts';

/** `short`: the few words a tile has room for. */
export function WaitOrNoWindow({ min, noWindow, short = false }: { min: number; noWindow?: NoWindow | undefined; short?: boolean }) {
  if (!noWindow) return <>{waitText(min)}</>;
  const text = !short ? noWindowText(noWindow) : noWindow.reason === 'paused' && noWindow.resumeAt ? `暂停办理，约 ${hhmm(noWindow.resumeAt)} 恢复` : '暂无窗口，请到咨询台';
  return (
    // A white chip: readable on every business's colour.
    <span class="no-window" data-testid="no-window" style={{ display: 'inline-block', color: 'var(--bad)', background: '#fff', fontWeight: 800, borderRadius: '0.4em', padding: '0 0.3em' }}>
      {text}
    </span>
  );
}
