import { typed, type Executor } from '../../../infra/db/index.ts';
import type { ChannelTargets, Thresholds } from '../engine/calibrate.ts';
import { iso, json, type CalibrationRow, type Tables } from './tables.ts';

/** A stored calibration. */
export interface Calibration {
  id: string;
  createdAt: string;
  createdBy: { id: string; name: string };
  ruleSetId: string;
  modelId: string | null;
  targets: ChannelTargets;
  thresholds: Thresholds;
  achieved: { red: number; yellow: number; green: number };
  rows: number;
  from: string;
  to: string;
  notes: string[];
}

const toCalibration = (r: CalibrationRow): Calibration => ({
  id: r.id, createdAt: iso(r.created_at), createdBy: { id: r.created_by_id, name: r.created_by_name }, ruleSetId: r.rule_set_id, modelId: r.model_id,
  targets: r.targets as ChannelTargets, thresholds: r.thresholds as Thresholds, achieved: r.achieved as Calibration['achieved'], rows: r.rows,
  from: iso(r.window_from), to: iso(r.window_to), notes: r.notes as string[],
});

/** Calibrations: the newest one for the active model is in use. */
export const calibrations = {
  async insert(x: Executor, c: Calibration): Promise<void> {
    await typed<Tables>(x).insertInto('risk.calibrations').values({
      id: c.id, created_at: new Date(c.createdAt), created_by_id: c.createdBy.id, created_by_name: c.createdBy.name, rule_set_id: c.ruleSetId,
      model_id: c.modelId, targets: json(c.targets), thresholds: json(c.thresholds), achieved: json(c.achieved), rows: c.rows,
      window_from: new Date(c.from), window_to: new Date(c.to), notes: json(c.notes),
    }).execute();
  },
  /** The newest calibration made for this model (null: for rules only). */
  async latestFor(x: Executor, modelId: string | null): Promise<Calibration | null> {
    let q = typed<Tables>(x).selectFrom('risk.calibrations').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1);
    q = modelId === null ? q.where('model_id', 'is', null) : q.where('model_id', '=', modelId);
    const r = await q.executeTakeFirst();
    return r ? toCalibration(r) : null;
  },
  async byId(x: Executor, id: string): Promise<Calibration | null> {
    const r = await typed<Tables>(x).selectFrom('risk.calibrations').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toCalibration(r) : null;
  },
};
