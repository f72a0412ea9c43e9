// What a county admin does to accounts and halls beyond sign-in: create, disable and
// reset accounts, a user's own password, hall keys issued again; and 操作记录, the audit
// list. Every change is written to county_audit by the routes (accountsRoutes.ts).
import type { Kysely } from 'kysely';
import { HallError } from '../shared/core/errors.ts';
import type { AccountPassword, AuditEntry, CountyAccount, CountyRole } from '../shared/county/types.ts';
import { hashPassword, newId, newPassword, verifyPassword } from '../server/auth.ts';
import type { DB } from './db/schema.ts';

/** How many lines of 操作记录 one request returns (newest first). */
export const AUDIT_PAGE = 300;

export class AccountsAdmin {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: () => number,
  ) {}

  async list(): Promise<CountyAccount[]> {
    const rows = await this.db.selectFrom('county_users').select(['id', 'username', 'name', 'role', 'disabled', 'created_at']).orderBy('created_at').orderBy('username').execute();
    return rows.map((r) => ({ id: r.id, username: r.username, name: r.name, role: r.role, disabled: r.disabled, createdAt: new Date(r.created_at).toISOString() }));
  }

  async add(input: { username: string; name: string; role: CountyRole }): Promise<AccountPassword> {
    const password = newPassword(10);
    const id = newId();
    const r = await this.db
      .insertInto('county_users')
      .values({ id, username: input.username, name: input.name, role: input.role, password_hash: await hashPassword(password), created_at: new Date(this.clock()) })
      .onConflict((c) => c.column('username').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!r) throw new HallError('username_taken', 409, `用户名“${input.username}”已被使用`);
    return { id, username: input.username, password };
  }

  /**
   * Disables (or enables again) an account; a disabled one is signed out at once. An
   * admin cannot disable themself, nor the last admin who can still sign in: the county
   * would be locked out of its own accounts.
   */
  async setDisabled(actorId: string, id: string, disabled: boolean): Promise<CountyAccount> {
    const user = await this.find(id);
    if (disabled && user.id === actorId) throw new HallError('self', 409, '不能停用自己的账号');
    return this.db.transaction().execute(async (tx) => {
      await tx.updateTable('county_users').set({ disabled }).where('id', '=', id).execute();
      if (disabled && user.role === 'county_admin') {
        const left = await tx.selectFrom('county_users').select((e) => e.fn.countAll<string>().as('n')).where('role', '=', 'county_admin').where('disabled', '=', false).executeTakeFirstOrThrow();
        if (Number(left.n) === 0) throw new HallError('last_admin', 409, '至少要保留一个可用的管理员账号');
      }
      if (disabled) await tx.deleteFrom('county_sessions').where('user_id', '=', id).execute();
      return { ...user, disabled };
    });
  }

  /** A new password shown once; the account's sessions end. */
  async resetPassword(id: string): Promise<AccountPassword> {
    const user = await this.find(id);
    const password = newPassword(10);
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('county_users').set({ password_hash: await hashPassword(password) }).where('id', '=', id).execute();
      await tx.deleteFrom('county_sessions').where('user_id', '=', id).execute();
    });
    return { id, username: user.username, password };
  }

  /** The signed-in user's own password; their other sessions end, this one stays. */
  async changeOwn(userId: string, keepTokenHash: string, oldPassword: string, newPw: string): Promise<void> {
    const row = await this.db.selectFrom('county_users').select('password_hash').where('id', '=', userId).executeTakeFirst();
    if (!row || !(await verifyPassword(oldPassword, row.password_hash))) throw new HallError('bad_password', 403, '原密码不正确');
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('county_users').set({ password_hash: await hashPassword(newPw) }).where('id', '=', userId).execute();
      await tx.deleteFrom('county_sessions').where('user_id', '=', userId).where('token_hash', '!=', keepTokenHash).execute();
    });
  }

  async auditList(): Promise<AuditEntry[]> {
    const rows = await this.db
      .selectFrom('county_audit as a')
      .leftJoin('county_users as u', 'u.id', 'a.user_id')
      .select(['a.id', 'a.at', 'a.action', 'a.detail', 'u.username', 'u.name'])
      .orderBy('a.id', 'desc')
      .limit(AUDIT_PAGE)
      .execute();
    return rows.map((r) => ({ id: String(r.id), at: new Date(r.at).toISOString(), username: r.username, name: r.name, action: r.action, detail: r.detail }));
  }

  private async find(id: string): Promise<CountyAccount> {
    const r = await this.db.selectFrom('county_users').select(['id', 'username', 'name', 'role', 'disabled', 'created_at']).where('id', '=', id).executeTakeFirst();
    if (!r) throw new HallError('unknown_account', 404, '没有这个账号');
    return { id: r.id, username: r.username, name: r.name, role: r.role, disabled: r.disabled, createdAt: new Date(r.created_at).toISOString() };
  }
}
