import type { Role } from '../../../infra/auth/index.ts';
import type { RiskEngine } from '../assessment-service.ts';
import type { CalibrationService } from '../calibration-service.ts';
import type { ModelRegistry } from '../model-service.ts';
import type { PartnerDataService } from '../partner-service.ts';
import type { RuleSetService } from '../rule-set-service.ts';

/** The services the risk routes call. */
export interface RiskServices {
  ruleSets: RuleSetService;
  registry: ModelRegistry;
  calibrations: CalibrationService;
  engine: RiskEngine;
  partner: PartnerDataService;
}

/** Who may read risk configuration and assessments (declarants may not: it would tip off the watched). */
export const RISK_READERS: Role[] = ['customs_officer', 'customs_supervisor', 'auditor', 'admin'];
/** Who may change rules, models and thresholds. */
export const RISK_EDITORS: Role[] = ['customs_supervisor'];
