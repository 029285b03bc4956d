import type { Actor, RequestContext } from '../../infra/auth/index.ts';
import { hasRole } from '../../infra/auth/index.ts';
import type { Db } from '../../infra/db/index.ts';
import { compareWithPartner, prefillImport, type Mismatch } from './advance.ts';
import { exchangeError } from './errors.ts';
import type { ExportDeclaration } from './messages.ts';
import type { ExchangePorts } from './ports.ts';
import { inbox, type AdvanceRow } from './store/inbox.ts';

/** An advance declaration as the importer sees it. */
export interface AdvanceDeclaration {
  messageId: string;
  partner: string;
  consignmentRef: string;
  receivedAt: string;
  declaration: ExportDeclaration;
}

const present = (r: AdvanceRow): AdvanceDeclaration => ({
  messageId: r.message_id, partner: r.partner_id, consignmentRef: r.consignment_ref, receivedAt: new Date(r.received_at).toISOString(), declaration: r.declaration as ExportDeclaration,
});

/**
 * The importer's side of "declare once": the partner export declarations naming its enterprise
 * (by tax code) as importer, the pre-filled import declaration made from one, and the
 * differences between the partner's data and a declaration.
 */
export class AdvanceService {
  constructor(
    private readonly db: Db,
    private readonly siteId: string,
    private readonly ports: ExchangePorts,
  ) {}

  /** The advance declarations for the actor's enterprise, newest first (agency staff name a tax code). */
  async list(actor: Actor, taxCode?: string): Promise<AdvanceDeclaration[]> {
    const code = await this.#taxCode(actor, taxCode);
    return code ? (await inbox.advanceFor(this.db, code, 200)).map(present) : [];
  }

  /** The pre-filled import declaration body for one advance declaration. */
  async draft(actor: Actor, messageId: string): Promise<{ advance: AdvanceDeclaration; content: Record<string, unknown> }> {
    const advance = await this.#own(actor, messageId);
    return { advance, content: prefillImport(advance.declaration, advance.consignmentRef, this.siteId) };
  }

  /** Creates the importer's draft declaration through customs, pre-filled. */
  async createDeclaration(ctx: RequestContext, messageId: string): Promise<{ declarationId: string; content: Record<string, unknown> }> {
    const { content } = await this.draft(ctx.actor!, messageId);
    if (!this.ports.createDraft) throw exchangeError('EXCHANGE_ADVANCE_NOT_FOUND', 'customs is not wired on this site');
    const d = await this.ports.createDraft(ctx, content);
    return { declarationId: d.id, content };
  }

  /** The differences between the partner's export data and one of the importer's declarations. */
  async mismatches(ctx: RequestContext, messageId: string, declarationId: string): Promise<Mismatch[]> {
    const advance = await this.#own(ctx.actor!, messageId);
    if (!this.ports.declarationContent) return [];
    return compareWithPartner(advance.declaration, await this.ports.declarationContent(ctx, declarationId));
  }

  async #own(actor: Actor, messageId: string): Promise<AdvanceDeclaration> {
    const r = await inbox.advanceByMessage(this.db, messageId);
    const code = hasRole(actor, 'declarant') ? await this.#taxCode(actor) : null;
    if (!r || (hasRole(actor, 'declarant') && r.importer_tax_id !== code)) throw exchangeError('EXCHANGE_ADVANCE_NOT_FOUND', `No advance declaration ${messageId}`);
    return present(r);
  }

  async #taxCode(actor: Actor, asked?: string): Promise<string | null> {
    if (!hasRole(actor, 'declarant')) return asked ?? null;
    if (!actor.enterpriseId || !this.ports.enterpriseTaxCode) return null;
    return this.ports.enterpriseTaxCode(actor.enterpriseId);
  }
}
