// A hall's 空岗 threshold: how long a window may stay empty in opening hours before the
// county raises a red warning. County admins change it per hall (audited at the county).
import { useEffect, useState } from 'preact/hooks';
import { countyCall } from '../api.ts';

export function Threshold({ hallId, token, admin, onSaved }: { hallId: string; token: string; admin: boolean; onSaved: () => void }) {
  const [value, setValue] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let alive = true;
    setValue(null);
    setEditing(false);
    countyCall<{ emptyWindowMin: number }>('thresholds', { id: hallId }, token).then(
      (t) => alive && setValue(t.emptyWindowMin),
      (e: Error) => alive && setError(e.message),
    );
    return () => {
      alive = false;
    };
  }, [hallId, token]);

  const save = async (e: Event) => {
    e.preventDefault();
    const n = Number(draft);
    if (!Number.isInteger(n) || n < 5 || n > 480) {
      setError('请填写 5 到 480 之间的整数分钟');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const t = await countyCall<{ emptyWindowMin: number }>('setThresholds', { id: hallId, emptyWindowMin: n }, token);
      setValue(t.emptyWindowMin);
      setEditing(false);
      onSaved();
    } catch (err) {
      setError(err instanceof Error ? err.message : '保存失败');
    } finally {
      setBusy(false);
    }
  };

  if (value === null && !error) return null;
  return (
    <div class="threshold">
      {!editing ? (
        <p>
          窗口空岗预警阈值：<strong>{value} 分钟</strong>
          {admin && (
            <button
              type="button"
              class="link"
              onClick={() => {
                setDraft(String(value ?? 30));
                setEditing(true);
              }}
            >
              修改
            </button>
          )}
        </p>
      ) : (
        <form onSubmit={save} class="threshold-form">
          <label>
            窗口空岗超过
            <input type="number" min={5} max={480} step={1} value={draft} onInput={(e) => setDraft(e.currentTarget.value)} aria-label="空岗阈值（分钟）" />
            分钟发出红色预警
          </label>
          <button type="submit" class="primary" disabled={busy}>
            保存
          </button>
          <button type="button" class="ghost" onClick={() => setEditing(false)} disabled={busy}>
            取消
          </button>
        </form>
      )}
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
