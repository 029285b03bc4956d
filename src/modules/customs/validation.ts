/**
 * Declaration validation: every problem at once, each named by the JSON pointer (RFC 6901) of
 * the field at fault. Pure: the clock reading and the tariff lookup are passed in.
 */
import type { FieldProblem } from '../../infra/errors/index.ts';
import { isValidChineseCreditCode, isValidVietnameseTaxCode } from '../identity/index.ts';
import { containerNumberProblem, isCountryCode, isCurrencyCode, isUnitCode, normalizeContainerNumber, parsePlate } from './codes.ts';
import type { DeclarationContent, DraftGoodsItem, Party } from './model.ts';

/** What validation needs from outside: the instant and whether a 6-digit HS subheading is known. */
export interface ValidationContext {
  now: Date;
  knownSubheading(hs6: string): boolean;
  /** False when an amendment keeps the arrival already accepted (the truck may be at the gate). */
  checkArrival: boolean;
}

/** The validation codes a `FieldProblem` can carry, documented in docs/customs.md. */
export const VALIDATION_CODES = [
  'FIELD_REQUIRED', 'DIRECTION_MISMATCH', 'ARRIVAL_INVALID', 'ARRIVAL_IN_PAST', 'TAX_ID_INVALID', 'COUNTRY_INVALID',
  'PARTY_COUNTRY_MISMATCH', 'PLATE_INVALID', 'PLATE_IS_TRAILER', 'CONTAINER_FORMAT', 'CONTAINER_CHECK_DIGIT',
  'CONTAINER_DUPLICATE', 'HS_CODE_FORMAT', 'HS_CODE_UNKNOWN', 'QUANTITY_NOT_POSITIVE', 'MASS_NOT_POSITIVE',
  'NET_MASS_EXCEEDS_GROSS', 'VALUE_NOT_POSITIVE', 'CURRENCY_INVALID', 'UNIT_INVALID',
] as const;
type Code = (typeof VALIDATION_CODES)[number];

class Problems {
  readonly list: FieldProblem[] = [];
  add(pointer: string, code: Code, message: string): void {
    this.list.push({ pointer, code, message });
  }
  /** Records FIELD_REQUIRED when the value is absent or blank; true when it is present. */
  present(pointer: string, value: unknown): boolean {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      this.add(pointer, 'FIELD_REQUIRED', 'is required');
      return false;
    }
    return true;
  }
}

/** Checks a declaration for submission; an empty list means it may be submitted. */
export function validateDeclaration(c: DeclarationContent, ctx: ValidationContext): FieldProblem[] {
  const p = new Problems();
  p.present('/type', c.type);
  if (p.present('/direction', c.direction) && c.type) {
    const expected = c.type === 'import' ? 'inbound' : c.type === 'export' ? 'outbound' : null;
    if (expected && c.direction !== expected) p.add('/direction', 'DIRECTION_MISMATCH', `an ${c.type} declaration is ${expected}`);
  }
  p.present('/borderGate', c.borderGate);
  if (p.present('/expectedArrival', c.expectedArrival)) {
    const at = Date.parse(c.expectedArrival!);
    if (Number.isNaN(at)) p.add('/expectedArrival', 'ARRIVAL_INVALID', 'is not an ISO 8601 date-time');
    else if (ctx.checkArrival && at < ctx.now.getTime()) p.add('/expectedArrival', 'ARRIVAL_IN_PAST', `is in the past (now is ${ctx.now.toISOString()})`);
  }
  validateParties(c, p);
  validateConsignment(c, p);
  if (!c.goods || c.goods.length === 0) p.add('/goods', 'FIELD_REQUIRED', 'at least one goods item is required');
  else c.goods.forEach((g, i) => validateGoodsItem(g, `/goods/${i}`, ctx, p));
  return p.list;
}

