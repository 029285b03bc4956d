// A simulated labelled history of Borderflow declarations, built the way the engine builds it:
// each declaration is assessed against the counters of everything before it, then its inspection
// result is counted. Some importers and one HS line are riskier, and undervalued lines more so,
// so that a model has something real to learn.
import { historyKeys, type AssessmentInput, type KeyHistory, type LabelledAssessment } from '../../src/modules/risk/index.ts';
import { seededRng } from '../../src/modules/risk/rng.ts';
import { appleContent, inputOf, snapshot } from './fixtures.ts';

const IMPORTERS = Array.from({ length: 30 }, (_, i) => `0100${String(100000 + i * 37).slice(0, 6)}`);
const LINES = [
  { hs: '08081000', usdPerKg: 0.9 }, { hs: '08061000', usdPerKg: 1.6 }, { hs: '07019000', usdPerKg: 0.3 }, { hs: '85171300', usdPerKg: 180 },
];

/** `n` labelled assessment inputs, one a few hours apart from 2026-01-01, deterministic in `seed`. */
export function simulateHistory(n: number, seed: number): LabelledAssessment[] {
  const rng = seededRng(seed);
  const keys = new Map<string, KeyHistory>();
  const global: KeyHistory = { declarations: 0, inspections: 0, hits: 0 };
  const lastSeen = new Map<string, { at: string; count: number }>();
  const out: LabelledAssessment[] = [];
  for (let i = 0; i < n; i++) {
    const at = new Date(Date.UTC(2026, 0, 1) + i * 3 * 3_600_000).toISOString();
    const imp = rng.below(IMPORTERS.length);
    const line = LINES[rng.below(LINES.length)]!;
    const undervalued = rng.next() < 0.15;
    const mass = 5000 + rng.below(20000);
    const usdPerKg = line.usdPerKg * Math.exp((rng.next() - 0.5) * 0.3) * (undervalued ? 0.35 : 1);
    const risk = 0.04 + (imp < 6 ? 0.45 : 0) + (line.hs === '85171300' ? 0.15 : 0) + (undervalued ? 0.35 : 0);
    const label = rng.next() < risk ? 1 : 0;
    const base = appleContent();
    const content = appleContent({
      parties: { ...base.parties, importer: { name: 'I', taxId: IMPORTERS[imp]!, country: 'VN' }, declarant: { name: 'I', taxId: IMPORTERS[imp]!, country: 'VN' } },
      goods: [{ ...base.goods![0]!, hsCode: line.hs, quantity: mass, netMassKg: mass, grossMassKg: Math.round(mass * 1.05), customsValue: { amount: Math.round(mass * usdPerKg), currency: 'USD' } }],
    });
    const d = snapshot(content, `decl_S${seed}_${i}`);
    const ks = historyKeys(d);
    const seen = lastSeen.get(d.importer.taxId);
    const input: AssessmentInput = inputOf(d, {
      global: { ...global },
      keys: Object.fromEntries(ks.filter((k) => keys.has(k)).map((k) => [k, { ...keys.get(k)! }])),
      importer: { previousDeclarations: seen?.count ?? 0, lastSeen: seen?.at ?? null },
    }, at);
    out.push({ input, label: label as 0 | 1 });
    for (const k of [...ks, '*']) {
      const h = k === '*' ? global : keys.get(k) ?? { declarations: 0, inspections: 0, hits: 0 };
      h.declarations++;
      h.inspections++;
      h.hits += label;
      if (k !== '*') keys.set(k, h);
    }
    lastSeen.set(d.importer.taxId, { at, count: (seen?.count ?? 0) + 1 });
  }
  return out;
}
