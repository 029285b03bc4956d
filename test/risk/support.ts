// Small synthetic KCS-shaped data for the risk tests: fraud is likelier for some HS chapters,
// origins and importers, and for high unit values, so a model has something real to learn.
import type { KcsDeclaration } from '../../src/modules/risk/index.ts';
import { seededRng } from '../../src/modules/risk/rng.ts';

export const KCS_HEADER = [
  'Declaration ID', 'Date', 'Office ID', 'Process Type', 'Import Type', 'Import Use', 'Payment Type', 'Mode of Transport',
  'Declarant ID', 'Importer ID', 'Seller ID', 'Courier ID', 'HS6 Code', 'Country of Departure', 'Country of Origin',
  'Tax Rate', 'Tax Type', 'Country of Origin Indicator', 'Net Mass', 'Item Price', 'Fraud', 'Critical Fraud',
];

/** `n` declarations over `days` days from 2020-01-01, deterministic in `seed`. */
export function syntheticDeclarations(n: number, seed: number, days = 60): KcsDeclaration[] {
  const rng = seededRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.below(xs.length)]!;
  const hs = ['850440', '851712', '620342', '940350', '392690', '730890', '030487', '610910'];
  const countries = ['CN', 'VN', 'KR', 'JP', 'US', 'DE'];
  const out: KcsDeclaration[] = [];
  for (let i = 0; i < n; i++) {
    const day = Math.floor((i / n) * days);
    const date = new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10);
    const hsCode = pick(hs);
    const origin = pick(countries);
    const importer = `IMP${rng.below(40)}`;
    const mass = Math.round(1 + rng.next() * 1000);
    const unit = Math.exp(rng.next() * 6);
    const risky = (hsCode.startsWith('85') ? 1.5 : 0) + (origin === 'CN' ? 0.8 : 0) + (importer < 'IMP2' ? 0.7 : 0) + (unit > 100 ? 1 : 0) - 2;
    const fraud = rng.next() < 1 / (1 + Math.exp(-2 * risky)) ? 1 : 0;
    out.push({
      id: String(10_000_000 + i), date, office: pick(['20', '30', '40']), processType: 'B', importType: pick(['11', '94']),
      importUse: '21', paymentType: pick(['11', '43']), transportMode: pick(['10', '40']), declarant: `DEC${rng.below(10)}`, importer,
      seller: rng.next() < 0.1 ? '' : `SEL${rng.below(60)}`, courier: rng.next() < 0.8 ? '' : `COU${rng.below(4)}`, hsCode,
      departureCountry: origin, originCountry: origin, taxRate: pick([0, 5, 8, 10]), taxType: pick(['A', 'C', 'FCN1']),
      originIndicator: pick(['Y', 'E', 'G']), netMassKg: mass, itemPrice: Math.round(mass * unit * 100) / 100,
      fraud: fraud as 0 | 1, criticalFraud: (fraud && rng.next() < 0.1 ? 2 : fraud) as 0 | 1 | 2,
    });
  }
  return out;
}

/** The declarations as a KCS CSV file. */
export function toKcsCsv(rows: readonly KcsDeclaration[]): string {
  const lines = rows.map((d) => [
    d.id, d.date, d.office, d.processType, d.importType, d.importUse, d.paymentType, d.transportMode, d.declarant, d.importer,
    d.seller, d.courier, d.hsCode, d.departureCountry, d.originCountry, d.taxRate, d.taxType, d.originIndicator, d.netMassKg,
    d.itemPrice, d.fraud ?? 0, d.criticalFraud ?? 0,
  ].join(','));
  return [KCS_HEADER.join(','), ...lines].join('\n') + '\n';
}
