// 评价器: which windows have a paired rating pad, since when and paired by whom. A pad is
// paired on the pad itself (/pad/); here a supervisor or admin ends a pairing, e.g. for a
// lost or replaced tablet: that pad then rates nothing and asks to be paired again.
import { useState } from 'preact/hooks';
import { dateTime } from '../format.ts';
import { errorText, send, useResource } from '../useResource.ts';
import { DeleteButton } from './DeleteButton.tsx';
import type { SectionProps } from './view.ts';

const UNPAIR = { ask: '解除绑定', yes: '确定解除', no: '不解除' };

export function PadsPanel({ view, token, onExpired }: Pick<SectionProps, 'view' | 'token' | 'onExpired'>) {
  const { data, error, reload } = useResource(token, 'pads', {}, onExpired);
  const [problem, setProblem] = useState<string | null>(null);
  const unpair = async (counterId: string) => {
    setProblem(null);
    await send(token, 'unpairPad', { counterId }, onExpired).catch((e: unknown) => setProblem(errorText(e)));
    reload();
  };
  return (
    <section class="settings-card" aria-labelledby="pads-title">
      <div class="settings-head">
        <h2 id="pads-title">评价器</h2>
      </div>
      <p class="muted">在评价器上打开 /pad/，由主任或管理员登录并选择窗口即可绑定；同一窗口重新绑定后，原来的评价器随即停用。</p>
      {(error || problem) && (
        <p class="settings-error" role="alert">
          {error ?? problem}
        </p>
      )}
      {data && (
        <table class="settings-table">
          <thead>
            <tr>
              <th scope="col">窗口</th>
              <th scope="col">评价器</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {view.counters.map((c) => {
              const pad = data.find((p) => p.counterId === c.id);
              return (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td>{pad ? `已绑定（${dateTime(pad.at)}，${pad.byName}）` : '未绑定'}</td>
                  <td>
                    {pad && <DeleteButton what={`解除${c.name}评价器的绑定`} disabled={false} words={UNPAIR} onConfirm={() => void unpair(c.id)} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