function validateParties(c: DeclarationContent, p: Problems): void {
  if (!p.present('/parties', c.parties)) return;
  for (const role of ['importer', 'exporter', 'declarant'] as const) {
    const party = c.parties![role];
    const at = `/parties/${role}`;
    if (!p.present(at, party)) continue;
    p.present(`${at}/name`, party!.name);
    const countryOk = p.present(`${at}/country`, party!.country) && checkCountry(p, `${at}/country`, party!.country!);
    if (p.present(`${at}/taxId`, party!.taxId) && countryOk) {
      const problem = taxIdProblem(party!.country!, party!.taxId!);
      if (problem) p.add(`${at}/taxId`, 'TAX_ID_INVALID', problem);
    }
  }
  // The party on the Vietnamese side of the crossing is established in Vietnam.
  const domestic = c.type === 'import' ? 'importer' : c.type === 'export' ? 'exporter' : null;
  const country = domestic ? c.parties![domestic]?.country : undefined;
  if (domestic && country && isCountryCode(country) && country !== 'VN') {
    p.add(`/parties/${domestic}/country`, 'PARTY_COUNTRY_MISMATCH', `the ${domestic} of an ${c.type} declaration is established in VN`);
  }
}

/** Why a tax id is not valid for its country, or null. VN and CN ids carry check digits. */
export function taxIdProblem(country: string, taxId: string): string | null {
  if (country === 'VN') return isValidVietnameseTaxCode(taxId) ? null : 'is not a valid Vietnamese tax code (10 digits with a valid check digit, optional -NNN branch)';
  if (country === 'CN') return isValidChineseCreditCode(taxId) ? null : 'is not a valid Chinese Unified Social Credit Code (18 characters with a valid check character)';
  return /^[A-Za-z0-9./-]{1,35}$/.test(taxId) ? null : 'must be 1 to 35 letters, digits, dots, slashes or dashes';
}

function validateConsignment(c: DeclarationContent, p: Problems): void {
  const transport = c.consignment?.transport;
  if (p.present('/consignment/transport/tractorPlate', transport?.tractorPlate)) {
    const plate = parsePlate(transport!.tractorPlate!);
    if (!plate) p.add('/consignment/transport/tractorPlate', 'PLATE_INVALID', 'is not a Vietnamese (29C-123.45) or Chinese (桂A12345) plate');
    else if (plate.trailer) p.add('/consignment/transport/tractorPlate', 'PLATE_IS_TRAILER', 'is a trailer plate; give it as trailerPlate');
  }
  if (transport?.trailerPlate !== undefined && transport.trailerPlate !== '' && !parsePlate(transport.trailerPlate)) {
    p.add('/consignment/transport/trailerPlate', 'PLATE_INVALID', 'is not a Vietnamese (29R-012.34) or Chinese (桂A1234挂) plate');
  }
  const seen = new Map<string, number>();
  (c.consignment?.equipment ?? []).forEach((e, i) => {
    const at = `/consignment/equipment/${i}/containerNumber`;
    if (!p.present(at, e.containerNumber)) return;
    const number = normalizeContainerNumber(e.containerNumber!);
    const problem = containerNumberProblem(number);
    if (problem === 'format') p.add(at, 'CONTAINER_FORMAT', 'is not an ISO 6346 container number (4 letters ending in U, J or Z, then 7 digits)');
    else if (problem === 'check_digit') p.add(at, 'CONTAINER_CHECK_DIGIT', 'has a wrong ISO 6346 check digit');
    const first = seen.get(number);
    if (first !== undefined) p.add(at, 'CONTAINER_DUPLICATE', `repeats /consignment/equipment/${first}`);
    else seen.set(number, i);
  });
}

