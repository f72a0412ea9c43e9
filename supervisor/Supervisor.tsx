// Root of the supervisor page (中心管理): signed out → the sign-in form; signed in → the console.
import { useState } from 'preact/hooks';
import { Console } from './Console.tsx';
import { loadSession, saveSession, signOut, type SupervisorSession } from './session.ts';
import { SignIn } from './SignIn.tsx';

export function Supervisor() {
  const [session, setSession] = useState<SupervisorSession | null>(loadSession);
  const [notice, setNotice] = useState<string | null>(null);

  const enter = (s: SupervisorSession) => {
    saveSession(s);
    setNotice(null);
    setSession(s);
  };
  // Leaving first closes the socket, so the server's session:ended is not mistaken for an expiry.
  const leave = () => {
    const token = session?.token;
    saveSession(null);
    setSession(null);
    if (token) void signOut(token);
  };
  const expired = () => {
    saveSession(null);
    setSession(null);
    setNotice('登录已失效，请重新登录');
  };

  return session ? <Console session={session} onSignOut={leave} onExpired={expired} /> : <SignIn notice={notice} onSignedIn={enter} />;
}
