// 设置: the hall's configuration, loaded on demand (see web/lazy.tsx). One read of
// GET /api/settings; every save replies with the whole configuration as saved, which
// replaces it here. A section shows only what the server has accepted.
import { useEffect, useState } from 'preact/hooks';
import type { PrinterHealth } from '../../shared/types.ts';
import type { CountyStatus } from '../useCounty.ts';
import { Tabs } from '../../web/Tabs.tsx';
import { useResource } from '../useResource.ts';
import { AuditSection } from './AuditSection.tsx';
import { CountersSection } from './CountersSection.tsx';
import { HallSection } from './HallSection.tsx';
import { PrinterSection } from './PrinterSection.tsx';
import { CountySection } from './CountySection.tsx';
import { ServicesSection } from './ServicesSection.tsx';
import { UsersSection } from './UsersSection.tsx';
import type { SectionProps, SettingsView } from './view.ts';
import { LeaveDialog } from './LeaveDialog.tsx';
import { settingsEdits, UnsavedContext } from './unsaved.ts';

// Ids prefixed so they cannot clash with the page's own tabs (tab-…, panel-…).
const SECTIONS = [
  { id: 'settings-hall', label: '大厅' },
  { id: 'settings-services', label: '业务' },
  { id: 'settings-counters', label: '窗口' },
  { id: 'settings-staff', label: '人员' },
  { id: 'settings-printer', label: '打印机' },
  { id: 'settings-county', label: '县中心' },
  { id: 'settings-audit', label: '操作日志' },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

export interface SettingsProps {
  token: string;
  editable: boolean;
  printer: PrinterHealth | null;
  /** The 县中心 link's latest county:status push. */
  county?: CountyStatus | null;
  onExpired: () => void;
}

export function Settings({ token, editable, printer, county, onExpired }: SettingsProps) {
  const loaded = useResource(token, 'settings', {}, onExpired);
  const [saved, setSaved] = useState<SettingsView | null>(null);
  const [version, setVersion] = useState(0);
  const [section, setSection] = useState<SectionId>('settings-hall');
  const view = saved ?? loaded.data;
  // Changes typed but not saved: switching sections asks first, and so does leaving the page.
  const unsaved = settingsEdits;
  const [leaving, setLeaving] = useState<SectionId | null>(null);
  const select = (id: SectionId) => {
    if (id === section) return;
    if (unsaved.any()) setLeaving(id);
    else setSection(id);
  };
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (unsaved.any()) e.preventDefault();
    };
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [unsaved]);

  if (!view) {
    return loaded.error ? (
      <p class="settings-error" role="alert">
        设置读取失败：{loaded.error}
      </p>
    ) : (
      <p class="loading">正在读取设置…</p>
    );
  }

  const props: SectionProps = {
    view,
    editable,
    token,
    onExpired,
    onSaved: (next) => {
      setSaved(next);
      setVersion((n) => n + 1);
    },
  };

  return (
    <UnsavedContext.Provider value={unsaved}>
    <div class={editable ? 'settings' : 'settings settings-readonly'}>
      <div class="settings-nav">
        <Tabs tabs={editable ? SECTIONS : SECTIONS.filter((x) => x.id !== 'settings-county')} current={section} onSelect={select} label="设置项目" />
        {editable ? (
          <p class="settings-live">修改保存后立即生效，取号机、叫号屏和窗口同步更新，并记入操作日志。</p>
        ) : (
          <p class="settings-note" role="note" data-testid="settings-readonly">
            只有管理员可以修改设置；您可以查看当前设置。
          </p>
        )}
      </div>
      {leaving && (
        <LeaveDialog
          where={`“${SECTIONS.find((x) => x.id === section)!.label}”里`}
          to={SECTIONS.find((x) => x.id === leaving)!.label}
          onStay={() => setLeaving(null)}
          onLeave={() => {
            unsaved.clear();
            setSection(leaving);
            setLeaving(null);
          }}
        />
      )}
      <div id={`panel-${section}`} role="tabpanel" aria-labelledby={`tab-${section}`}>
        <Section id={section} props={props} printer={printer} county={county ?? null} version={version} />
      </div>
    </div>
    </UnsavedContext.Provider>
  );
}

function Section({ id, props, printer, county, version }: { id: SectionId; props: SectionProps; printer: PrinterHealth | null; county: CountyStatus | null; version: number }) {
  switch (id) {
    case 'settings-hall':
      return <HallSection {...props} />;
    case 'settings-services':
      return <ServicesSection {...props} />;
    case 'settings-counters':
      return <CountersSection {...props} />;
    case 'settings-staff':
      return <UsersSection {...props} />;
    case 'settings-printer':
      return <PrinterSection {...props} pushed={printer} />;
    case 'settings-county':
      return <CountySection {...props} pushed={county} />; // admins only: the tab is not offered to supervisors
    case 'settings-audit':
      return <AuditSection token={props.token} version={version} onExpired={props.onExpired} />;
  }
}
