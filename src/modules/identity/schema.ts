import { Type, type Static } from 'typebox';
import { ROLES } from '../../infra/auth/index.ts';
import { DEVICE_KINDS } from './model.ts';

const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type LoginBodyType = Static<typeof LoginBody>;

export const UserView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  enterpriseId: Type.Union([Type.String(), Type.Null()]),
  enterpriseName: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
});

export const LoginReply = Type.Object({ token: Type.String(), expiresAt: Type.String({ format: 'date-time' }), user: UserView });
export const MeReply = Type.Object({ user: UserView });

export const EnterpriseBody = Type.Object(
  {
    taxCode: Type.String({ minLength: 10, maxLength: 18 }),
    name: Type.String({ minLength: 2, maxLength: 300 }),
    country: Type.Union([Type.Literal('VN'), Type.Literal('CN')]),
  },
  { additionalProperties: false },
);
export const EnterpriseView = Type.Object({ id: Type.String(), taxCode: Type.String(), name: Type.String(), country: Type.String(), createdAt: Type.String() });

export const NewUserBody = Type.Object(
  {
    username: Type.String({ pattern: '^[A-Za-z0-9._-]{3,50}$' }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 10, maxLength: 200 }),
    roles: Type.Array(RoleSchema, { minItems: 1, maxItems: ROLES.length }),
    enterpriseId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  },
  { additionalProperties: false },
);

export const ApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    roles: Type.Array(RoleSchema, { minItems: 1 }),
    enterpriseId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  },
  { additionalProperties: false },
);

export const DeviceBody = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }),
    kind: Type.Union(DEVICE_KINDS.map((k) => Type.Literal(k))),
    name: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
