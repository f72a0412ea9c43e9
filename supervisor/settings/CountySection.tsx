// 县中心: where this hall ships its records (the county's address, the hall id and key
// the county gave). The key is write-only: once saved the page only says one is set, and
// leaving it empty keeps it. COUNTY_* in the server's environment win over this form.
import { useEffect, useState } from 'preact/hooks';
import type { CountyLinkStatus } from '../../shared/types.ts';
import { useResource } from '../useResource.ts';
import { countyText } from '../countyText.ts';
import type { CountyStatus } from '../useCounty.ts';
import { TextField } from './Field.tsx';
import { SaveBar } from './SaveStatus.tsx';
import { useSave } from './useSave.ts';
import type { SectionProps } from './view.ts';

interface Props extends SectionProps {
  /** The latest county:status push, if any came since the page opened. */
  pushed: CountyStatus | null;
}

export function CountySection({ editable, token, onExpired, pushed }: Props) {
  const fetched = useResource(token, 'countyLink', {}, onExpired);
  const [status, setStatus] = useState<CountyLinkStatus | null>(null);
  const [form, setForm] = useState({ url: '', hallId: '', key: '' });
  const save = useSave(token, onExpired);
  useEffect(() => {
    const s = fetched.data;
    if (!s) return;
    setStatus(s);
    if (s.source === 'settings') setForm({ url: s.url ?? '', hallId: s.hallId ?? '', key: '' });
  }, [fetched.data]);
  // A push is newer than the read on opening: the state moves here as it happens.
  useEffect(() => {
    if (pushed) setStatus((s) => (s ? { ...s, ...pushed } : s));
  }, [pushed]);
  const set = (patch: Partial<typeof form>) => {
    save.edited();
    setForm((f) => ({ ...f, ...patch }));
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const url = form.url.trim();
    const reply = await save.run('setCountyLink', url ? { url, hallId: form.hallId.trim(), ...(form.key.trim() && { key: form.key.trim() }) } : { url: null }, url ? '已保存' : '已断开');
    if (reply) {
      setStatus(reply);
      setForm((f) => ({ ...f, key: '' }));
    }
  };

  // The form waits for the saved link: filled in before it arrived, it would be overwritten.
  if (!status) return fetched.error ? <p class="error-text">{fetched.error}</p> : <p class="loading">正在读取县中心设置…</p>;
  return (
    <div class="settings-split">
      <form class="settings-card" aria-label="县中心设置" onSubmit={submit}>
        <h2>县中心连接</h2>
        <fieldset class="settings-plain" disabled={!editable}>
          <TextField label="县中心地址" maxLength={200} placeholder="http://10.1.2.3:3100" hint="县政务服务中心服务器的地址；清空后保存即断开" value={form.url} onInput={(url) => set({ url })} />
          <TextField label="大厅编号" maxLength={64} hint="县中心登记本大厅时给出的编号" value={form.hallId} onInput={(hallId) => set({ hallId })} />
          <TextField
            label="密钥"
            type="password"
            maxLength={256}
            hint={status?.keySet ? '已设置密钥（不再显示）；不修改请留空' : '县中心登记本大厅时给出的密钥，只显示一次，请妥善保管'}
            value={form.key}
            onInput={(key) => set({ key })}
          />
          <SaveBar save={save} />
        </fieldset>
      </form>
      <section class="settings-card" aria-labelledby="county-health">
        <h2 id="county-health">当前状态</h2>
        {status?.source === 'env' && (
          <p class="settings-note" data-testid="county-env">
            服务器启动时用环境变量 COUNTY_URL、COUNTY_HALL_ID、COUNTY_KEY 指定了县中心 {status.url}，它优先于左边的设置；左边的设置在去掉这些变量后才生效。
          </p>
        )}
        {status ? (
          <dl class="settings-facts">
            <dt>状态</dt>
            <dd class={status.state === 'failing' ? 'error-text' : status.state === 'ok' ? 'ok' : undefined} data-testid="county-state">
              {countyText(status)}
            </dd>
            <dt>使用的地址</dt>
            <dd>{status.url ?? '—'}</dd>
            <dt>大厅编号</dt>
            <dd>{status.hallId ?? '—'}</dd>
          </dl>
        ) : fetched.error ? (
          <p class="settings-error">{fetched.error}</p>
        ) : (
          <p class="loading">正在读取…</p>
        )}
      </section>
    </div>
  );
}
