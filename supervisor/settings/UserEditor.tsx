// One staff account to edit or create. A new account needs its first password; an
// existing one keeps its password unless reset below. Disabling an account (or changing
// its role) signs it out everywhere, which the server does, not this page.
import { useState } from 'preact/hooks';
import type { Role } from '../../shared/types.ts';
import { EditorHead } from './EditorHead.tsx';
import { Check, Field, TextField } from './Field.tsx';
import { fromUserForm, MIN_PASSWORD, newUserForm, ROLE_NAMES, toUserForm, type StaffAccount, type UserForm } from './recordForms.ts';
import { SaveBar, SaveStatus } from './SaveStatus.tsx';
import { useSave } from './useSave.ts';
import type { SectionProps } from './view.ts';

interface Props extends SectionProps {
  /** null: a new account. */
  user: StaffAccount | null;
  onCreated: (id: string) => void;
  onClose: () => void;
}

const ROLE_HINT: Record<Role, string> = {
  clerk: '在窗口签到叫号；要在“窗口”里安排为某窗口的 A岗或 B岗',
  supervisor: '查看实况、统计和回访，不能修改设置',
  admin: '可以修改全部设置',
};

export function UserEditor({ editable, token, onExpired, onSaved, user, onCreated, onClose, ...rest }: Props) {
  const [form, setForm] = useState<UserForm>(() => (user ? toUserForm(user) : newUserForm()));
  const [password, setPassword] = useState('');
  const save = useSave(token, onExpired);
  const isNew = user === null;
  const set = <K extends keyof UserForm>(key: K, value: UserForm[K]) => {
    save.edited();
    setForm((f) => ({ ...f, [key]: value }));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = fromUserForm(form, isNew ? password : null);
    if (!parsed.ok) return save.refuse(parsed.error);
    const next = await save.run('saveUser', { ...parsed.value, id: isNew ? 'new' : user.id });
    if (!next) return;
    setPassword('');
    onSaved(next);
    if (isNew) onCreated(next.id);
  };

  const title = isNew ? '新增账号' : `账号：${user.name}`;
  return (
    <div class="settings-card settings-editor">
      <EditorHead title={title} onClose={onClose} />
      <form aria-label={title} onSubmit={submit}>
        <fieldset class="settings-plain" disabled={!editable}>
          <div class="settings-row">
            <TextField label="姓名" size="short" maxLength={30} value={form.name} onInput={(v) => set('name', v)} />
            <TextField label="用户名" size="short" maxLength={32} hint="登录用，字母、数字和 _ . -" value={form.username} onInput={(v) => set('username', v)} />
          </div>
          <div class="settings-row">
            <TextField label="工号" size="short" maxLength={20} value={form.staffNo} onInput={(v) => set('staffNo', v)} />
            <Field label="角色" hint={ROLE_HINT[form.role]}>
              {(id) => (
                <select id={id} value={form.role} onChange={(e) => set('role', e.currentTarget.value as Role)}>
                  {(Object.keys(ROLE_NAMES) as Role[]).map((r) => (
                    <option key={r} value={r}>
                      {ROLE_NAMES[r]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {isNew && <TextField label="初始密码" type="password" size="short" maxLength={128} hint={`至少 ${MIN_PASSWORD} 位，请当面告知本人`} value={password} onInput={setPassword} />}
          {!isNew && <Check label="停用此账号（不能再登录，已登录的会被退出）" checked={form.disabled} onChange={(v) => set('disabled', v)} />}
          <SaveBar save={save} label={isNew ? '创建账号' : '保存'} />
        </fieldset>
      </form>
      {!isNew && <PasswordReset {...rest} editable={editable} token={token} onExpired={onExpired} onSaved={onSaved} user={user} />}
    </div>
  );
}

/** A new password for someone who forgot theirs: the account as saved, plus the password. */
function PasswordReset({ editable, token, onExpired, onSaved, user }: SectionProps & { user: StaffAccount }) {
  const [password, setPassword] = useState('');
  const save = useSave(token, onExpired);
  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = fromUserForm(toUserForm(user), password);
    if (!parsed.ok) return save.refuse(parsed.error);
    const next = await save.run('saveUser', { ...parsed.value, id: user.id }, '密码已重置');
    if (next) {
      setPassword('');
      onSaved(next);
    }
  };
  return (
    <form class="settings-reset" aria-label="重置密码" onSubmit={submit}>
      <fieldset class="settings-plain" disabled={!editable}>
        <div class="settings-row">
          <TextField
            label="新密码"
            type="password"
            size="short"
            maxLength={128}
            hint={`至少 ${MIN_PASSWORD} 位，请当面告知本人`}
            value={password}
            onInput={(v) => {
              save.edited();
              setPassword(v);
            }}
          />
          <button type="submit" class="ghost" disabled={save.busy}>
            重置密码
          </button>
        </div>
        <SaveStatus save={save} />
      </fieldset>
    </form>
  );
}
