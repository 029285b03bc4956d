import type { Ref } from 'react';
import type { Site, User } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { AccountSummary } from './AccountSummary.tsx';
import { Brand } from './Brand.tsx';
import { LanguageSelect } from './LanguageSelect.tsx';

interface TopBarProps {
  user: User;
  site: Site | null;
  menuOpen: boolean;
  onToggleMenu: () => void;
  onSignOut: () => void;
  menuButtonRef: Ref<HTMLButtonElement>;
}

/** The top bar: menu button (narrow screens), product, site, language, user and sign-out. */
export function TopBar({ user, site, menuOpen, onToggleMenu, onSignOut, menuButtonRef }: TopBarProps) {
  const { t } = useI18n();
  return (
    <header className="topbar">
      <button
        ref={menuButtonRef}
        type="button"
        className="menu-button"
        aria-expanded={menuOpen}
        aria-controls="app-menu"
        onClick={onToggleMenu}
      >
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <path fill="currentColor" d={menuOpen ? 'm6.4 5 5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z' : 'M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z'} />
        </svg>
        <span className="visually-hidden">{t('shell.menu')}</span>
      </button>
      <Brand />
      {site && (
        <p className="topbar-site desktop-only">
          <span className="topbar-site-label">{t('shell.site')}</span>
          <span className="topbar-site-name">{site.name}</span>
        </p>
      )}
      <div className="topbar-end">
        <LanguageSelect id="topbar-language" hideLabel />
        <AccountSummary user={user} className="desktop-only" />
        <button type="button" className="button button-on-dark desktop-only" onClick={onSignOut}>
          {t('shell.logout')}
        </button>
      </div>
    </header>
  );
}
