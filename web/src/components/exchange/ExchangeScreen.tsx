import { useCallback, useEffect, useMemo, useState } from 'react';
import type { User } from '../../api.ts';
import { useFormats } from '../../customs/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { ShellPage } from '../../pages.ts';
import { describeProblem } from '../../problems.ts';
import { PageHeader } from '../PageHeader.tsx';
import { getHealth, getPartners, type LinkHealth } from './api.ts';
import { LinkHealthPanel } from './LinkHealthPanel.tsx';
import { MessagesPanel } from './MessagesPanel.tsx';
import { ReconciliationPanel } from './ReconciliationPanel.tsx';
import './exchange.css';

/**
 * The partner exchange page for the people who watch the link (customs supervisors, admins):
 * the health of the link with each partner, the messages with their envelopes and
 * acknowledgements (admins retry dead letters), and the reconciliation report.
 */
export function ExchangeScreen({ page, user }: { page: ShellPage; user: User }) {
  const { t } = useI18n();
  const f = useFormats();
  const [health, setHealth] = useState<LinkHealth[] | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [reloadKey, setReloadKey] = useState(0);

  const loadHealth = useCallback(async () => {
    try {
      const partners = await getPartners();
      setHealth(await Promise.all(partners.map((p) => getHealth(p.id))));
      setProblem(null);
    } catch (err) {
      setProblem(err);
    }
  }, []);

  useEffect(() => {
    void loadHealth();
  }, [loadHealth, reloadKey]);

  // The types agreed with any partner, for the type filter.
  const types = useMemo(() => [...new Set((health ?? []).flatMap((h) => [...h.partner.sends, ...h.partner.receives]))].sort(), [health]);
  // The API lets only admins put a dead letter back in line.
  const canRetry = user.roles.includes('admin');

  return (
    <article className="screen" aria-labelledby="page-title">
      <PageHeader title={t(page.title)} intro={t(page.intro)} focusKey={page.id}>
        <button type="button" className="button button-secondary button-small" onClick={() => setReloadKey((k) => k + 1)}>
          {t('exchange.refresh')}
        </button>
      </PageHeader>
      {health?.[0] && <p className="field-hint muted">{t('exchange.updated', { time: f.dateTime(health[0].at) })}</p>}
      {problem !== null && (
        <p className="alert alert-error" role="alert">
          {describeProblem(problem, t)}
        </p>
      )}
      <LinkHealthPanel items={health} />
      <MessagesPanel types={types} canRetry={canRetry} reloadKey={reloadKey} onChanged={() => void loadHealth()} />
      <ReconciliationPanel reloadKey={reloadKey} />
    </article>
  );
}
