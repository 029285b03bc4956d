// Declarations, history and partner data the risk engine tests start from.
import type { Declaration, DeclarationContent } from '../../src/modules/customs/index.ts';
import {
  DEFAULT_RULE_CONFIG, emptyContext, mergeRuleConfig, snapshotOf, type AssessmentContext, type AssessmentInput, type DeclarationSnapshot,
  type RuleConfigPatch, type RuleSet,
} from '../../src/modules/risk/index.ts';

/** The tax codes of the demo enterprises (valid check digits). */
export const IMPORTER_MONGCAI = '5700100256';
export const IMPORTER_LANGSON = '4900101569';
export const CN_EXPORTER = '91450100MA5KB1234J';

/** A complete import of apples: 20 t at 0.90 USD/kg in one container, through Móng Cái. */
export function appleContent(overrides: Partial<DeclarationContent> = {}): DeclarationContent {
  return {
    localReference: 'MC-2026-0001', type: 'import', direction: 'inbound', borderGate: 'VN-MONGCAI', expectedArrival: '2026-11-24T08:00:00.000Z',
    parties: {
      importer: { name: 'Nông sản Móng Cái', taxId: IMPORTER_MONGCAI, country: 'VN' },
      exporter: { name: '东兴果蔬', taxId: CN_EXPORTER, country: 'CN' },
      declarant: { name: 'Nông sản Móng Cái', taxId: IMPORTER_MONGCAI, country: 'VN' },
    },
    consignment: { transport: { tractorPlate: '桂A12345', trailerPlate: '桂A1234挂' }, equipment: [{ containerNumber: 'CSQU3054383', sealNumbers: ['CN1'] }] },
    goods: [{
      hsCode: '08081000', description: 'Fresh apples', originCountry: 'CN', quantity: 20000, unit: 'KGM', grossMassKg: 21500, netMassKg: 20000,
      customsValue: { amount: 18000, currency: 'USD' }, preferenceCertificate: 'E2632000',
    }],
    ...overrides,
  };
}

/** A submitted customs declaration around some content. */
export function customsDeclaration(id: string, content: DeclarationContent = appleContent(), version = 1): Declaration {
  const at = new Date('2026-11-23T08:00:00Z');
  return {
    id, enterpriseId: 'ent_1', createdBy: 'usr_1', version, state: 'submitted', content, channel: null, riskScore: null, riskReasons: [], assessor: null,
    assignee: null, documentsAccepted: false, inspection: null, decisionReason: null, createdAt: at, updatedAt: at, submittedAt: at, assessedAt: null,
    releasedAt: null, closedAt: null,
  };
}

/** The snapshot of some content at the default rates. */
export function snapshot(content: DeclarationContent = appleContent(), id = 'decl_A', version = 1): DeclarationSnapshot {
  return snapshotOf(customsDeclaration(id, content, version), DEFAULT_RULE_CONFIG.currencyToUsd);
}

/** An assessment input: the snapshot with a history context (empty by default). */
export function inputOf(d: DeclarationSnapshot, context: Partial<AssessmentContext> = {}, assessedAt = '2026-11-23T08:00:00.000Z'): AssessmentInput {
  return { declarationId: d.declarationId, version: d.version, assessedAt, declaration: d, context: { ...emptyContext(), ...context } };
}

/** A stored-looking rule set over the defaults. */
export function ruleSetWith(patch: RuleConfigPatch = {}, version = 1): RuleSet {
  return {
    id: `rls_test${version}`, version, effectiveFrom: '2026-01-01T00:00:00.000Z', publishedAt: '2026-01-01T00:00:00.000Z',
    publishedBy: { id: 'usr_sup', name: 'supervisor' }, note: 'test', config: mergeRuleConfig(DEFAULT_RULE_CONFIG, patch),
  };
}

/** The defaults with random control off, so that a test's channel does not depend on a draw. */
export const NO_RANDOM: RuleConfigPatch = { randomControl: { rate: 0 } };

/** The partner's export data of the apple consignment, as the exchange module would hand it over. */
export function partnerApples(overrides: Record<string, unknown> = {}) {
  return {
    consignmentRef: 'CN-EXP-531020261123000042', source: 'CN-DONGXING', exporterTaxId: CN_EXPORTER, tractorPlate: '桂A12345', containers: ['CSQU3054383'],
    goods: [{ hsCode: '0808100000', netMassKg: 20000, grossMassKg: 21500, value: { amount: 126000, currency: 'CNY' }, quantity: 20000 }],
    ...overrides,
  };
}
