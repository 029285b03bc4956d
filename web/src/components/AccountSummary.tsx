import type { User } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { roleLabelKey } from '../pages.ts';

/** The signed-in user's name, roles and (for declarants) enterprise. */
export function AccountSummary({ user, className = '' }: { user: User; className?: string }) {
  const { t } = useI18n();
  const roles = user.roles
    .map(roleLabelKey)
    .filter((key) => key !== null)
    .map((key) => t(key))
    .join(', ');
  return (
    <div className={`account ${className}`.trim()}>
      <span className="account-name">{user.displayName || user.username}</span>
      {(roles || user.enterpriseName) && (
        <span className="account-detail">{[roles, user.enterpriseName].filter(Boolean).join(' · ')}</span>
      )}
    </div>
  );
}
