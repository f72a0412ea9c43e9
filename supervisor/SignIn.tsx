// Sign-in for supervisors and admins: no window to pick, clerks are turned away.
import { SignInForm } from '../web/SignInForm.tsx';
import { signIn, type SupervisorSession } from './session.ts';

interface Props {
  notice: string | null;
  onSignedIn: (s: SupervisorSession) => void;
}

export function SignIn({ notice, onSignedIn }: Props) {
  return (
    <SignInForm title="中心管理" subtitle="为民服务中心主任、管理员登录" notice={notice} signIn={signIn} onSignedIn={onSignedIn}>
      <p class="signin-hint">
        窗口工作人员请在<a href="/clerk/">窗口工作台</a>登录。
      </p>
    </SignInForm>
  );
}
