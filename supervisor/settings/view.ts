// What every section of the 设置 tab is given.
import type { Counter, Service, Settings } from '../../shared/types.ts';
import type { StaffAccount } from './recordForms.ts';

/** GET /api/settings, and the reply to every change (the whole configuration as saved). */
export interface SettingsView {
  settings: Settings;
  services: Service[];
  counters: Counter[];
  users: StaffAccount[];
}

export interface SectionProps {
  view: SettingsView;
  /** Admins change settings; a supervisor sees the same forms, disabled. */
  editable: boolean;
  token: string;
  onExpired: () => void;
  /** The server accepted a change: its reply replaces what the page shows. */
  onSaved: (view: SettingsView) => void;
}
