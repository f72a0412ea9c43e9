// 用户名 and 密码, as every staff sign-in asks for them (the supervisor page, pairing a
// window's rating pad): labelled for screen readers and for the browser's password store.
interface Props {
  username: string;
  password: string;
  onUsername: (v: string) => void;
  onPassword: (v: string) => void;
}

export function Credentials({ username, password, onUsername, onPassword }: Props) {
  return (
    <>
      <label>
        用户名
        <input name="username" autoComplete="username" required value={username} onInput={(e) => onUsername(e.currentTarget.value)} />
      </label>
      <label>
        密码
        <input name="password" type="password" autoComplete="current-password" required value={password} onInput={(e) => onPassword(e.currentTarget.value)} />
      </label>
    </>
  );
}
