/**
 * The partner side's export data for a consignment, as the exchange module hands it over: the
 * input shape, its checks (every problem named by field), and the keys a declaration is matched
 * on — the container numbers and the tractor plate both sides see at the gate. (A WCO Unique
 * Consignment Reference carried by both declarations would be the better key; ours has none yet.)
 */
import { platformError, type FieldProblem } from '../../../infra/errors/index.ts';
import type { PartnerExport } from './context.ts';
import { normalizeContainer, normalizePlate, type DeclarationSnapshot } from './declaration.ts';

/** One goods line of the partner's export declaration. */
export interface PartnerGoodsInput {
  /** The partner's tariff code (CN: 10 digits); compared at 6 digits. */
  hsCode: string;
  netMassKg: number;
  grossMassKg?: number;
  value: { amount: number; currency: string };
  quantity?: number;
}

/** What the exchange module stores for a consignment. */
export interface PartnerExportInput {
  /** The partner's reference of the consignment (e.g. its export declaration number). */
  consignmentRef: string;
  /** Who sent it (e.g. `CN-DONGXING`). */
  source: string;
  exporterTaxId?: string;
  tractorPlate?: string;
  containers?: string[];
  goods: PartnerGoodsInput[];
}

/** Checks the input and builds the stored record; throws VALIDATION_FAILED listing every problem. */
export function readPartnerExport(input: PartnerExportInput, receivedAt: Date): PartnerExport {
  const p: FieldProblem[] = [];
  const bad = (pointer: string, message: string) => p.push({ pointer, code: 'INVALID_VALUE', message });
  const nonNeg = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  const ref = input.consignmentRef;
  if (typeof ref !== 'string' || ref.trim() !== ref || ref.length < 1 || ref.length > 100) bad('/consignmentRef', 'must be 1 to 100 characters without surrounding spaces');
  if (typeof input.source !== 'string' || input.source.trim() === '') bad('/source', 'must name the sender');
  if (!Array.isArray(input.goods) || input.goods.length === 0) bad('/goods', 'must list at least one goods line');
  (Array.isArray(input.goods) ? input.goods : []).forEach((g, i) => {
    if (typeof g?.hsCode !== 'string' || !/^\d{6,10}$/.test(g.hsCode.replace(/\./g, ''))) bad(`/goods/${i}/hsCode`, 'must be 6 to 10 digits');
    if (!nonNeg(g?.netMassKg)) bad(`/goods/${i}/netMassKg`, 'must be a number ≥ 0');
    if (g?.grossMassKg !== undefined && !nonNeg(g.grossMassKg)) bad(`/goods/${i}/grossMassKg`, 'must be a number ≥ 0');
    if (g?.quantity !== undefined && !nonNeg(g.quantity)) bad(`/goods/${i}/quantity`, 'must be a number ≥ 0');
    if (!nonNeg(g?.value?.amount)) bad(`/goods/${i}/value/amount`, 'must be a number ≥ 0');
    if (typeof g?.value?.currency !== 'string' || !/^[A-Za-z]{3}$/.test(g.value.currency)) bad(`/goods/${i}/value/currency`, 'must be an ISO 4217 code');
  });
  (input.containers ?? []).forEach((c, i) => {
    if (typeof c !== 'string' || c.trim() === '') bad(`/containers/${i}`, 'must be a container number');
  });
  if (p.length) throw platformError('VALIDATION_FAILED', `The partner export data has ${p.length} problem(s)`, p);
  return {
    consignmentRef: input.consignmentRef,
    receivedAt: receivedAt.toISOString(),
    source: input.source.trim(),
    exporterTaxId: input.exporterTaxId?.trim().toUpperCase() || null,
    tractorPlate: input.tractorPlate ? normalizePlate(input.tractorPlate) : null,
    containers: (input.containers ?? []).map(normalizeContainer),
    goods: input.goods.map((g) => ({
      hsCode: g.hsCode.replace(/\./g, ''), netMassKg: g.netMassKg, grossMassKg: g.grossMassKg ?? null,
      value: { amount: g.value.amount, currency: g.value.currency.toUpperCase() }, quantity: g.quantity ?? null, valueUsd: null,
    })),
  };
}

/** Keys a stored record is found by. */
export function partnerRecordKeys(r: PartnerExport): string[] {
  return [...new Set([...r.containers.map((c) => `container:${c}`), ...(r.tractorPlate ? [`plate:${r.tractorPlate}`] : [])])];
}

/** Keys a declaration looks its partner data up by. */
export function declarationMatchKeys(d: DeclarationSnapshot): string[] {
  return [...d.containers.map((c) => `container:${c}`), ...(d.tractorPlate ? [`plate:${d.tractorPlate}`] : [])];
}
