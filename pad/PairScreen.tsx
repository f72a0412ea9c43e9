// Pairing a pad with its window (评价器绑定): a supervisor or admin signs in here and
// picks the window. Until then the pad rates nothing and shows no visits.
import { useEffect, useState } from 'preact/hooks';
import { Credentials } from '../web/Credentials.tsx';
import { call } from '../web/api.ts';
import { pair, type Pairing } from './pairing.ts';

interface Props {
  /** Why the pad is unpaired, when it was paired before (解除绑定, window removed). */
  notice: string | null;
  /** `?counter=` from the address: the window to offer first. */
  suggested: string | null;
  onPaired: (p: Pairing) => void;
}

export function PairScreen({ notice, suggested, onPaired }: Props) {
  const [windows, setWindows] = useState<{ id: string; name: string }[] | null>(null);
  const [counterId, setCounterId] = useState(suggested ?? '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('hall', {}).then(
      (h) => {
        const list = h.counters.map((c) => ({ id: c.id, name: c.name }));
        setWindows(list);
        setCounterId((id) => (list.some((c) => c.id === id) ? id : (list[0]?.id ?? '')));
      },
      () => setError('连接服务器失败，请检查网络'),
    );
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || !counterId) return;
    setBusy(true);
    setError(null);
    try {
      onPaired(await pair(username.trim(), password, counterId));
    } catch (err) {
      setError(err instanceof Error ? err.message : '绑定失败');
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <main class="pad pad-pair">
      <form class="pair-card" onSubmit={submit}>
        <h1>评价器绑定</h1>
        <p>请中心主任或管理员登录，选择这台评价器所在的窗口。</p>
        {notice && <p class="pair-notice">{notice}</p>}
        <label>
          窗口
          <select name="counter" required value={counterId} onChange={(e) => setCounterId(e.currentTarget.value)} disabled={!windows}>
            {(windows ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <Credentials username={username} password={password} onUsername={setUsername} onPassword={setPassword} />
        {error && (
          <p class="pair-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || !windows}>
          {busy ? '正在绑定…' : '绑定'}
        </button>
      </form>
    </main>
  );
}
