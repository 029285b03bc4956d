import { systemContext, type Role } from '../../infra/auth/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { DirectoryService } from './directory-service.ts';
import { users, enterprises } from './store.ts';

/** The password of every demo user. Demo users exist only with DEMO=1. */
export const DEMO_PASSWORD = 'demo';

/** Demo enterprises: valid tax codes, names as they would appear on a declaration. */
export const DEMO_ENTERPRISES = [
  { key: 'mongcai', taxCode: '5700100256', name: 'Công ty TNHH Xuất nhập khẩu Nông sản Móng Cái', country: 'VN' as const },
  { key: 'langson', taxCode: '4900101569', name: 'Công ty CP Logistics Biên giới Lạng Sơn', country: 'VN' as const },
];

/** Demo users, one per role (two declarants of different enterprises). */
export const DEMO_USERS: Array<{ username: string; displayName: string; roles: Role[]; enterprise?: string }> = [
  { username: 'admin', displayName: 'Quản trị hệ thống', roles: ['admin'] },
  { username: 'declarant', displayName: 'Nguyễn Thị Lan', roles: ['declarant'], enterprise: 'mongcai' },
  { username: 'declarant2', displayName: 'Trần Văn Minh', roles: ['declarant'], enterprise: 'langson' },
  { username: 'officer', displayName: 'Lê Quang Huy', roles: ['customs_officer'] },
  { username: 'supervisor', displayName: 'Phạm Thu Hà', roles: ['customs_supervisor'] },
  { username: 'guard', displayName: 'Hoàng Đức Anh', roles: ['border_guard'] },
  { username: 'operator', displayName: 'Vũ Thị Mai', roles: ['ioc_operator'] },
  { username: 'auditor', displayName: 'Đỗ Minh Tuấn', roles: ['auditor'] },
  { username: 'partner', displayName: 'Dongxing Customs (partner system)', roles: ['partner_system'] },
];

/** Creates whatever demo enterprises and users are missing; safe to run at every start. */
export async function seedDemo(db: Db, directory: DirectoryService): Promise<number> {
  const ctx = systemContext();
  const ids = new Map<string, string>();
  let created = 0;
  for (const e of DEMO_ENTERPRISES) {
    const existing = await enterprises.byTaxCode(db, e.taxCode);
    ids.set(e.key, existing?.id ?? (await directory.createEnterprise(ctx, e)).id);
    if (!existing) created++;
  }
  for (const u of DEMO_USERS) {
    if (await users.credentials(db, u.username)) continue;
    const enterpriseId = u.enterprise ? ids.get(u.enterprise) ?? null : null;
    await directory.createUser(ctx, { username: u.username, displayName: u.displayName, password: DEMO_PASSWORD, roles: u.roles, enterpriseId });
    created++;
  }
  return created;
}
