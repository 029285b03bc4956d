import { useEffect, useRef, useState, type FormEvent } from 'react';
import { login, type User } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { describeProblem } from '../problems.ts';
import { Brand } from './Brand.tsx';
import { LanguageSelect } from './LanguageSelect.tsx';

// Kept as the cause, not as text, so the message follows a language switch.
type LoginError = { problem: unknown } | { key: MessageKey };

/** The sign-in page: username and password, with translated error messages. */
export function LoginPage({ onSignedIn, initialProblem }: { onSignedIn: (user: User) => void; initialProblem: unknown }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LoginError | null>(initialProblem ? { problem: initialProblem } : null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const name = username.trim();
    if (!name || !password) {
      setError({ key: 'login.required' });
      (name ? passwordRef : usernameRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await login(name, password));
    } catch (problem) {
      setError({ problem });
      setPassword('');
      passwordRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  const message = error === null ? '' : 'key' in error ? t(error.key) : describeProblem(error.problem, t);
  const invalid = message !== '';

  return (
    <div className="login-page">
      <header className="login-header">
        <Brand withTagline />
        <LanguageSelect id="login-language" hideLabel />
      </header>
      <main className="login-main">
        <section className="login-card" aria-labelledby="login-title">
          <h1 id="login-title">{t('login.title')}</h1>
          <p className="muted">{t('login.intro')}</p>
          <div className="alert-region" role="alert">
            {message && (
              <p className="alert alert-error" id="login-error">
                {message}
              </p>
            )}
          </div>
          <form className="login-form" onSubmit={submit} noValidate>
            <div className="field">
              <label className="field-label" htmlFor="login-username">
                {t('login.username')}
              </label>
              <input
                ref={usernameRef}
                id="login-username"
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? 'login-error' : undefined}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="login-password">
                {t('login.password')}
              </label>
              <input
                ref={passwordRef}
                id="login-password"
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? 'login-error' : undefined}
              />
            </div>
            <button className="button button-primary button-block" type="submit" disabled={busy} aria-busy={busy}>
              {busy ? t('login.submitting') : t('login.submit')}
            </button>
          </form>
        </section>
      </main>
      <footer className="login-footer">
        {t('app.name')} · {t('app.tagline')}
      </footer>
    </div>
  );
}
