// Root of the clerk console: the sign-in form until there is a session, then the console.
import { useState } from 'preact/hooks';
import { Console } from './Console.tsx';
import { loadSession, saveSession, signOut, type ClerkSession } from './session.ts';
import { SignIn } from './SignIn.tsx';

export function Clerk() {
  const [session, setSession] = useState<ClerkSession | null>(loadSession);
  // Why the console was left, shown on the sign-in form (expired, signed out elsewhere).
  const [reason, setReason] = useState<string | null>(null);

  const enter = (s: ClerkSession) => {
    saveSession(s);
    setReason(null);
    setSession(s);
  };

  /** Back to sign-in. `message` null: the clerk chose to sign out. */
  const leave = (message: string | null) => {
    const token = session?.token;
    // Drop the session first: the socket closes before the server's session:ended
    // arrives, so the clerk's own sign-out is not reported as an interruption.
    saveSession(null);
    setSession(null);
    setReason(message);
    if (message === null && token) void signOut(token);
  };

  return session ? <Console session={session} onLeave={leave} /> : <SignIn notice={reason} onSignedIn={enter} />;
}
