/** Declarations the customs tests start from. */

/** A valid Chinese Unified Social Credit Code (check character computed per GB 32100-2015). */
export const CN_EXPORTER_USCC = '91450100MA5KB1234J';
/** The tax code of the demo enterprise of `declarant` (Móng Cái). */
export const VN_IMPORTER_TAX = '5700100256';

/** A complete import of apples from China through Móng Cái, arriving a day after `now`. */
export function validDeclaration(now: Date, overrides: Record<string, unknown> = {}) {
  return {
    localReference: 'MC-2026-0001',
    type: 'import',
    direction: 'inbound',
    borderGate: 'VN-MONGCAI',
    expectedArrival: new Date(now.getTime() + 24 * 3_600_000).toISOString(),
    parties: {
      importer: { name: 'Công ty TNHH Xuất nhập khẩu Nông sản Móng Cái', taxId: VN_IMPORTER_TAX, country: 'VN' },
      exporter: { name: '广西东兴果蔬进出口有限公司', taxId: CN_EXPORTER_USCC, country: 'CN' },
      declarant: { name: 'Công ty TNHH Xuất nhập khẩu Nông sản Móng Cái', taxId: VN_IMPORTER_TAX, country: 'VN' },
    },
    consignment: {
      transport: { tractorPlate: '桂A12345', trailerPlate: '桂A1234挂', driverName: 'Wang Wei', driverDocument: 'E12345678' },
      equipment: [{ containerNumber: 'CSQU3054383', sealNumbers: ['CN1234567'] }],
    },
    goods: [
      {
        hsCode: '08081000', description: 'Fresh apples, Fuji, in cartons', originCountry: 'CN', quantity: 20000, unit: 'KGM',
        grossMassKg: 21500, netMassKg: 20000, customsValue: { amount: 18000, currency: 'USD' }, preferenceCertificate: 'E263200012345',
      },
    ],
    ...overrides,
  };
}
