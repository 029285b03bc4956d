export { appendAudit, chainHash, contentHash, GENESIS_HASH, type AuditActor, type AuditEntry, type AuditRecord } from './chain.ts';
export { verifyAuditChain, type AuditVerification } from './verify.ts';
export { queryAudit, type AuditQuery } from './query.ts';
export { auditMigrations } from './migrations.ts';
