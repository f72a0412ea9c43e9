// 打印机: the ticket printer's address and paper, and how it is now. The health comes
// from GET /api/printer when the section opens, then from the server's printer:status
// pushes (the page's `printer`), so a fault shows here as it happens.
import { useEffect, useState } from 'preact/hooks';
import type { PaperWidth, PrinterHealth } from '../../shared/types.ts';
import { dateTime } from '../format.ts';
import { useResource } from '../useResource.ts';
import { Check, TextField } from './Field.tsx';
import { fromPrinterForm, paperText, sourceText, stateText, toPrinterForm, type PrinterForm } from './printerForm.ts';
import { SaveBar } from './SaveStatus.tsx';
import { useSave } from './useSave.ts';
import type { SectionProps } from './view.ts';

interface Props extends SectionProps {
  /** The latest printer:status push, if any came since the page opened. */
  pushed: PrinterHealth | null;
}

export function PrinterSection({ view, editable, token, onExpired, onSaved, pushed }: Props) {
  const [form, setForm] = useState<PrinterForm>(() => toPrinterForm(view.settings.printer));
  const fetched = useResource(token, 'printer', {}, onExpired);
  const [health, setHealth] = useState<PrinterHealth | null>(null);
  // Whichever came last is the newest: the fetch on opening, a push, or the reply to a save.
  useEffect(() => {
    if (fetched.data) setHealth(fetched.data);
  }, [fetched.data]);
  useEffect(() => {
    if (pushed) setHealth(pushed);
  }, [pushed]);
  const save = useSave(token, onExpired);
  const set = (patch: Partial<PrinterForm>) => {
    save.edited();
    setForm((f) => ({ ...f, ...patch }));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = fromPrinterForm(form);
    if (!parsed.ok) return save.refuse(parsed.error);
    const reply = await save.run('setPrinter', parsed.value);
    if (reply) {
      setHealth(reply);
      onSaved({ ...view, settings: { ...view.settings, printer: parsed.value } });
    }
  };

  return (
    <div class="settings-split">
      <form class="settings-card" aria-label="打印机设置" onSubmit={submit}>
        <h2>号票打印机</h2>
        <fieldset class="settings-plain" disabled={!editable}>
          <TextField
            label="打印机地址"
            maxLength={200}
            placeholder="tcp://192.168.1.50:9100"
            hint="网络热敏打印机（ESC/POS）的 IP 和端口；不填则不打印，号码只显示在屏幕上"
            value={form.uri}
            onInput={(uri) => set({ uri })}
          />
          <fieldset class="settings-ticks">
            <legend>纸宽</legend>
            {([80, 58] as PaperWidth[]).map((w) => (
              <label key={w} class="settings-check">
                <input type="radio" name="paper-width" checked={form.paperWidth === w} onChange={() => set({ paperWidth: w })} />
                {w} 毫米
              </label>
            ))}
          </fieldset>
          <Check label="出号前检查纸张和纸仓盖（打印机支持时）" checked={form.checkStatus} onChange={(checkStatus) => set({ checkStatus })} />
          <SaveBar save={save} />
        </fieldset>
      </form>
      <section class="settings-card" aria-labelledby="printer-health">
        <h2 id="printer-health">当前状态</h2>
        {health ? <Health health={health} /> : fetched.error ? <p class="settings-error">{fetched.error}</p> : <p class="loading">正在读取…</p>}
      </section>
    </div>
  );
}

function Health({ health: h }: { health: PrinterHealth }) {
  return (
    <>
      {h.source === 'env' && (
        <p class="settings-note" data-testid="printer-env">
          服务器启动时用环境变量 PRINTER 指定了打印机 {h.name}，它优先于左边的地址；左边的设置在去掉该变量后才生效（纸宽和检查设置仍然有效）。
        </p>
      )}
      <dl class="settings-facts">
        <dt>状态</dt>
        <dd class={h.state === 'fault' ? 'error-text' : h.state === 'ok' ? 'ok' : undefined} data-testid="printer-state">
          {stateText(h)}
        </dd>
        <dt>使用的地址</dt>
        <dd>{h.name ?? '—'}</dd>
        <dt>地址来源</dt>
        <dd>{sourceText(h)}</dd>
        <dt>纸宽</dt>
        <dd>{h.paperWidth} 毫米</dd>
        <dt>纸张</dt>
        <dd class={h.paper === 'out' ? 'error-text' : h.paper === 'low' ? 'warn' : undefined}>{paperText(h)}</dd>
        <dt>纸仓盖</dt>
        <dd class={h.coverOpen ? 'error-text' : undefined}>{h.coverOpen ? '打开' : h.checkedAt ? '关闭' : '—'}</dd>
        <dt>今日已打</dt>
        <dd>{h.printedToday} 张</dd>
        <dt>最近打印</dt>
        <dd>{h.lastPrintAt ? dateTime(h.lastPrintAt) : '—'}</dd>
        <dt>最近检查</dt>
        <dd>{h.checkedAt ? dateTime(h.checkedAt) : '—'}</dd>
        <dt>最近故障</dt>
        <dd class={h.lastError ? 'error-text' : undefined}>{h.lastError ? `${h.lastError}（${h.lastErrorAt ? dateTime(h.lastErrorAt) : ''}）` : '无'}</dd>
      </dl>
    </>
  );
}
