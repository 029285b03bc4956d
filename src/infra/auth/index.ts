/** Roles a principal can hold. */
export const ROLES = [
  'declarant',
  'customs_officer',
  'customs_supervisor',
  'border_guard',
  'ioc_operator',
  'auditor',
  'admin',
  'partner_system',
  'device',
] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: a signed-in user, a machine client with an API key, or the platform itself. */
export interface Actor {
  kind: 'user' | 'api_key' | 'system';
  id: string;
  name: string;
  roles: readonly Role[];
  /** The enterprise a declarant or partner acts for; null for agency staff. */
  enterpriseId: string | null;
}

/** Who is acting and where the request came from; passed from routes to services. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string | null;
  sourceIp: string | null;
}

/** The platform acting on its own behalf (schedulers, consumers, seeding). */
export const systemActor: Actor = { kind: 'system', id: 'system', name: 'system', roles: ['admin'], enterpriseId: null };

/** A context for work the platform does by itself. */
export function systemContext(requestId: string | null = null): RequestContext {
  return { actor: systemActor, requestId, sourceIp: null };
}

/** True when the actor holds at least one of the roles. */
export function hasRole(actor: Actor | null, ...roles: Role[]): boolean {
  return actor !== null && actor.roles.some((r) => roles.includes(r));
}

/** True when `value` names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Resolves a bearer token, session cookie or API key to an actor. The identity module provides it. */
export interface Authenticator {
  authenticate(credential: { bearer?: string; session?: string; apiKey?: string }): Promise<Actor | 'expired' | 'invalid' | null>;
}

/** A declared rule: may this actor do this to this resource? */
export type Rule<R> = (actor: Actor, resource: R) => boolean;

/** A resource's policy: one named rule per action. */
export type Policy<R, A extends string = string> = Readonly<Record<A, Rule<R>>>;
