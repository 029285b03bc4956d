import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey } from './en.ts';
import { vi } from './vi.ts';
import { zh } from './zh.ts';

export type { MessageKey } from './en.ts';

/** A language the UI is offered in. */
export type Lang = 'vi' | 'en' | 'zh';

/** Languages in the order the switch offers them; Vietnamese is the default. */
export const LANGS: readonly Lang[] = ['vi', 'en', 'zh'];

/** Translates a key, replacing `{name}` placeholders with the given values. */
export type Translate = (key: MessageKey, params?: Record<string, string>) => string;

const DEFAULT_LANG: Lang = 'vi';
const STORAGE_KEY = 'borderflow.lang';
const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { vi, en, zh };
const HTML_LANG: Record<Lang, string> = { vi: 'vi', en: 'en', zh: 'zh-CN' };

function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** Reads the persisted language, falling back to Vietnamese. */
export function readStoredLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLang(stored) ? stored : DEFAULT_LANG;
  } catch {
    // Storage can be unavailable (privacy modes); the default is still usable.
    return DEFAULT_LANG;
  }
}

function persistLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisting is acceptable; the choice still holds for this page view.
  }
}

/** Sets `<html lang>` so screen readers, fonts and hyphenation follow the UI language. */
export function applyHtmlLang(lang: Lang): void {
  document.documentElement.lang = HTML_LANG[lang];
}

/** The BCP 47 tag for a UI language, as used in `lang` attributes. */
export function htmlLangOf(lang: Lang): string {
  return HTML_LANG[lang];
}

/** True when `key` is in the dictionaries: lets codes from the server pick a translation when one exists. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

const FORMAT_LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN' };

/** The locale used to format dates, numbers and money in a UI language. */
export function formatLocaleOf(lang: Lang): string {
  return FORMAT_LOCALE[lang];
}

/** Translates `key` in `lang`. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string>): string {
  const text = DICTIONARIES[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Provides the current language, a setter that persists it, and `t`. */
export function I18nProvider({ initialLang, children }: { initialLang: Lang; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    persistLang(next);
    applyHtmlLang(next);
    setLangState(next);
  }, []);
  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, its setter and `t`; must be used under `I18nProvider`. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** Narrows a string (for instance a `<select>` value) to a supported language. */
export function asLang(v: string): Lang | null {
  return isLang(v) ? v : null;
}
