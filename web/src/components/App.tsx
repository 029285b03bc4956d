import { useCallback, useEffect, useState } from 'react';
import { ApiProblem, fetchMe, logout, type User } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { replaceRoute } from '../router.ts';
import { LoginPage } from './LoginPage.tsx';
import { Shell } from './Shell.tsx';

type Session =
  | { state: 'loading' }
  | { state: 'signedOut'; problem: unknown }
  | { state: 'signedIn'; user: User };

/** Root component: restores the session from the cookie, then shows the login page or the shell. */
export function App() {
  const { t } = useI18n();
  const [session, setSession] = useState<Session>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    fetchMe().then(
      (user) => live && setSession(user ? { state: 'signedIn', user } : { state: 'signedOut', problem: null }),
      (problem: unknown) => live && setSession({ state: 'signedOut', problem }),
    );
    return () => {
      live = false;
    };
  }, []);

  const signIn = useCallback((user: User) => setSession({ state: 'signedIn', user }), []);

  const signOut = useCallback(async () => {
    let problem: unknown = null;
    try {
      await logout();
    } catch (err) {
      // An expired session is already signed out; anything else is worth telling the user.
      if (!(err instanceof ApiProblem && err.status === 401)) problem = err;
    }
    replaceRoute('');
    setSession({ state: 'signedOut', problem });
  }, []);

  if (session.state === 'loading') {
    return (
      <div className="splash" role="status">
        {t('common.loading')}
      </div>
    );
  }
  if (session.state === 'signedOut') return <LoginPage onSignedIn={signIn} initialProblem={session.problem} />;
  return <Shell user={session.user} onSignOut={signOut} />;
}
