// 补打: a villager lost the paper ticket. The clerk types the number (the ticket at the
// window by default) and the hall's printer prints it again, marked 补打.
import { useState } from 'preact/hooks';
import { Modal } from './Modal.tsx';

interface Props {
  defaultNumber: string;
  onReprint: (number: string) => void;
  onClose: () => void;
}

export function ReprintDialog({ defaultNumber, onReprint, onClose }: Props) {
  const [number, setNumber] = useState(defaultNumber);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      title="补打号票"
      onClose={onClose}
      onSubmit={() => {
        const n = number.trim().toUpperCase();
        if (!/^[A-Z][0-9]{3,}$/.test(n)) return setError('请输入今天的号码，例如 A012');
        onReprint(n);
      }}
      actions={
        <button type="submit" class="btn btn-primary">
          补打
        </button>
      }
    >
      <p class="modal-note">号票会在大厅的号票机上重新打印，并注明“补打”。只能补打今天的号。</p>
      <label class="field">
        <span>号码</span>
        <input value={number} onInput={(e) => setNumber((e.target as HTMLInputElement).value)} autoFocus maxLength={8} autoComplete="off" />
      </label>
      {error && (
        <p class="msg msg-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
