/**
 * Customs: pre-arrival declarations, their validation and lifecycle (draft → channel → officer
 * work → release), documents, the tariff and duty estimates, and signed release notices.
 * Other modules react to its `declaration.*` events (docs/customs.md) and may plug a risk
 * engine in as the `Assessor`.
 */
import path from 'node:path';
import { systemContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import { loadOrCreateSigningKey, type SigningKey } from '../../infra/crypto/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import type { HttpApp } from '../../infra/http/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import type { Logger } from '../../infra/log/index.ts';
import { ruleFreeAssessor, type Assessor, type OfficerRoster } from './assessment.ts';
import { AssessmentService } from './assessment-service.ts';
import { DeclarationService } from './declaration-service.ts';
import { DocumentService } from './document-service.ts';
import { OfficerService } from './officer-service.ts';
import type { CustomsServices } from './routes/context.ts';
import { declarationRoutes } from './routes/declarations.ts';
import { documentRoutes } from './routes/documents.ts';
import { officerDecisionRoutes, officerRoutes } from './routes/officer.ts';
import { publicRoutes, tariffRoutes } from './routes/public.ts';
import { TariffService } from './tariff-service.ts';
import { Workflow } from './workflow.ts';

export { customsMigrations } from './migrations/index.ts';
export { customsError } from './errors.ts';
export { ruleFreeAssessor, officerForTurn, type Assessor, type OfficerRoster } from './assessment.ts';
export { rosterFromDirectory } from './assessment-service.ts';
export { declarationForGate, type DeclarationForGate } from './gate-view.ts';
export { verifyReleaseNotice, publicKeyFromRaw, releaseKeyId, type ReleaseNotice, type NoticeVerification } from './release-notice.ts';
export { DEMO_TARIFF_FILE, TariffService, type TariffLoad } from './tariff-service.ts';
export { runTariffLoad, TARIFF_LOAD_USAGE } from './tariff-cli.ts';
export type { TariffVersion } from './store/tariff.ts';
export type { Declaration, DeclarationState, Channel, Assessment, Officer, DeclarationContent } from './model.ts';

/** What the customs module needs from the composition root. */
export interface CustomsDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  /** Who can be assigned cases (the identity directory's active customs officers). */
  roster: OfficerRoster;
  /** The release-notice signing key file (Ed25519, PKCS#8 PEM; created on first use). */
  releaseKeyFile: string;
  /** Defaults to the rule-free assessor (everything yellow) until the risk module plugs in. */
  assessor?: Assessor;
}

/** The customs module, wired. */
export interface CustomsModule {
  services: CustomsServices;
  releaseKey: SigningKey;
  /** Mounts /api/customs/… and /api/public/customs/…. */
  register(app: HttpApp): Promise<void>;
  /** Plugs in the assessor that picks channels (the risk module, later). */
  plugAssessor(assessor: Assessor): void;
  /** Loads the shipped demo tariff if no tariff was ever loaded; true when it did. */
  seedDemo(): Promise<boolean>;
  /** Assesses declarations left in `submitted` (after a crash); returns how many. */
  resumeAssessments(): Promise<number>;
}

/** The default key file under the data directory. */
export function releaseKeyFileIn(dataDir: string): string {
  return path.join(dataDir, 'keys', 'customs-release-ed25519.pem');
}

/** Builds the customs module. */
export function createCustomsModule(deps: CustomsDeps): CustomsModule {
  const releaseKey = loadOrCreateSigningKey(deps.releaseKeyFile);
  const workflow = new Workflow(deps.db, deps.uow, releaseKey);
  const tariff = new TariffService(deps.db, deps.uow, deps.clock, deps.ids);
  const assessments = new AssessmentService(deps.db, workflow, deps.roster, deps.log, deps.assessor ?? ruleFreeAssessor('yellow'));
  const services: CustomsServices = {
    declarations: new DeclarationService(deps.db, deps.clock, deps.ids, workflow, tariff, assessments),
    officers: new OfficerService(deps.db, workflow, deps.roster),
    documents: new DocumentService(deps.db, deps.uow, deps.ids),
    tariff,
    assessments,
    releaseKey,
    clock: deps.clock,
  };
  return {
    services,
    releaseKey,
    async register(app) {
      await app.register(declarationRoutes(services), { prefix: '/api/customs/declarations' });
      await app.register(officerDecisionRoutes(services), { prefix: '/api/customs/declarations' });
      await app.register(documentRoutes(services), { prefix: '/api/customs/declarations' });
      await app.register(officerRoutes(services), { prefix: '/api/customs' });
      await app.register(tariffRoutes(services), { prefix: '/api/customs/tariff' });
      await app.register(publicRoutes(services), { prefix: '/api/public/customs' });
    },
    plugAssessor: (a) => assessments.plug(a),
    seedDemo: () => tariff.seedDemo(systemContext()),
    resumeAssessments: () => assessments.resume(),
  };
}
