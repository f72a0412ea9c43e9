// What every section of the 设置 tab is given.
import type { SettingsView } from '../../shared/types.ts';

/** GET /api/settings, and the reply to every change (the whole configuration as saved). */
export type { SettingsView };

export interface SectionProps {
  view: SettingsView;
  /** Admins change settings; a supervisor sees the same forms, disabled. */
  editable: boolean;
  token: string;
  onExpired: () => void;
  /** The server accepted a change: its reply replaces what the page shows. */
  onSaved: (view: SettingsView) => void;
}
