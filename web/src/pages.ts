import type { Role } from './api.ts';
import type { MessageKey } from './i18n/index.tsx';

/** A card on a dashboard: what will appear in this spot once the feature exists. */
export interface DashboardCard {
  title: MessageKey;
  body: MessageKey;
}

/**
 * A page of the shell: the roles that see it in the navigation, its heading and the cards of
 * what is still planned there. Pages with a real screen are listed in `screens.tsx`.
 */
export interface ShellPage {
  id: string;
  roles: readonly Role[];
  title: MessageKey;
  intro: MessageKey;
  cards: readonly DashboardCard[];
}

// Only the `page.` keys matter here; narrowing to them first keeps the types below small.
type PageKey = Extract<MessageKey, `page.${string}`>;
type KeysMatching<Pattern> = Extract<PageKey, Pattern>;
type Between<K, Head extends string, Tail extends string> = K extends `${Head}${infer Mid}${Tail}` ? Mid : never;

/** Page ids that have both a title and an intro in the dictionaries. */
type PageId = Extract<Between<KeysMatching<`page.${string}.title`>, 'page.', '.title'>, Between<KeysMatching<`page.${string}.intro`>, 'page.', '.intro'>>;

/** Card names of page `P` that have both a title and a body in the dictionaries. */
type CardName<P extends string> = Extract<
  Between<KeysMatching<`page.${P}.${string}.title`>, `page.${P}.`, '.title'>,
  Between<KeysMatching<`page.${P}.${string}.body`>, `page.${P}.`, '.body'>
>;

// The type parameters guarantee the keys exist; the casts only spell out what they checked.
function page<P extends PageId>(id: P, roles: readonly Role[], cards: readonly CardName<P>[]): ShellPage {
  return {
    id,
    roles,
    title: `page.${id}.title` as MessageKey,
    intro: `page.${id}.intro` as MessageKey,
    cards: cards.map((c) => ({ title: `page.${id}.${c}.title` as MessageKey, body: `page.${id}.${c}.body` as MessageKey })),
  };
}

/**
 * Every page of the shell, in navigation order. A user sees the pages of all their roles; the
 * first one they can see is their home page. `device` accounts have no pages.
 */
export const PAGES: readonly ShellPage[] = [
  page('declarations', ['declarant'], []),
  page('slots', ['declarant'], []),
  page('worklist', ['customs_officer', 'customs_supervisor'], []),
  page('inspections', ['customs_officer'], ['scans', 'tasks']),
  page('supervision', ['customs_supervisor'], ['workload', 'abuse']),
  page('lanes', ['border_guard'], ['status', 'referrals', 'vehicles']),
  page('live', ['ioc_operator'], []),
  page('incidents', ['ioc_operator'], []),
  page('gate', ['border_guard', 'ioc_operator'], []),
  page('admin', ['admin'], []),
  page('exchange', ['customs_supervisor', 'admin'], []),
  page('audit', ['auditor', 'customs_supervisor', 'admin'], ['exports']),
  page('ledger', ['auditor', 'partner_system'], []),
];

/** The pages a user with these roles may open, in navigation order. */
export function pagesForRoles(roles: readonly string[]): ShellPage[] {
  return PAGES.filter((p) => p.roles.some((r) => roles.includes(r)));
}

const KNOWN_ROLES: readonly Role[] = [
  'declarant',
  'customs_officer',
  'customs_supervisor',
  'border_guard',
  'ioc_operator',
  'auditor',
  'admin',
  'partner_system',
  'device',
];

/** The dictionary key naming a role, or null for a role this UI does not know. */
export function roleLabelKey(role: string): MessageKey | null {
  return (KNOWN_ROLES as readonly string[]).includes(role) ? (`role.${role}` as MessageKey) : null;
}
