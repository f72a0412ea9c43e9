// A refusal or failure in the server's own words, announced to screen readers. Renders
// nothing without a message, so callers can pass whatever error state they hold.
import type { ComponentChildren } from 'preact';

export function ErrorBox({ children, print = true }: { children: ComponentChildren; print?: boolean }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <p class={print ? 'error-box' : 'error-box no-print'} role="alert">
      {children}
    </p>
  );
}
