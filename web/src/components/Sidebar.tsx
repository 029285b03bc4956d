import type { Site, User } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import type { ShellPage } from '../pages.ts';
import { routeHref } from '../router.ts';
import { AccountSummary } from './AccountSummary.tsx';

interface SidebarProps {
  pages: readonly ShellPage[];
  currentId: string | null;
  user: User;
  site: Site | null;
  open: boolean;
  onNavigate: () => void;
  onSignOut: () => void;
}

/** The role-aware navigation; on narrow screens a drop-down panel that also holds the account. */
export function Sidebar({ pages, currentId, user, site, open, onNavigate, onSignOut }: SidebarProps) {
  const { t } = useI18n();
  return (
    <div id="app-menu" className={open ? 'sidebar is-open' : 'sidebar'}>
      {pages.length > 0 && (
        <nav aria-label={t('shell.mainNav')}>
          <ul className="nav-list">
            {pages.map((p) => (
              <li key={p.id}>
                <a
                  className="nav-link"
                  href={routeHref(p.id)}
                  aria-current={p.id === currentId ? 'page' : undefined}
                  onClick={onNavigate}
                >
                  {t(p.title)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <section className="sidebar-account mobile-only" aria-label={t('shell.account')}>
        {site && (
          <p className="sidebar-site">
            <span className="topbar-site-label">{t('shell.site')}</span> {site.name}
          </p>
        )}
        <AccountSummary user={user} />
        <button type="button" className="button button-secondary button-block" onClick={onSignOut}>
          {t('shell.logout')}
        </button>
      </section>
    </div>
  );
}
