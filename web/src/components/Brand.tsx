import { useI18n } from '../i18n/index.tsx';

/** The product mark and name. */
export function Brand({ withTagline = false }: { withTagline?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="brand">
      <svg className="brand-mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" fill="#0f4c81" />
        <path d="M7 23V9h3v14zm7.5 0V9h3v14zM22 23V9h3v14z" fill="#5eead4" />
        <path d="M5 15h22v2H5z" fill="#fbbf24" />
      </svg>
      <span className="brand-text">
        <span className="brand-name">{t('app.name')}</span>
        {withTagline && <span className="brand-tagline">{t('app.tagline')}</span>}
      </span>
    </div>
  );
}
