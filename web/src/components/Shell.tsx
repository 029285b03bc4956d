import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { fetchSite, type Site, type User } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { pagesForRoles } from '../pages.ts';
import { replaceRoute, useRoute } from '../router.ts';
import { NoPages } from './Dashboard.tsx';
import { PageContent } from './screens.tsx';
import { Sidebar } from './Sidebar.tsx';
import { TopBar } from './TopBar.tsx';

/** The signed-in application frame: top bar, role-aware navigation and the current page. */
export function Shell({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  const { t } = useI18n();
  const route = useRoute();
  const pages = useMemo(() => pagesForRoles(user.roles), [user.roles]);
  const current = pages.find((p) => p.id === route) ?? pages[0] ?? null;
  const [site, setSite] = useState<Site | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    let live = true;
    // The site name is a nicety: without it the shell still works.
    fetchSite().then(
      (s) => live && setSite(s),
      () => live && setSite(null),
    );
    return () => {
      live = false;
    };
  }, []);

  // Unknown or forbidden routes fall back to the user's home page without a history entry.
  useEffect(() => {
    if (current && route !== current.id) replaceRoute(current.id);
  }, [route, current]);

  useEffect(() => setMenuOpen(false), [route]);

  useEffect(() => {
    const title = current ? t(current.title) : t('shell.noPagesTitle');
    document.title = `${title} · ${t('app.name')}`;
  }, [current, t]);

  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      menuButtonRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  // A plain "#main" link would be read as a route by the hash router, so move focus by hand.
  const skipToMain = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main-content" onClick={skipToMain}>
        {t('shell.skipToContent')}
      </a>
      <TopBar
        user={user}
        site={site}
        menuOpen={menuOpen}
        onToggleMenu={() => setMenuOpen((open) => !open)}
        onSignOut={onSignOut}
        menuButtonRef={menuButtonRef}
      />
      <div className="layout">
        <Sidebar
          pages={pages}
          currentId={current?.id ?? null}
          user={user}
          site={site}
          open={menuOpen}
          onNavigate={() => setMenuOpen(false)}
          onSignOut={onSignOut}
        />
        <main id="main-content" className="main" ref={mainRef} tabIndex={-1}>
          {current ? <PageContent page={current} user={user} /> : <NoPages />}
        </main>
      </div>
    </div>
  );
}
