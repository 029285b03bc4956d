import type { Actor } from '../../../infra/auth/index.ts';
import type { Clock } from '../../../infra/clock/index.ts';
import type { SigningKey } from '../../../infra/crypto/index.ts';
import type { AssessmentService } from '../assessment-service.ts';
import type { DeclarationService } from '../declaration-service.ts';
import type { DocumentService } from '../document-service.ts';
import type { Declaration } from '../model.ts';
import type { OfficerService } from '../officer-service.ts';
import type { TariffService } from '../tariff-service.ts';
import { presentDeclaration } from '../views.ts';

/** The services the customs routes call. */
export interface CustomsServices {
  declarations: DeclarationService;
  officers: OfficerService;
  documents: DocumentService;
  tariff: TariffService;
  assessments: AssessmentService;
  releaseKey: SigningKey;
  clock: Clock;
}

/** Presents a declaration with its current duty estimate and the caller's allowed actions. */
export async function present(s: CustomsServices, d: Declaration, actor: Actor) {
  return presentDeclaration(d, actor, await s.declarations.duties(d));
}

/** `{ items, next }`: `next` is the cursor of the following page, null on the last one. */
export function page<T extends { id: string }>(items: T[], limit: number) {
  return { items, next: items.length === limit ? items[items.length - 1]!.id : null };
}
