/**
 * Paging and filter checks of the booking and journey lists. Both are ordered newest slot first
 * (`slotStart` desc, then id desc), so the cursor carries both: an opaque `next` the client
 * passes back as `cursor`. Pure functions.
 */
import { platformError, type FieldProblem } from '../../infra/errors/index.ts';
import { gateError } from './errors.ts';
import { normalizePlate, parsePlate } from './plates.ts';

/** Where a page ends: the last item's slot start and id. */
export interface ListCursor {
  slotStart: Date;
  id: string;
}

/** The position after `item`, as the opaque `next` string. */
export function encodeCursor(item: ListCursor): string {
  return Buffer.from(`${item.slotStart.getTime()}|${item.id}`, 'utf8').toString('base64url');
}

/** Reads a `cursor` back; a 400 naming `/query/cursor` when it is not one this API gave out. */
export function decodeCursor(raw: string): ListCursor {
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  const m = /^(\d{1,15})\|([A-Za-z0-9_]{1,100})$/.exec(text);
  if (!m) throw invalid([{ pointer: '/query/cursor', code: 'CURSOR_INVALID', message: 'is not a cursor from a previous page (`next`)' }]);
  return { slotStart: new Date(Number(m[1])), id: m[2]! };
}

/** `{ items, next }`: `next` is the cursor of the following page, null on the last one. */
export function listPage<T, V>(items: T[], limit: number, at: (item: T) => ListCursor, present: (item: T) => V): { items: V[]; next: string | null } {
  const last = items[limit - 1];
  return { items: items.slice(0, limit).map(present), next: items.length > limit && last ? encodeCursor(at(last)) : null };
}

/** The canonical plate of a filter; a 400 naming `/query/plate` for text that is no VN or CN plate. */
export function plateFilter(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!parsePlate(raw)) throw gateError('GATE_PLATE_INVALID', `${raw} is not a Vietnamese or Chinese plate`, [{ pointer: '/query/plate', code: 'PLATE_INVALID', message: 'is not a Vietnamese or Chinese plate' }]);
  return normalizePlate(raw);
}

/** Checks a slot-time range; a 400 naming `/query/to` when it ends before it starts. */
export function slotRange(from: string | undefined, to: string | undefined): { from?: Date; to?: Date } {
  const f = from === undefined ? undefined : new Date(from);
  const t = to === undefined ? undefined : new Date(to);
  if (f && t && t.getTime() <= f.getTime()) throw invalid([{ pointer: '/query/to', code: 'RANGE_INVALID', message: 'must be after `from`' }]);
  return { from: f, to: t };
}

function invalid(errors: FieldProblem[]) {
  return platformError('VALIDATION_FAILED', `${errors.length} problem(s) with the request`, errors);
}
