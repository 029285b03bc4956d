import { isMessageKey, type Translate } from '../i18n/index.tsx';

/**
 * The translation of a code the server sends (`customs.state.` + `released`), or the code itself
 * when this UI does not know it yet, so a newer backend never shows a blank.
 */
export function codeLabel(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  return isMessageKey(key) ? t(key) : code;
}
