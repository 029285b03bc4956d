/**
 * Risk assessment and officer assignment. The `Assessor` is a port: the risk module plugs in
 * its engine; until then a rule-free assessor sends everything to the yellow channel. The
 * `OfficerRoster` says who can be assigned; `nextOfficer` rotates through them.
 */
import type { Assessment, Channel, Declaration, Officer } from './model.ts';

/** Decides the channel of a submitted declaration version. */
export interface Assessor {
  /** A stable name recorded with each assessment. */
  readonly name: string;
  assess(declaration: Readonly<Declaration>): Promise<Assessment>;
}

/** The active customs officers who can be assigned work. */
export interface OfficerRoster {
  officers(): Promise<Officer[]>;
}

/** The assessor used until the risk module lands: no rules, one fixed channel (yellow by default). */
export function ruleFreeAssessor(channel: Channel = 'yellow'): Assessor {
  return {
    name: `rule-free-${channel}`,
    assess: async () => ({
      channel,
      score: channel === 'red' ? 100 : channel === 'yellow' ? 50 : 0,
      reasons: [{ code: 'NO_RISK_RULES', message: `No risk rules are loaded; every declaration goes to the ${channel} channel.` }],
      assessor: `rule-free-${channel}`,
    }),
  };
}

/**
 * The officer whose turn it is: officers ordered by id, turn `n` goes to the n-th (wrapping
 * around), passing over `avoid` (e.g. the officer of the previous version) when anyone else is
 * on duty. Nobody picks their own cases: assignment is the rotation's, never the officer's.
 */
export function officerForTurn(officers: readonly Officer[], turn: number, avoid: string | null = null): Officer | null {
  const sorted = [...officers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (sorted.length === 0) return null;
  const candidates = sorted.length > 1 && avoid ? sorted.filter((o) => o.id !== avoid) : sorted;
  return candidates[((turn % candidates.length) + candidates.length) % candidates.length]!;
}