function validateGoodsItem(g: DraftGoodsItem, at: string, ctx: ValidationContext, p: Problems): void {
  if (p.present(`${at}/hsCode`, g.hsCode)) {
    if (!/^\d{8}$/.test(g.hsCode!)) p.add(`${at}/hsCode`, 'HS_CODE_FORMAT', 'is not an 8-digit tariff line');
    else if (!ctx.knownSubheading(g.hsCode!.slice(0, 6))) p.add(`${at}/hsCode`, 'HS_CODE_UNKNOWN', `HS 2022 subheading ${g.hsCode!.slice(0, 6)} is not in the loaded tariff`);
  }
  p.present(`${at}/description`, g.description);
  if (p.present(`${at}/originCountry`, g.originCountry)) checkCountry(p, `${at}/originCountry`, g.originCountry!);
  if (p.present(`${at}/quantity`, g.quantity) && !(g.quantity! > 0)) p.add(`${at}/quantity`, 'QUANTITY_NOT_POSITIVE', 'must be greater than 0');
  if (p.present(`${at}/unit`, g.unit) && !isUnitCode(g.unit!)) p.add(`${at}/unit`, 'UNIT_INVALID', 'is not a UN/ECE Rec 20 unit code the platform accepts (KGM, TNE, NAR, …)');
  const gross = massOk(p, `${at}/grossMassKg`, g.grossMassKg);
  const net = massOk(p, `${at}/netMassKg`, g.netMassKg);
  if (gross && net && g.netMassKg! > g.grossMassKg!) p.add(`${at}/netMassKg`, 'NET_MASS_EXCEEDS_GROSS', `must not exceed the gross mass (${g.grossMassKg} kg)`);
  if (p.present(`${at}/customsValue`, g.customsValue)) {
    const v = g.customsValue!;
    if (p.present(`${at}/customsValue/amount`, v.amount) && !(v.amount! > 0)) p.add(`${at}/customsValue/amount`, 'VALUE_NOT_POSITIVE', 'must be greater than 0');
    if (p.present(`${at}/customsValue/currency`, v.currency) && !isCurrencyCode(v.currency!)) p.add(`${at}/customsValue/currency`, 'CURRENCY_INVALID', 'is not an ISO 4217 currency code');
  }
}

function massOk(p: Problems, at: string, value: number | undefined): boolean {
  if (!p.present(at, value)) return false;
  if (value! > 0) return true;
  p.add(at, 'MASS_NOT_POSITIVE', 'must be greater than 0');
  return false;
}

function checkCountry(p: Problems, at: string, value: string): boolean {
  if (isCountryCode(value)) return true;
  p.add(at, 'COUNTRY_INVALID', 'is not an ISO 3166-1 alpha-2 country code');
  return false;
}

/** Canonical spellings: plates, container numbers and codes upper-cased, text trimmed. */
export function normalizeContent(c: DeclarationContent): DeclarationContent {
  const trim = (s: string | undefined) => (typeof s === 'string' ? s.trim() : s);
  const party = (x: Partial<Party> | undefined) => x && { ...x, name: trim(x.name), taxId: trim(x.taxId)?.toUpperCase(), country: trim(x.country)?.toUpperCase(), address: trim(x.address) };
  const plate = (s: string | undefined) => (s ? parsePlate(s)?.normalized ?? s.trim() : s);
  const t = c.consignment?.transport;
  return {
    ...c,
    localReference: trim(c.localReference),
    parties: c.parties && { importer: party(c.parties.importer), exporter: party(c.parties.exporter), declarant: party(c.parties.declarant) },
    consignment: c.consignment && {
      transport: t && { ...t, tractorPlate: plate(t.tractorPlate), trailerPlate: plate(t.trailerPlate), driverName: trim(t.driverName), driverDocument: trim(t.driverDocument) },
      equipment: c.consignment.equipment?.map((e) => ({ ...e, containerNumber: e.containerNumber ? normalizeContainerNumber(e.containerNumber) : e.containerNumber, sealNumbers: e.sealNumbers?.map((s) => s.trim()) })),
    },
    goods: c.goods?.map((g) => ({
      ...g,
      hsCode: trim(g.hsCode)?.replace(/\./g, ''),
      description: trim(g.description),
      originCountry: trim(g.originCountry)?.toUpperCase(),
      unit: trim(g.unit)?.toUpperCase(),
      customsValue: g.customsValue && { ...g.customsValue, currency: trim(g.customsValue.currency)?.toUpperCase() },
    })),
  };
}
