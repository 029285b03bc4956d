import { useEffect, useState } from 'react';
import { useI18n, isMessageKey, type MessageKey } from '../../i18n/index.tsx';
import { getPublicStatus, type PublicStatus } from '../../ioc/api.ts';
import { useIocFormats } from '../../ioc/format.ts';
import '../../ioc/ioc.css';
import { describeProblem } from '../../problems.ts';
import { Brand } from '../Brand.tsx';
import { LanguageSelect } from '../LanguageSelect.tsx';

/** The public status page at /status: lanes open and estimated waits, no login, refreshed every minute. */
export function PublicStatusPage() {
  const { t } = useI18n();
  const f = useIocFormats();
  const [status, setStatus] = useState<PublicStatus | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  useEffect(() => {
    const load = () => getPublicStatus().then((s) => { setStatus(s); setProblem(null); }, setProblem);
    void load();
    const timer = setInterval(load, 60_000);
    return () => clearInterval(timer);
  }, []);
  const word = (key: string, fallback: string) => (isMessageKey(key) ? t(key as MessageKey) : fallback);
  const mins = (n: number | null) => (n === null ? t('status.noData') : t('status.waitMinutes', { n: f.number(n) }));
  return (
    <div className="login-page status-page">
      <header className="login-header">
        <Brand withTagline />
        <LanguageSelect id="status-language" hideLabel />
      </header>
      <main className="status-main">
        <h1>{t('status.title')}</h1>
        <p className="muted">{t('status.intro')}</p>
        {problem !== null && <p className="alert alert-error" role="alert">{describeProblem(problem, t)}</p>}
        {status === null && problem === null && <p role="status">{t('common.loading')}</p>}
        {status && (
          <>
            <p className="status-updated" role="status">{t('status.updated', { time: f.dateTime(status.updatedAt) })}</p>
            <div className="table-wrap">
              <table className="data-table status-table">
                <thead>
                  <tr>
                    <th scope="col">{t('status.direction')}</th>
                    <th scope="col">{t('status.goods')}</th>
                    <th scope="col" className="num">{t('status.lanesOpen')}</th>
                    <th scope="col" className="num">{t('status.waiting')}</th>
                    <th scope="col" className="num">{t('status.wait')}</th>
                  </tr>
                </thead>
                <tbody>
                  {status.lanes.map((l) => (
                    <tr key={`${l.direction}/${l.goodsClass}`}>
                      <td>{word(`status.direction.${l.direction}`, l.direction)}</td>
                      <td>{word(`status.goods.${l.goodsClass}`, l.goodsClass)}</td>
                      <td className="num">{f.number(l.lanesOpen)}</td>
                      <td className="num">{f.number(l.waiting)}</td>
                      <td className="num"><strong>{l.estimatedWaitMinutes === null ? t('status.noEstimate') : t('status.waitMinutes', { n: f.number(l.estimatedWaitMinutes) })}</strong></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted">{t('status.clearance', { inbound: mins(status.measuredClearanceMinutes.inbound), outbound: mins(status.measuredClearanceMinutes.outbound) })}</p>
          </>
        )}
        <p><a href="/">{t('status.signIn')}</a></p>
      </main>
    </div>
  );
}
