// County accounts (county_admin, county_viewer) and their sessions. Passwords are scrypt
// hashes as at the hall; a session is a random token of which only the hash is stored.
import type { Kysely } from 'kysely';
import { HallError } from '../shared/core/errors.ts';
import type { CountyRole } from '../shared/county/types.ts';
import { hashPassword, newId, newPassword, newToken, tokenHash, verifyPassword } from '../server/auth.ts';
import type { DB } from './db/schema.ts';

const SESSION_MS = 12 * 3600_000;

export interface CountySession {
  userId: string;
  role: CountyRole;
}

export class Accounts {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: () => number,
  ) {}

  /**
   * A new database gets its `county-admin`, with the given password or a random one;
   * returns the password it set (null when the account already existed).
   */
  async ensureAdmin(password?: string): Promise<string | null> {
    const found = await this.db.selectFrom('county_users').select('id').where('username', '=', 'county-admin').executeTakeFirst();
    if (found) return null;
    const pw = password ?? newPassword(12);
    await this.db
      .insertInto('county_users')
      .values({ id: newId(), username: 'county-admin', name: '县中心管理员', role: 'county_admin', password_hash: await hashPassword(pw), created_at: new Date(this.clock()) })
      .onConflict((c) => c.column('username').doNothing())
      .execute();
    return pw;
  }

  async signIn(username: string, password: string): Promise<{ token: string; role: CountyRole }> {
    const user = await this.db.selectFrom('county_users').selectAll().where('username', '=', username).executeTakeFirst();
    // A hash is checked even for an unknown name, so the reply time does not tell names apart.
    const ok = await verifyPassword(password, user?.password_hash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    if (!user || !ok || user.disabled) throw new HallError('bad_credentials', 401, '用户名或密码错误');
    const token = newToken();
    await this.db
      .insertInto('county_sessions')
      .values({ token_hash: tokenHash(token), user_id: user.id, role: user.role, expires_at: new Date(this.clock() + SESSION_MS) })
      .execute();
    await this.audit(user.id, 'sign_in', {});
    return { token, role: user.role };
  }

  async session(token: string | undefined): Promise<CountySession | null> {
    if (!token) return null;
    const s = await this.db.selectFrom('county_sessions').select(['user_id', 'role', 'expires_at']).where('token_hash', '=', tokenHash(token)).executeTakeFirst();
    if (!s || new Date(s.expires_at).getTime() <= this.clock()) return null;
    return { userId: s.user_id, role: s.role };
  }

  async signOut(token: string): Promise<void> {
    await this.db.deleteFrom('county_sessions').where('token_hash', '=', tokenHash(token)).execute();
  }

  /** Every change a county account makes is written down: who, what, when. */
  async audit(userId: string, action: string, detail: object): Promise<void> {
    await this.db.insertInto('county_audit').values({ at: new Date(this.clock()), user_id: userId, action, detail: JSON.stringify(detail) }).execute();
  }
}
