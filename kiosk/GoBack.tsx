// The kiosk's pair at the end of every form: the big button that acts, and ‹ 返回 under it.
interface Props {
  /** The action's word, and the one shown while it is under way. */
  label: string;
  busyLabel?: string;
  busy?: boolean;
  onGo: () => void;
  onBack: () => void;
}

export function GoBack({ label, busyLabel, busy = false, onGo, onBack }: Props) {
  return (
    <>
      <button class="take" disabled={busy} onClick={onGo}>
        {busy && busyLabel ? busyLabel : label}
      </button>
      <button class="back" onClick={onBack}>
        ‹ 返回
      </button>
    </>
  );
}
