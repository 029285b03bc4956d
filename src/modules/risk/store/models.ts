import { typed, type Executor } from '../../../infra/db/index.ts';
import { iso, json, type ModelRow, type Tables } from './tables.ts';

/** A registered model without its file. */
export interface ModelEntry {
  id: string;
  version: number;
  format: string;
  featureSet: string;
  source: 'trained' | 'imported';
  status: 'candidate' | 'active' | 'retired';
  createdAt: string;
  createdBy: { id: string; name: string };
  note: string;
  metrics: Record<string, unknown>;
  sha256: string;
  activatedAt: string | null;
  activatedBy: string | null;
}

const toEntry = (r: Omit<ModelRow, 'body'>): ModelEntry => ({
  id: r.id, version: r.version, format: r.format, featureSet: r.feature_set, source: r.source as ModelEntry['source'], status: r.status as ModelEntry['status'],
  createdAt: iso(r.created_at), createdBy: { id: r.created_by_id, name: r.created_by_name }, note: r.note, metrics: r.metrics as Record<string, unknown>,
  sha256: r.sha256, activatedAt: r.activated_at ? iso(r.activated_at) : null, activatedBy: r.activated_by,
});
const COLUMNS = ['id', 'version', 'format', 'feature_set', 'source', 'status', 'created_at', 'created_by_id', 'created_by_name', 'note', 'metrics', 'sha256', 'activated_at', 'activated_by'] as const;

/** The model registry: files with their metrics and status; at most one active. */
export const models = {
  async insert(x: Executor, e: ModelEntry, body: string): Promise<void> {
    await typed<Tables>(x).insertInto('risk.models').values({
      id: e.id, version: e.version, format: e.format, feature_set: e.featureSet, source: e.source, status: e.status, created_at: new Date(e.createdAt),
      created_by_id: e.createdBy.id, created_by_name: e.createdBy.name, note: e.note, metrics: json(e.metrics), sha256: e.sha256, body,
      activated_at: null, activated_by: null,
    }).execute();
  },
  async nextVersion(x: Executor): Promise<number> {
    const r = await typed<Tables>(x).selectFrom('risk.models').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
    return Number(r?.v ?? 0) + 1;
  },
  /** Every model, newest first. */
  async list(x: Executor): Promise<ModelEntry[]> {
    return (await typed<Tables>(x).selectFrom('risk.models').select(COLUMNS).orderBy('version', 'desc').execute()).map(toEntry);
  },
  async byId(x: Executor, id: string): Promise<{ entry: ModelEntry; body: string } | null> {
    const r = await typed<Tables>(x).selectFrom('risk.models').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? { entry: toEntry(r), body: r.body } : null;
  },
  async active(x: Executor): Promise<{ entry: ModelEntry; body: string } | null> {
    const r = await typed<Tables>(x).selectFrom('risk.models').selectAll().where('status', '=', 'active').executeTakeFirst();
    return r ? { entry: toEntry(r), body: r.body } : null;
  },
  async activeId(x: Executor): Promise<string | null> {
    const r = await typed<Tables>(x).selectFrom('risk.models').select('id').where('status', '=', 'active').executeTakeFirst();
    return r?.id ?? null;
  },
  /** Retires the active model (if any) and activates `id`. */
  async activate(x: Executor, id: string, at: Date, by: string): Promise<void> {
    const db = typed<Tables>(x);
    await db.updateTable('risk.models').set({ status: 'retired' }).where('status', '=', 'active').execute();
    await db.updateTable('risk.models').set({ status: 'active', activated_at: at, activated_by: by }).where('id', '=', id).execute();
  },
  async retire(x: Executor, id: string): Promise<void> {
    await typed<Tables>(x).updateTable('risk.models').set({ status: 'retired' }).where('id', '=', id).execute();
  },
};
