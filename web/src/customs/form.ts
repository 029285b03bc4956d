/**
 * The declaration form: what the inputs hold (strings, as typed) and how it maps to and from the
 * API's declaration content. The form's paths are the API's JSON pointers, so a problem the
 * server names at `/goods/0/hsCode` lands on the input for exactly that.
 */
import { fromVietnamInput, toVietnamInput } from './format.ts';
import type { DeclarationContent, GoodsContent, PartyContent } from './types.ts';

/** A party's inputs. */
export interface PartyForm {
  name: string;
  taxId: string;
  country: string;
  address: string;
}

/** A container's inputs; seals are typed as one comma-separated list. */
export interface ContainerForm {
  containerNumber: string;
  seals: string;
}

/** A goods item's inputs. */
export interface GoodsForm {
  hsCode: string;
  description: string;
  originCountry: string;
  quantity: string;
  unit: string;
  grossMassKg: string;
  netMassKg: string;
  amount: string;
  currency: string;
  preferenceCertificate: string;
}

/** The party roles of a declaration. */
export const PARTY_ROLES = ['importer', 'exporter', 'declarant'] as const;
/** A party role. */
export type PartyRole = (typeof PARTY_ROLES)[number];

/** Every input of the declaration form. `expectedArrival` is a `datetime-local` value in Vietnam time. */
export interface DeclarationForm {
  localReference: string;
  type: string;
  direction: string;
  borderGate: string;
  expectedArrival: string;
  parties: Record<PartyRole, PartyForm>;
  tractorPlate: string;
  trailerPlate: string;
  driverName: string;
  driverDocument: string;
  containers: ContainerForm[];
  goods: GoodsForm[];
}

/** An empty party. */
export const emptyParty = (): PartyForm => ({ name: '', taxId: '', country: '', address: '' });
/** An empty container line. */
export const emptyContainer = (): ContainerForm => ({ containerNumber: '', seals: '' });
/** An empty goods item. */
export const emptyGoods = (): GoodsForm => ({
  hsCode: '', description: '', originCountry: '', quantity: '', unit: '', grossMassKg: '', netMassKg: '', amount: '', currency: '', preferenceCertificate: '',
});

/** A blank declaration with one container and one goods item to fill in. */
export function emptyForm(): DeclarationForm {
  return {
    localReference: '', type: '', direction: '', borderGate: '', expectedArrival: '',
    parties: { importer: emptyParty(), exporter: emptyParty(), declarant: emptyParty() },
    tractorPlate: '', trailerPlate: '', driverName: '', driverDocument: '',
    containers: [emptyContainer()],
    goods: [emptyGoods()],
  };
}

const text = (s: string | undefined) => {
  const v = (s ?? '').trim();
  return v === '' ? undefined : v;
};
// Number inputs give '' for blank and for anything unparsable; both mean "not given".
const num = (s: string) => (s.trim() === '' || !Number.isFinite(Number(s)) ? undefined : Number(s));

function party(p: PartyForm): PartyContent {
  return { name: text(p.name), taxId: text(p.taxId), country: text(p.country)?.toUpperCase(), address: text(p.address) };
}

function goods(g: GoodsForm): GoodsContent {
  return {
    hsCode: text(g.hsCode), description: text(g.description), originCountry: text(g.originCountry)?.toUpperCase(),
    quantity: num(g.quantity), unit: text(g.unit), grossMassKg: num(g.grossMassKg), netMassKg: num(g.netMassKg),
    customsValue: { amount: num(g.amount), currency: text(g.currency)?.toUpperCase() },
    preferenceCertificate: text(g.preferenceCertificate),
  };
}

/**
 * The declaration content of the form. Blank inputs are left out; the nested objects are always
 * sent (even empty) so validation names each missing field rather than its whole group.
 */
export function toContent(f: DeclarationForm): DeclarationContent {
  return {
    localReference: text(f.localReference), type: text(f.type), direction: text(f.direction), borderGate: text(f.borderGate),
    expectedArrival: text(fromVietnamInput(f.expectedArrival)),
    parties: { importer: party(f.parties.importer), exporter: party(f.parties.exporter), declarant: party(f.parties.declarant) },
    consignment: {
      transport: { tractorPlate: text(f.tractorPlate), trailerPlate: text(f.trailerPlate), driverName: text(f.driverName), driverDocument: text(f.driverDocument) },
      equipment: f.containers.map((c) => ({
        containerNumber: text(c.containerNumber),
        sealNumbers: c.seals.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean),
      })),
    },
    goods: f.goods.map(goods),
  };
}

const str = (v: string | number | undefined) => (v === undefined ? '' : String(v));

function partyForm(p: PartyContent | undefined): PartyForm {
  return { name: str(p?.name), taxId: str(p?.taxId), country: str(p?.country), address: str(p?.address) };
}

/** The form showing a stored declaration's content. */
export function fromContent(c: DeclarationContent): DeclarationForm {
  const t = c.consignment?.transport;
  const equipment = c.consignment?.equipment ?? [];
  const items = c.goods ?? [];
  return {
    localReference: str(c.localReference), type: str(c.type), direction: str(c.direction), borderGate: str(c.borderGate),
    expectedArrival: toVietnamInput(c.expectedArrival),
    parties: { importer: partyForm(c.parties?.importer), exporter: partyForm(c.parties?.exporter), declarant: partyForm(c.parties?.declarant) },
    tractorPlate: str(t?.tractorPlate), trailerPlate: str(t?.trailerPlate), driverName: str(t?.driverName), driverDocument: str(t?.driverDocument),
    containers: equipment.length ? equipment.map((e) => ({ containerNumber: str(e.containerNumber), seals: (e.sealNumbers ?? []).join(', ') })) : [emptyContainer()],
    goods: items.length
      ? items.map((g) => ({
          hsCode: str(g.hsCode), description: str(g.description), originCountry: str(g.originCountry), quantity: str(g.quantity), unit: str(g.unit),
          grossMassKg: str(g.grossMassKg), netMassKg: str(g.netMassKg), amount: str(g.customsValue?.amount), currency: str(g.customsValue?.currency),
          preferenceCertificate: str(g.preferenceCertificate),
        }))
      : [emptyGoods()],
  };
}

/** The direction a declaration type implies (import comes in, export goes out), or null for transit. */
export function directionOf(type: string): string | null {
  if (type === 'import') return 'inbound';
  if (type === 'export') return 'outbound';
  return null;
}

/** The enterprise a declarant works for, as the identity API gives it. */
export interface EnterpriseParty {
  name: string;
  taxCode: string;
  country: string;
}

/** Fills a party with the declarant's enterprise, unless the user has already typed something there. */
export function withEnterprise(f: DeclarationForm, role: PartyRole, e: EnterpriseParty | null): DeclarationForm {
  const p = f.parties[role];
  if (!e || p.name || p.taxId || p.country) return f;
  return { ...f, parties: { ...f.parties, [role]: { ...p, name: e.name, taxId: e.taxCode, country: e.country } } };
}
