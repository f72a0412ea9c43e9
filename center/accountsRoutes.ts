// The routes of hall registration and county accounts (shared/county/routes.ts): each
// change is audited with who made it. Hall add/revoke stay in app.ts with the core.
import type { Request } from 'express';
import { tokenHash } from '../server/auth.ts';
import type { Accounts } from './accounts.ts';
import type { AccountsAdmin } from './accountsAdmin.ts';
import type { Halls } from './halls.ts';
import { bearer, type countyOn } from './http/route.ts';

export function accountRoutes(on: ReturnType<typeof countyOn>, deps: { accounts: Accounts; admin: AccountsAdmin; halls: Halls; changed: () => void }): void {
  const { accounts, admin, halls } = deps;
  on('rotateHallKey', async ({ params, session }) => {
    const hall = await halls.rotate(params.id);
    await accounts.audit(session!.userId, 'rotate_hall_key', { hallId: hall.id, name: hall.name });
    deps.changed();
    return hall;
  });
  on('accounts', () => admin.list());
  on('addAccount', async ({ body, session }) => {
    const made = await admin.add(body);
    await accounts.audit(session!.userId, 'add_account', { accountId: made.id, username: made.username, name: body.name, role: body.role });
    return made;
  });
  on('setAccountDisabled', async ({ params, body, session }) => {
    const a = await admin.setDisabled(session!.userId, params.id, body.disabled);
    await accounts.audit(session!.userId, body.disabled ? 'disable_account' : 'enable_account', { accountId: a.id, username: a.username });
    return a;
  });
  on('resetPassword', async ({ params, session }) => {
    const r = await admin.resetPassword(params.id);
    await accounts.audit(session!.userId, 'reset_password', { accountId: r.id, username: r.username });
    return r;
  });
  on('changeOwnPassword', async ({ body, session }, req: Request) => {
    await admin.changeOwn(session!.userId, tokenHash(bearer(req)!), body.old, body.new);
    await accounts.audit(session!.userId, 'change_own_password', {});
    return { ok: true };
  });
  on('audit', () => admin.auditList());
}
