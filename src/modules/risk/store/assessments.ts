import { sql, typed, type Executor } from '../../../infra/db/index.ts';
import type { AssessmentResult } from '../engine/assess.ts';
import type { AssessmentInput } from '../engine/context.ts';
import { iso, json, type AssessmentRow, type Tables } from './tables.ts';

/** An assessment as stored: its input, its result and the hash of the result at the time. */
export interface StoredAssessment {
  id: string;
  declarationId: string;
  version: number;
  assessedAt: string;
  ruleSetId: string;
  modelId: string | null;
  calibrationId: string | null;
  score: number;
  channel: string;
  input: AssessmentInput;
  result: AssessmentResult;
  resultSha256: string;
  /** True once customs recorded this assessment's channel (not a stale one discarded after an amendment). */
  applied: boolean;
}

/** A unit value to remember for later references. */
export interface ItemValue {
  hs8: string;
  hs6: string;
  origin: string;
  measure: string;
  logValue: number;
}

const toStored = (r: AssessmentRow): StoredAssessment => ({
  id: r.id, declarationId: r.declaration_id, version: r.declaration_version, assessedAt: iso(r.assessed_at), ruleSetId: r.rule_set_id,
  modelId: r.model_id, calibrationId: r.calibration_id, score: Number(r.score), channel: r.channel, input: r.input as AssessmentInput,
  result: r.result as AssessmentResult, resultSha256: r.result_sha256, applied: r.applied,
});

/** Assessments and the history they add to. */
export const assessments = {
  /**
   * Stores an assessment, replaces the declaration's unit values (an amendment supersedes the
   * earlier version's) and counts the declaration under each of its history keys.
   */
  async insert(x: Executor, a: Omit<StoredAssessment, 'applied'>, items: ItemValue[], keys: string[]): Promise<void> {
    const db = typed<Tables>(x);
    await db.insertInto('risk.assessments').values({
      id: a.id, declaration_id: a.declarationId, declaration_version: a.version, assessed_at: new Date(a.assessedAt), importer_tax_id: a.input.declaration.importer.taxId,
      rule_set_id: a.ruleSetId, model_id: a.modelId, calibration_id: a.calibrationId, score: a.score, channel: a.channel, input: json(a.input),
      result: json(a.result), result_sha256: a.resultSha256, keys: json(keys), applied: false,
    }).execute();
    await db.deleteFrom('risk.item_values').where('declaration_id', '=', a.declarationId).execute();
    if (items.length) {
      await db.insertInto('risk.item_values').values(items.map((i) => ({
        assessment_id: a.id, declaration_id: a.declarationId, hs8: i.hs8, hs6: i.hs6, origin: i.origin, measure: i.measure, log_value: i.logValue,
        assessed_at: new Date(a.assessedAt), excluded: false,
      }))).execute();
    }
    // Sorted, so concurrent assessments lock shared counters in the same order (no deadlock).
    const all = [...new Set([...keys, 'global'])].sort();
    await db.insertInto('risk.key_stats').values(all.map((key) => ({ key, declarations: 1, inspections: 0, hits: 0 })))
      .onConflict((oc) => oc.column('key').doUpdateSet({ declarations: sql<number>`key_stats.declarations + 1` })).execute();
  },
  async byId(x: Executor, id: string): Promise<StoredAssessment | null> {
    const r = await typed<Tables>(x).selectFrom('risk.assessments').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toStored(r) : null;
  },
  /** A declaration's assessments, newest first. */
  async ofDeclaration(x: Executor, declarationId: string): Promise<StoredAssessment[]> {
    const rows = await typed<Tables>(x).selectFrom('risk.assessments').selectAll().where('declaration_id', '=', declarationId)
      .orderBy('assessed_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toStored);
  },
  /** The latest assessment of one declaration version. */
  async latestOf(x: Executor, declarationId: string, version: number): Promise<{ id: string; keys: string[] } | null> {
    const r = await typed<Tables>(x).selectFrom('risk.assessments').select(['id', 'keys']).where('declaration_id', '=', declarationId)
      .where('declaration_version', '=', version).orderBy('assessed_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return r ? { id: r.id, keys: r.keys as string[] } : null;
  },
  async markApplied(x: Executor, id: string): Promise<void> {
    await typed<Tables>(x).updateTable('risk.assessments').set({ applied: true }).where('id', '=', id).execute();
  },
  /** Inputs of the newest `limit` assessments in a window, oldest first, the latest per declaration version. */
  async inputsBetween(x: Executor, from: Date, to: Date, limit: number): Promise<AssessmentInput[]> {
    const rows = await typed<Tables>(x).selectFrom('risk.assessments').select(['declaration_id', 'declaration_version', 'input'])
      .where('assessed_at', '>=', from).where('assessed_at', '<=', to).orderBy('assessed_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    const latest = new Map<string, AssessmentInput>();
    for (const r of rows.reverse()) latest.set(`${r.declaration_id}|${r.declaration_version}`, r.input as AssessmentInput);
    return [...latest.values()];
  },
  /** Scores in a window for the drift report (of one model, or of rules only with null). */
  async scoresSince(x: Executor, from: Date, modelId: string | null): Promise<Array<{ at: Date; score: number }>> {
    let q = typed<Tables>(x).selectFrom('risk.assessments').select(['assessed_at', 'score']).where('assessed_at', '>=', from);
    q = modelId === null ? q.where('model_id', 'is', null) : q.where('model_id', '=', modelId);
    return (await q.orderBy('assessed_at').execute()).map((r) => ({ at: new Date(r.assessed_at), score: Number(r.score) }));
  },
  /** Every labelled assessment: what it saw and what the inspection found. */
  async labelled(x: Executor): Promise<Array<{ input: AssessmentInput; label: 0 | 1 }>> {
    const rows = await typed<Tables>(x).selectFrom('risk.labels as l').innerJoin('risk.assessments as a', 'a.id', 'l.assessment_id')
      .select(['a.input', 'l.label']).orderBy('a.assessed_at').orderBy('a.id').execute();
    return rows.map((r) => ({ input: r.input as AssessmentInput, label: r.label === 1 ? 1 : 0 }));
  },
};
