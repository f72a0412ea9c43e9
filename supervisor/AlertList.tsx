// What needs the supervisor now. Polite live region: screen readers hear new alerts.
// A warning with a fix links to the control that fixes it (队列调度 on its business).
import type { Alert } from './alerts.ts';

export function AlertList({ alerts, onFix }: { alerts: Alert[]; onFix?: (fix: NonNullable<Alert['fix']>) => void }) {
  return (
    <section class="alerts" aria-labelledby="alerts-title" aria-live="polite">
      <h2 id="alerts-title">预警</h2>
      {alerts.length === 0 ? (
        <p class="alerts-none">当前没有预警</p>
      ) : (
        <ul>
          {alerts.map((a) => (
            <li key={a.key} class={`alert alert-${a.level}`}>
              {a.text}
              {a.fix && onFix && (
                <a class="alert-fix" href="#queue-control" onClick={(e) => { e.preventDefault(); onFix(a.fix!); }}>
                  {a.fix.label}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
