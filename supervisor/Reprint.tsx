// 补打 from the supervisor's desk: a villager lost the paper ticket and came to ask.
import { useState } from 'preact/hooks';
import { call } from '../web/api.ts';
import { errorText, send } from './useResource.ts';

interface Props {
  token: string;
  onExpired: () => void;
}

export function Reprint({ token, onExpired }: Props) {
  const [number, setNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    const n = number.trim().toUpperCase();
    if (!/^[A-Z][0-9]{3,}$/.test(n)) return setMessage({ ok: false, text: '请输入今天的号码，例如 A012' });
    setBusy(true);
    setMessage(null);
    try {
      const t = await call('ticketByNumber', { number: n });
      await send(token, 'reprint', { id: t.id }, onExpired);
      setMessage({ ok: true, text: `已补打 ${n} 号的号票` });
      setNumber('');
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="reprint" onSubmit={(e) => void submit(e)}>
      <label>
        补打号票
        <input value={number} onInput={(e) => setNumber((e.target as HTMLInputElement).value)} placeholder="号码，如 A012" maxLength={8} autoComplete="off" />
      </label>
      <button type="submit" disabled={busy}>
        补打
      </button>
      {message && (
        <span class={message.ok ? 'ok-text' : 'error-text'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </span>
      )}
    </form>
  );
}
