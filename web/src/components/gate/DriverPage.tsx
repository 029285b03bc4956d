import { useEffect, useState } from 'react';
import { ApiProblem } from '../../api.ts';
import { formatLocaleOf, useI18n, type MessageKey } from '../../i18n/index.tsx';
import { passStatus, type PassStatus } from '../../gate/api.ts';
import '../../gate/gate.css';
import { describeProblem } from '../../problems.ts';
import { Brand } from '../Brand.tsx';
import { LanguageSelect } from '../LanguageSelect.tsx';
import { PassQr } from './PassQr.tsx';

const key = (k: string) => k as MessageKey;

/** The pass token from the link `/driver#<token>`: the fragment never reaches a server log. */
export function passFromLocation(hash: string): string {
  return decodeURIComponent(hash.replace(/^#/, '')).trim();
}

/**
 * The driver's page at `/driver#<pass>`, without signing in: the pass as a QR code to show at
 * the gate, the journey's status and the estimated wait, refreshed every 30 seconds.
 */
export function DriverPage() {
  const { t, lang } = useI18n();
  const [token] = useState(() => passFromLocation(window.location.hash));
  const [status, setStatus] = useState<PassStatus | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  useEffect(() => {
    if (!token) return;
    const load = () => passStatus(token).then((s) => { setStatus(s); setProblem(null); }, setProblem);
    void load();
    const timer = window.setInterval(load, 30_000);
    return () => window.clearInterval(timer);
  }, [token]);
  const fmt = (iso: string) => new Intl.DateTimeFormat(formatLocaleOf(lang), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  const invalid = problem instanceof ApiProblem && problem.code === 'GATE_PASS_INVALID';
  const wait = !status ? '' : status.state === 'called_forward' ? t('driver.waitCalled')
    : status.estimatedWaitMinutes !== null && status.position !== null ? t('driver.waitValue', { n: String(status.estimatedWaitMinutes), position: String(status.position) }) : t('driver.waitNone');
  return (
    <div className="driver-page">
      <header className="login-header">
        <Brand />
        <LanguageSelect id="driver-language" hideLabel />
      </header>
      <main className="driver-page">
        <h1>{t('driver.title')}</h1>
        {!token && <p role="alert">{t('driver.noPass')}</p>}
        {invalid && <p role="alert" className="field-problems">{t('driver.invalid')}</p>}
        {problem !== null && !invalid && <p role="alert" className="field-problems">{describeProblem(problem, t)}</p>}
        {status && !invalid && (
          <>
            <p>{t('driver.intro')}</p>
            <PassQr token={token} alt={t('driver.qr', { plate: status.plate })} />
            <dl>
              <div><dt>{t('driver.plate')}</dt><dd className="gate-plate">{status.plate}</dd></div>
              <div><dt>{t('driver.status')}</dt><dd>{t(key(`gate.stage.${status.state}`))}</dd></div>
              <div><dt>{t('driver.wait')}</dt><dd>{wait}</dd></div>
              <div><dt>{t('driver.slot')}</dt><dd>{fmt(status.slotStart)}</dd></div>
              {status.holds.length > 0 && <div><dt>{t('driver.holds')}</dt><dd>{status.holds.map((h) => t(key(`gate.exception.${h}`))).join(', ')}</dd></div>}
            </dl>
            <section aria-labelledby="driver-progress">
              <h2 id="driver-progress">{t('driver.progress')}</h2>
              <ol className="driver-steps">
                {status.stages.map((s) => <li key={`${s.stage}-${s.at}`}>{t(key(`gate.stage.${s.stage}`))} · {fmt(s.at)}</li>)}
              </ol>
            </section>
            <p className="field-hint">{t('driver.expires', { time: fmt(status.passExpiresAt) })}</p>
          </>
        )}
      </main>
    </div>
  );
}
