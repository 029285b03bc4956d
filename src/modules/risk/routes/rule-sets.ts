import { Type } from 'typebox';
import { contextOf, requireRole, type HttpApp } from '../../../infra/http/index.ts';
import type { RuleSet } from '../engine/rule-set.ts';
import { RuleSetBody, VersionParams } from '../schema.ts';
import { RISK_EDITORS, RISK_READERS, type RiskServices } from './context.ts';

const tags = ['risk: rules'];

/** A rule-set version as the API shows it. */
export const RuleSetView = Type.Object({
  id: Type.String(), version: Type.Integer(), effectiveFrom: Type.String(), publishedAt: Type.String(),
  publishedBy: Type.Object({ id: Type.String(), name: Type.String() }), note: Type.String(),
  rules: Type.Unknown({ description: 'every rule setting of this version (docs/risk.md)' }),
});

/** Shapes a rule set for the API. */
export function presentRuleSet(s: RuleSet) {
  return { id: s.id, version: s.version, effectiveFrom: s.effectiveFrom, publishedAt: s.publishedAt, publishedBy: s.publishedBy, note: s.note, rules: s.config };
}

/** Rule-set versions under /api/risk/rule-sets. */
export function ruleSetRoutes(s: RiskServices) {
  return async (app: HttpApp) => {
    const read = requireRole(...RISK_READERS);
    app.get('', { schema: { tags, summary: 'Every rule-set version, newest first', response: { 200: Type.Object({ items: Type.Array(RuleSetView) }) } }, preHandler: read }, async () => ({
      items: (await s.ruleSets.list()).map(presentRuleSet),
    }));
    app.get('/current', { schema: { tags, summary: 'The rule-set version in force now', response: { 200: RuleSetView } }, preHandler: read }, async () =>
      presentRuleSet(await s.ruleSets.inForce()));
    app.get('/:version', { schema: { tags, summary: 'One rule-set version', params: VersionParams, response: { 200: RuleSetView } }, preHandler: read }, async (req) =>
      presentRuleSet(await s.ruleSets.byVersion(req.params.version)));
    app.post('', {
      schema: { tags, summary: 'Publish the next version: the sections sent replace those of the latest version (supervisor; audited)', body: RuleSetBody, response: { 201: RuleSetView } },
      preHandler: requireRole(...RISK_EDITORS),
    }, async (req, reply) => reply.status(201).send(presentRuleSet(await s.ruleSets.publish(contextOf(req), req.body))));
  };
}
