import type { RequestContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import type { PartnerExport } from './engine/context.ts';
import { partnerRecordKeys, readPartnerExport, type PartnerExportInput } from './engine/partner-input.ts';
import { partnerExports } from './store/partner.ts';

/**
 * The partner side's export data, stored per consignment reference for the partner-mismatch rule.
 * The exchange module calls `store` when a partner message arrives; a later message for the same
 * reference replaces the earlier one. Declarations assessed afterwards are compared with it.
 */
export class PartnerDataService {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** Checks and stores the partner's export data for a consignment (audited). */
  async store(ctx: RequestContext, input: PartnerExportInput): Promise<PartnerExport> {
    const record = readPartnerExport(input, this.clock.now());
    const keys = partnerRecordKeys(record);
    return this.uow.run(ctx, async (w) => {
      await partnerExports.upsert(w.tx, record, keys);
      const details = { consignmentRef: record.consignmentRef, source: record.source, goodsLines: record.goods.length, matchKeys: keys };
      w.emit({ type: 'partner_export.stored', subject: record.consignmentRef, data: details });
      w.audit({ action: 'risk.partner_export.store', targetType: 'partner_export', targetId: record.consignmentRef, details });
      return record;
    });
  }

  /** The stored record of a consignment reference, or null. */
  byRef(consignmentRef: string): Promise<PartnerExport | null> {
    return partnerExports.byRef(this.db, consignmentRef);
  }
}
