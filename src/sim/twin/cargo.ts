/**
 * The trucks of a twin day as declarants declare them: plate, driver, container, goods and
 * parties, drawn from seeded streams. Shared by the platform mode and the live twin.
 */
import type { Rng } from '../../infra/random/index.ts';
import { iso6346CheckDigit } from '../../modules/gate/index.ts';
// The gate's documented OCR noise model (docs/gate.md); gate's index does not export it because
// only the matcher's measurement and the twin generate plates.
import { randomPlate } from '../../modules/gate/noise.ts';

/** A Chinese Unified Social Credit Code with a valid check character (the partner-side party). */
const CN_PARTY = { name: '广西东兴果蔬进出口有限公司', taxId: '91450100MA5KB1234J', country: 'CN' };

/** What one kind of goods looks like on a declaration. */
interface GoodsKind {
  hsCode: string;
  description: string;
  perishable: boolean;
  netKg: [number, number];
}

const GOODS: Record<string, GoodsKind> = {
  fruit: { hsCode: '08109010', description: 'Fresh longans in cartons', perishable: true, netKg: [12_000, 24_000] },
  general: { hsCode: '84713020', description: 'Laptops and notebook computers, boxed', perishable: false, netKg: [4_000, 12_000] },
  machinery: { hsCode: '84295200', description: 'Excavators with a 360-degree revolving superstructure', perishable: false, netKg: [18_000, 28_000] },
};

/** Goods of a scenario class; unknown classes are general cargo (perishable when the flow has priority). */
function goodsOf(goodsClass: string, priority: boolean): GoodsKind {
  return GOODS[goodsClass] ?? (priority ? GOODS.fruit! : GOODS.general!);
}

/** One truck of the twin as the platform knows it, filled in as the day goes. */
export interface TwinTruck {
  /** Position in the day's demand (0-based). */
  n: number;
  direction: 'import' | 'export';
  goodsClass: string;
  perishable: boolean;
  plate: string;
  driver: { name: string; document: string };
  /** Measured on the weighbridge: goods plus the tractor-trailer's tare (always under the 48 t limit). */
  grossKg: number;
  /** Which demo declarant declares it (two enterprises take turns). */
  declarant: 'declarant' | 'declarant2';
  /** The declaration body (customs' `DeclarationBody`) for an arrival at `expectedArrival`. */
  declaration(expectedArrival: Date, gate: string): Record<string, unknown>;
  declarationId?: string;
  channel?: 'green' | 'yellow' | 'red';
  bookingId?: string;
  journeyId?: string;
}

const DRIVERS = ['Wang Wei', 'Li Na', 'Zhang Wei', 'Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Liu Yang', 'Phạm Văn Dũng'];
const ENTERPRISES = {
  declarant: { name: 'Công ty TNHH Xuất nhập khẩu Nông sản Móng Cái', taxId: '5700100256', country: 'VN' },
  declarant2: { name: 'Công ty CP Logistics Biên giới Lạng Sơn', taxId: '4900101569', country: 'VN' },
} as const;

/** Draws truck `n` of the day; `used` keeps plates unique within the day. */
export function drawTruck(rng: Rng, n: number, direction: 'import' | 'export', goodsClass: string, priority: boolean, used: Set<string>, tag: string): TwinTruck {
  let plate = randomPlate(rng);
  while (used.has(plate)) plate = randomPlate(rng);
  used.add(plate);
  const goods = goodsOf(goodsClass, priority);
  const net = goods.netKg[0] + rng.below(goods.netKg[1] - goods.netKg[0]);
  const gross = Math.round(net * 1.06);
  const owner = 'CSQU';
  const serial = String(100_000 + rng.below(900_000));
  const container = `${owner}${serial}${iso6346CheckDigit(`${owner}${serial}`)}`;
  const document = `E${String(10_000_000 + rng.below(89_999_999))}`;
  const driver = { name: rng.pick(DRIVERS), document };
  const declarant = n % 2 === 0 ? 'declarant' : 'declarant2';
  const ours = ENTERPRISES[declarant];
  return {
    n, direction, goodsClass, perishable: goods.perishable, plate, driver, grossKg: gross + 15_000 + rng.below(2_000), declarant,
    declaration(expectedArrival, gate) {
      return {
        localReference: `TWIN-${tag}-${String(n).padStart(5, '0')}`,
        type: direction,
        direction: direction === 'import' ? 'inbound' : 'outbound',
        borderGate: gate,
        expectedArrival: expectedArrival.toISOString(),
        parties: direction === 'import' ? { importer: ours, exporter: CN_PARTY, declarant: ours } : { importer: CN_PARTY, exporter: ours, declarant: ours },
        consignment: {
          transport: { tractorPlate: plate, driverName: driver.name, driverDocument: driver.document },
          equipment: [{ containerNumber: container, sealNumbers: [`CN${String(1_000_000 + n)}`] }],
        },
        goods: [{
          hsCode: goods.hsCode, description: goods.description, originCountry: direction === 'import' ? 'CN' : 'VN', quantity: net, unit: 'KGM',
          grossMassKg: gross, netMassKg: net, customsValue: { amount: Math.round(net * (goods.perishable ? 0.9 : 3)), currency: 'USD' },
        }],
      };
    },
  };
}
