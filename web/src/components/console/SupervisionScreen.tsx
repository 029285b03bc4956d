import { useEffect, useState } from 'react';
import { getOverrides } from '../../customs/api.ts';
import { useFormats } from '../../customs/format.ts';
import type { OverrideEntry } from '../../customs/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { ShellPage } from '../../pages.ts';
import { describeProblem } from '../../problems.ts';
import { routeHref } from '../../router.ts';
import { PlannedCards } from '../Dashboard.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { ChannelBadge, StateBadge } from '../customs/Badges.tsx';

/** Supervision: every channel override (who, when, from what to what, why), then what is still planned here. */
export function SupervisionScreen({ page }: { page: ShellPage }) {
  const { t } = useI18n();
  const f = useFormats();
  const [items, setItems] = useState<OverrideEntry[] | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  useEffect(() => {
    getOverrides().then(setItems, setProblem);
  }, []);

  return (
    <article className="screen" aria-labelledby="page-title">
      <PageHeader title={t(page.title)} intro={t(page.intro)} focusKey={page.id} />
      <section className="panel" aria-labelledby="overrides-title">
        <h2 id="overrides-title">{t('customs.overrides.title')}</h2>
        <p className="muted">{t('customs.overrides.intro')}</p>
        {problem !== null && (
          <p className="alert alert-error" role="alert">
            {describeProblem(problem, t)}
          </p>
        )}
        {items === null && problem === null && <p role="status">{t('common.loading')}</p>}
        {items?.length === 0 && <p className="empty-state">{t('customs.overrides.empty')}</p>}
        {items && items.length > 0 && (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('customs.overrides.at')}</th>
                  <th scope="col">{t('customs.worklist.case')}</th>
                  <th scope="col">{t('customs.overrides.officer')}</th>
                  <th scope="col">{t('customs.overrides.change')}</th>
                  <th scope="col">{t('customs.field.reason')}</th>
                  <th scope="col">{t('customs.list.status')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((o) => (
                  <tr key={`${o.declarationId}-${o.at}`}>
                    <td>{f.dateTime(o.at)}</td>
                    <td>
                      <a className="mono" href={routeHref('worklist', o.declarationId)}>
                        {o.declarationId}
                      </a>
                    </td>
                    <td>{o.officer.name}</td>
                    <td>
                      <span className="channel-change">
                        <ChannelBadge channel={o.from} /> → <ChannelBadge channel={o.to} />
                      </span>
                    </td>
                    <td>{o.reason}</td>
                    <td>
                      <StateBadge state={o.state} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <PlannedCards cards={page.cards} />
    </article>
  );
}
