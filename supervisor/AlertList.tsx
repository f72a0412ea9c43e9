// What needs the supervisor now. Polite live region: screen readers hear new alerts.
import type { Alert } from './alerts.ts';

export function AlertList({ alerts }: { alerts: Alert[] }) {
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
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
