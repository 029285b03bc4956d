import { useI18n } from '../i18n/index.tsx';
import type { DashboardCard, ShellPage } from '../pages.ts';
import { PageHeader } from './PageHeader.tsx';

/** Cards for things that will appear on a page once the feature exists. */
export function PlannedCards({ cards }: { cards: readonly DashboardCard[] }) {
  const { t } = useI18n();
  return (
    <ul className="cards">
      {cards.map((card) => (
        <li key={card.title} className="card">
          <h2 className="card-title">{t(card.title)}</h2>
          <p className="card-body">{t(card.body)}</p>
          <span className="badge">{t('common.planned')}</span>
        </li>
      ))}
    </ul>
  );
}

/** A role's dashboard: heading, purpose and a card for each thing that will appear here. */
export function Dashboard({ page }: { page: ShellPage }) {
  const { t } = useI18n();
  return (
    <article className="dashboard" aria-labelledby="page-title">
      <PageHeader title={t(page.title)} intro={t(page.intro)} focusKey={page.id} />
      <PlannedCards cards={page.cards} />
    </article>
  );
}

/** Shown to signed-in accounts that have no web pages (for instance device accounts). */
export function NoPages() {
  const { t } = useI18n();
  return (
    <article className="dashboard">
      <header className="page-header">
        <h1 tabIndex={-1}>{t('shell.noPagesTitle')}</h1>
        <p className="page-intro">{t('shell.noPages')}</p>
      </header>
    </article>
  );
}
