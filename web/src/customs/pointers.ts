/**
 * Problems named by JSON pointer, and the form inputs they belong to: each input has the id
 * derived from its pointer, so a summary link can move focus to the field it talks about.
 */
import { isMessageKey, type Translate } from '../i18n/index.tsx';
import type { FieldProblem } from './types.ts';

/** The DOM id of the input for a pointer (`/goods/0/hsCode` → `fld-goods-0-hsCode`). */
export function fieldId(pointer: string): string {
  return `fld${pointer.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The problems that belong on an input: at its pointer or below it (`/…/sealNumbers/2` is the seals input's). */
export function problemsAt(problems: readonly FieldProblem[], pointer: string): FieldProblem[] {
  return problems.filter((p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`));
}

/** The problems about a group as a whole (`/goods` missing), not one of its inputs. */
export function problemsOfGroup(problems: readonly FieldProblem[], pointer: string): FieldProblem[] {
  return problems.filter((p) => p.pointer === pointer);
}

/** A problem's message in the user's language: by its code when the UI knows it, else the server's words. */
export function problemMessage(p: FieldProblem, t: Translate): string {
  const key = `customs.problem.${p.code}`;
  return isMessageKey(key) ? t(key) : p.message;
}

const SEGMENT_LABELS: Readonly<Record<string, string>> = {
  parties: 'customs.section.parties',
  consignment: 'customs.section.consignment',
  transport: 'customs.section.transport',
  equipment: 'customs.section.containers',
  goods: 'customs.section.goods',
  customsValue: 'customs.field.customsValue',
  sealNumbers: 'customs.field.seals',
  amount: 'customs.field.amount',
};

/**
 * A readable name for where a problem is: `/goods/0/hsCode` → "Goods item 1 · HS code",
 * `/parties/exporter/taxId` → "Exporter · Tax ID". Unknown segments are shown as they are.
 */
export function pointerLabel(pointer: string, t: Translate): string {
  const segments = pointer.split('/').slice(1);
  const parts: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] ?? '';
    const prev = segments[i - 1];
    if (/^\d+$/.test(seg)) {
      const n = String(Number(seg) + 1);
      if (prev === 'goods') parts[parts.length - 1] = t('customs.goods.item', { n });
      else if (prev === 'equipment') parts[parts.length - 1] = t('customs.container.item', { n });
      else parts.push(n);
      continue;
    }
    // "Container 1 · Container number", "Tractor plate" and "Exporter · Name" say enough without their groups' names.
    if ((seg === 'consignment' || seg === 'transport' || seg === 'parties') && i < segments.length - 1) continue;
    const key = SEGMENT_LABELS[seg] ?? (prev === 'parties' ? `customs.party.${seg}` : `customs.field.${seg}`);
    parts.push(isMessageKey(key) ? t(key) : seg);
  }
  // "Customs value · Amount" reads better as just "Customs value".
  if (parts.length >= 2 && segments.at(-1) === 'amount') parts.pop();
  return parts.join(' · ') || t('customs.section.declaration');
}
