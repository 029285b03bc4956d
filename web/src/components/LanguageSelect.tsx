import { LANGS, asLang, htmlLangOf, useI18n } from '../i18n/index.tsx';

/** A labelled language switch; the choice is persisted and applied to `<html lang>`. */
export function LanguageSelect({ id, hideLabel = false }: { id: string; hideLabel?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="language-select">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {t('shell.language')}
      </label>
      <span className="select-wrap">
        <svg className="select-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm6.9 9h-3a15.7 15.7 0 0 0-1.3-5.9A8 8 0 0 1 18.9 11ZM12 4.1c.9 1.2 1.8 3.6 1.9 6.9h-3.8c.1-3.3 1-5.7 1.9-6.9ZM9.4 5.1A15.7 15.7 0 0 0 8.1 11h-3a8 8 0 0 1 4.3-5.9ZM5.1 13h3a15.7 15.7 0 0 0 1.3 5.9A8 8 0 0 1 5.1 13Zm6.9 6.9c-.9-1.2-1.8-3.6-1.9-6.9h3.8c-.1 3.3-1 5.7-1.9 6.9Zm2.6-1a15.7 15.7 0 0 0 1.3-5.9h3a8 8 0 0 1-4.3 5.9Z"
          />
        </svg>
        <select
          id={id}
          value={lang}
          onChange={(e) => {
            const next = asLang(e.target.value);
            if (next) setLang(next);
          }}
        >
          {LANGS.map((l) => (
            <option key={l} value={l} lang={htmlLangOf(l)}>
              {t(`lang.${l}`)}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}
