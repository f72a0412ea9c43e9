// 窗口: each window is a card to edit in place: its name, the businesses it calls
// (一窗受理), and its A and B posts (AB岗, clerk accounts only). A change reaches the
// kiosk and the window's console at once.
import { useState } from 'preact/hooks';
import { CounterEditor } from './CounterEditor.tsx';
import { nextCounterId } from './ids.ts';
import { PadsPanel } from './PadsPanel.tsx';
import type { SectionProps } from './view.ts';

export function CountersSection(props: SectionProps) {
  const { view, editable } = props;
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div class="settings-stack">
      <div class="settings-head">
        <h2>
          窗口 <small>{view.counters.length} 个</small>
        </h2>
        {notice && (
          <p class="settings-saved" role="status">
            ✓ {notice}
          </p>
        )}
        {editable && !adding && (
          <button
            type="button"
            class="ghost"
            onClick={() => {
              setNotice(null);
              setAdding(true);
            }}
          >
            新增窗口
          </button>
        )}
      </div>
      <div class="settings-cards">
        {adding && <CounterEditor {...props} counter={null} newId={nextCounterId(view.counters.map((c) => c.id))} onDone={() => setAdding(false)} />}
        {view.counters.map((c) => (
          <CounterEditor
            key={c.id}
            {...props}
            counter={c}
            newId=""
            onDone={(deleted) => {
              if (deleted) setNotice(`已删除${c.name}`);
            }}
          />
        ))}
      </div>
      <PadsPanel view={view} token={props.token} onExpired={props.onExpired} />
    </div>
  );
}
