import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/index.tsx';
import type { ShellPage } from '../pages.ts';

/** A role's dashboard: heading, purpose and a card for each thing that will appear here. */
export function Dashboard({ page }: { page: ShellPage }) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Move focus to the new heading so keyboard and screen-reader users land on the page they chose.
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, [page.id]);

  return (
    <article className="dashboard" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title" ref={headingRef} tabIndex={-1}>
          {t(page.title)}
        </h1>
        <p className="page-intro">{t(page.intro)}</p>
      </header>
      <ul className="cards">
        {page.cards.map((card) => (
          <li key={card.title} className="card">
            <h2 className="card-title">{t(card.title)}</h2>
            <p className="card-body">{t(card.body)}</p>
            <span className="badge">{t('common.planned')}</span>
          </li>
        ))}
      </ul>
    </article>
  );
}

/** Shown to accounts whose roles grant no page (device accounts). */
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
