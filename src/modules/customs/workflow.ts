import type { Actor, RequestContext } from '../../infra/auth/index.ts';
import { canonicalJson, sha256Hex, type SigningKey } from '../../infra/crypto/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { AppError } from '../../infra/errors/index.ts';
import type { UnitOfWork, Write } from '../../infra/events/index.ts';
import { customsError } from './errors.ts';
import { decide, type Command, type Refusal, type Transition } from './lifecycle.ts';
import type { ActorRef, Declaration } from './model.ts';
import { declarationPolicy } from './policies.ts';
import { buildReleaseNotice, releaseKeyId, signReleaseNotice } from './release-notice.ts';
import { notices } from './store/documents.ts';
import { declarations, timeline } from './store/declarations.ts';

/** How one transition is authorised and what it writes besides the declaration. */
export interface TransitionSpec {
  /** Throws (or returns an error) when this actor may not give the command; visibility is checked first. */
  authorize(actor: Actor, d: Declaration): AppError | null;
  /** The command, built from the locked declaration (e.g. validating amended content against it). */
  command(d: Declaration, w: Write): Command | Promise<Command>;
  /** More writes in the same transaction (a version row, …). */
  after?(w: Write, t: Transition): Promise<void>;
  /** More data for the event (e.g. the duty estimate of a submitted version). */
  eventData?(): Record<string, unknown>;
}

/** The actor as the timeline records it. */
export function actorRef(actor: Actor | null): ActorRef {
  if (!actor) return { id: 'system', name: 'system', role: 'system' };
  return { id: actor.id, name: actor.name, role: actor.kind === 'system' ? 'system' : actor.roles.join(',') };
}

/** The problem for a refused transition: its code, and the state it was refused in. */
export function refusalError(r: Refusal): AppError {
  const errors = r.code === 'CUSTOMS_FINDINGS_REQUIRED' ? [{ pointer: '/findings', code: 'FIELD_REQUIRED', message: r.message }] : undefined;
  return customsError(r.code, r.message, errors, { state: r.state });
}

/**
 * The one way a declaration changes: lock the row, check who may see and act, decide (pure),
 * then write the declaration, a timeline entry, the event and the audit record together. A
 * release also signs and stores the release notice in the same transaction.
 */
export class Workflow {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly releaseKey: SigningKey,
  ) {}

  /** Runs one command against a stored declaration. */
  async run(ctx: RequestContext, id: string, spec: TransitionSpec): Promise<Declaration> {
    return this.uow.run(ctx, async (w) => {
      const d = await declarations.byId(w.tx, id, true);
      if (!d || (ctx.actor && ctx.actor.kind !== 'system' && !declarationPolicy.read(ctx.actor, d))) throw notFound(id);
      if (ctx.actor && ctx.actor.kind !== 'system') {
        const denied = spec.authorize(ctx.actor, d);
        if (denied) throw denied;
      }
      const decision = decide(d, await spec.command(d, w), actorRef(ctx.actor), w.now);
      if (!decision.ok) throw refusalError(decision.refusal);
      await declarations.update(w.tx, decision.value.declaration);
      await this.record(w, decision.value, ctx.actor, spec.eventData?.());
      if (spec.after) await spec.after(w, decision.value);
      return decision.value.declaration;
    });
  }

  /** Writes a new declaration that was decided in memory (a draft, or created and submitted at once). */
  async insert(ctx: RequestContext, t: Transition | { declaration: Declaration; draft: true }, after?: (w: Write) => Promise<void>, eventData?: Record<string, unknown>): Promise<Declaration> {
    return this.uow.run(ctx, async (w) => {
      await declarations.insert(w.tx, t.declaration);
      if ('draft' in t) {
        const d = t.declaration;
        await timeline.append(w.tx, d.id, { at: w.now, actor: actorRef(ctx.actor), action: 'create_draft', from: null, to: 'draft', details: {} });
        w.emit({ type: 'declaration.drafted', subject: d.id, data: { declarationId: d.id, enterpriseId: d.enterpriseId, localReference: d.content.localReference ?? null } });
        w.audit({ action: 'declaration.create_draft', targetType: 'declaration', targetId: d.id });
      } else {
        await this.record(w, t, ctx.actor, eventData);
      }
      if (after) await after(w);
      return t.declaration;
    });
  }

  /** Timeline entry, event, audit record, and the signed notice of a release. */
  private async record(w: Write, t: Transition, actor: Actor | null, extra: Record<string, unknown> = {}): Promise<void> {
    const d = t.declaration;
    const data = { ...t.event.data, ...extra };
    // A new version names the SHA-256 of its canonical content (RFC 8785), which the ledger logs:
    // whoever holds the declaration as served can prove that this version was logged.
    if (t.event.type === 'declaration.submitted' || t.event.type === 'declaration.amended') data.contentSha256 = declarationContentSha256(d);
    if (d.state === 'released') {
      const keyId = releaseKeyId(this.releaseKey.publicKeyBase64);
      const by = actorRef(actor);
      const signed = signReleaseNotice(buildReleaseNotice(d, { id: by.id, name: by.name }, keyId), this.releaseKey.privateKey);
      await notices.insert(w.tx, d.id, signed, w.now);
      data.releaseNotice = { keyId, qr: signed.qr };
    }
    await timeline.append(w.tx, d.id, { at: w.now, actor: actorRef(actor), action: t.entry.action, from: t.entry.from, to: t.entry.to, details: t.entry.details });
    w.emit({ type: t.event.type, subject: d.id, data });
    w.audit({
      action: `declaration.${t.entry.action}`,
      targetType: 'declaration',
      targetId: d.id,
      details: { from: t.entry.from, to: t.entry.to, version: d.version, ...t.entry.details },
    });
  }
}

/** The one answer for a declaration that does not exist or is not the caller's to see. */
export function notFound(id: string): AppError {
  return customsError('CUSTOMS_DECLARATION_NOT_FOUND', `No declaration ${id}`);
}

/** The SHA-256 (hex) of a declaration version's content in RFC 8785 canonical form. */
export function declarationContentSha256(d: Pick<Declaration, 'content'>): string {
  return sha256Hex(canonicalJson(d.content));
}
