// What the settings page reads: the hall's settings, businesses, windows and staff
// accounts, and the audit log. Pure; password hashes never leave here.
import type { AuditEntry, HallData, SettingsView, User } from '../types.ts';

export type StaffAccount = Omit<User, 'passwordHash'>;

/** The audit log shows this many entries, newest first. */
export const AUDIT_SHOWN = 500;

/** Everything the settings page shows; never password hashes. */
export function settingsView(d: HallData): SettingsView {
  return {
    settings: d.settings,
    services: d.services,
    counters: d.counters,
    users: d.users.map(({ passwordHash: _, ...u }): StaffAccount => u),
  };
}

export function staffAccounts(d: HallData): StaffAccount[] {
  return d.users.map(({ id, username, name, staffNo, role, disabled }) => ({ id, username, name, staffNo, role, disabled }));
}

export function auditLog(d: HallData): (AuditEntry & { byName: string })[] {
  return d.audit.map((a) => ({ ...a, byName: d.users.find((u) => u.id === a.by)?.name ?? (a.by === 'system' ? '系统' : a.by) })).reverse().slice(0, AUDIT_SHOWN);
}
