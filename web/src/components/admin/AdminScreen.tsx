import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import {
  createEnterprise, createUser, deactivateDevice, deactivateUser, DEVICE_KINDS, listDevices, listEnterprises, listUsers, PERSON_ROLES, readiness, registerDevice,
  type AdminUser, type Device, type Enterprise,
} from '../../admin/api.ts';
import { ApiProblem } from '../../api.ts';
import { useI18n, type MessageKey, type Translate } from '../../i18n/index.tsx';
import type { ShellPage } from '../../pages.ts';
import { describeProblem } from '../../problems.ts';
import { DataTable, type Column } from '../DataTable.tsx';
import { PageHeader } from '../PageHeader.tsx';

/** A form's outcome line: what was done, or the problem (field errors named). */
function Outcome({ done, problem }: { done: string | null; problem: unknown }) {
  const { t } = useI18n();
  if (problem !== null) {
    // Field problems name the field (its JSON pointer, e.g. /taxCode) with the server's message.
    const fields = problem instanceof ApiProblem ? problem.errors : [];
    return (
      <div className="alert alert-error" role="alert">
        <p>{describeProblem(problem, t)}</p>
        {fields.length > 0 && (
          <ul>
            {fields.map((e) => (
              <li key={`${e.pointer}-${e.code}`}>
                <span className="mono">{e.pointer.replace(/^\/body/, '') || '/'}</span>: {e.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return done ? <p role="status">{done}</p> : null;
}

/** A labelled input. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
    </label>
  );
}

/** Runs an admin action, reporting what was done or the problem, then reloads. */
function useAction(reload: () => Promise<void>) {
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const run = async (action: () => Promise<string>) => {
    setDone(null);
    setProblem(null);
    try {
      setDone(await action());
      await reload();
    } catch (err) {
      setProblem(err);
    }
  };
  return { done, problem, run };
}

/** A button that asks once more before doing something that cannot be undone. */
function ConfirmButton({ label, name, onConfirm }: { label: string; name: string; onConfirm: () => void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  return asking ? (
    <button
      type="button"
      className="button button-primary"
      onClick={() => {
        setAsking(false);
        onConfirm();
      }}
    >
      {t('admin.confirm', { action: label, name })}
    </button>
  ) : (
    <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
      {label}
    </button>
  );
}

/** The active / deactivated column of users and devices. */
function statusColumn<T extends { active: boolean }>(t: Translate): Column<T> {
  return {
    header: t('admin.status'),
    cell: (x) => t(x.active ? 'admin.status.active' : 'admin.status.inactive'),
    className: (x) => (x.active ? undefined : 'danger-text'),
  };
}

function UsersSection({ enterprises }: { enterprises: Enterprise[] }) {
  const { t } = useI18n();
  const [users, setUsers] = useState<AdminUser[]>([]);
  const [form, setForm] = useState({ username: '', displayName: '', password: '', enterpriseId: '', roles: [] as string[] });
  const reload = useCallback(async () => setUsers((await listUsers()).items), []);
  const { done, problem, run } = useAction(reload);
  useEffect(() => void reload().catch(() => undefined), [reload]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const u = await createUser({ ...form, enterpriseId: form.enterpriseId || null });
      setForm({ username: '', displayName: '', password: '', enterpriseId: '', roles: [] });
      return t('admin.users.created', { name: u.username });
    });
  };
  const toggleRole = (role: string) => setForm((f) => ({ ...f, roles: f.roles.includes(role) ? f.roles.filter((r) => r !== role) : [...f.roles, role] }));

  return (
    <section className="panel" aria-labelledby="admin-users-title">
      <h2 id="admin-users-title">{t('admin.users.title')}</h2>
      <DataTable
        rows={users}
        rowKey={(u) => u.id}
        columns={[
          { header: t('admin.users.username'), cell: (u) => u.username, className: 'mono' },
          { header: t('admin.users.name'), cell: (u) => u.displayName },
          { header: t('admin.users.roles'), cell: (u) => u.roles.map((r) => t(`role.${r}` as MessageKey)).join(', ') },
          { header: t('admin.users.enterprise'), cell: (u) => u.enterpriseName ?? '—' },
          statusColumn(t),
          {
            header: '',
            cell: (u) =>
              u.active && (
                <ConfirmButton
                  label={t('admin.users.deactivate')}
                  name={u.username}
                  onConfirm={() =>
                    void run(async () => {
                      await deactivateUser(u.id);
                      return t('admin.users.deactivated', { name: u.username });
                    })
                  }
                />
              ),
          },
        ]}
      />
      <form className="admin-form" onSubmit={submit}>
        <Field label={t('admin.users.username')}>
          <input value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} autoComplete="off" />
        </Field>
        <Field label={t('admin.users.name')}>
          <input value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
        </Field>
        <Field label={t('admin.users.password')}>
          <input type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} autoComplete="new-password" />
        </Field>
        <Field label={t('admin.users.enterprise')}>
          <select value={form.enterpriseId} onChange={(e) => setForm({ ...form, enterpriseId: e.target.value })}>
            <option value="">{t('admin.users.noEnterprise')}</option>
            {enterprises.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="role-choices">
          <legend>{t('admin.users.roles')}</legend>
          {PERSON_ROLES.map((r) => (
            <label key={r}>
              <input type="checkbox" checked={form.roles.includes(r)} onChange={() => toggleRole(r)} /> {t(`role.${r}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button-primary">
          {t('admin.users.create')}
        </button>
      </form>
      <Outcome done={done} problem={problem} />
    </section>
  );
}

function EnterprisesSection({ enterprises, reload }: { enterprises: Enterprise[]; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ taxCode: '', name: '', country: 'VN' as 'VN' | 'CN' });
  const { done, problem, run } = useAction(reload);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const x = await createEnterprise(form);
      setForm({ taxCode: '', name: '', country: 'VN' });
      return t('admin.enterprises.created', { name: x.name });
    });
  };
  return (
    <section className="panel" aria-labelledby="admin-enterprises-title">
      <h2 id="admin-enterprises-title">{t('admin.enterprises.title')}</h2>
      <DataTable
        rows={enterprises}
        rowKey={(x) => x.id}
        columns={[
          { header: t('admin.enterprises.name'), cell: (x) => x.name },
          { header: t('admin.enterprises.taxCode'), cell: (x) => x.taxCode, className: 'mono' },
          { header: t('admin.enterprises.country'), cell: (x) => x.country },
        ]}
      />
      <form className="admin-form" onSubmit={submit}>
        <Field label={t('admin.enterprises.taxCode')}>
          <input value={form.taxCode} onChange={(e) => setForm({ ...form, taxCode: e.target.value })} className="mono" />
        </Field>
        <Field label={t('admin.enterprises.name')}>
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <Field label={t('admin.enterprises.country')}>
          <select value={form.country} onChange={(e) => setForm({ ...form, country: e.target.value as 'VN' | 'CN' })}>
            <option value="VN">VN</option>
            <option value="CN">CN</option>
          </select>
        </Field>
        <button type="submit" className="button button-primary">
          {t('admin.enterprises.create')}
        </button>
      </form>
      <Outcome done={done} problem={problem} />
    </section>
  );
}

function DevicesSection() {
  const { t } = useI18n();
  const [devices, setDevices] = useState<Device[]>([]);
  const [form, setForm] = useState({ id: '', kind: 'plate-camera', name: '' });
  const [secret, setSecret] = useState<{ id: string; secret: string } | null>(null);
  const reload = useCallback(async () => setDevices((await listDevices()).items), []);
  const { done, problem, run } = useAction(reload);
  useEffect(() => void reload().catch(() => undefined), [reload]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSecret(null);
    void run(async () => {
      const d = await registerDevice(form);
      setSecret({ id: d.id, secret: d.secret });
      setForm({ id: '', kind: form.kind, name: '' });
      return '';
    });
  };
  return (
    <section className="panel" aria-labelledby="admin-devices-title">
      <h2 id="admin-devices-title">{t('admin.devices.title')}</h2>
      <p className="muted">{t('admin.devices.intro')}</p>
      <DataTable
        rows={devices}
        rowKey={(d) => d.id}
        columns={[
          { header: t('admin.devices.id'), cell: (d) => d.id, className: 'mono' },
          { header: t('admin.devices.kind'), cell: (d) => d.kind, className: 'mono' },
          { header: t('admin.devices.name'), cell: (d) => d.name },
          statusColumn(t),
          {
            header: '',
            cell: (d) =>
              d.active && (
                <ConfirmButton
                  label={t('admin.devices.deactivate')}
                  name={d.id}
                  onConfirm={() =>
                    void run(async () => {
                      await deactivateDevice(d.id);
                      return t('admin.devices.deactivated', { id: d.id });
                    })
                  }
                />
              ),
          },
        ]}
      />
      <form className="admin-form" onSubmit={submit}>
        <Field label={t('admin.devices.id')}>
          <input value={form.id} onChange={(e) => setForm({ ...form, id: e.target.value })} className="mono" />
        </Field>
        <Field label={t('admin.devices.kind')}>
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
            {DEVICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('admin.devices.name')}>
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <button type="submit" className="button button-primary">
          {t('admin.devices.register')}
        </button>
      </form>
      {secret && (
        <p role="status">
          {t('admin.devices.secret', { id: secret.id })} <code className="mono">{secret.secret}</code>
        </p>
      )}
      <Outcome done={done || null} problem={problem} />
    </section>
  );
}

function HealthSection() {
  const { t } = useI18n();
  const [checks, setChecks] = useState<Record<string, string> | null>(null);
  const load = useCallback(() => void readiness().then(setChecks, () => setChecks({})), []);
  useEffect(load, [load]);
  return (
    <section className="panel" aria-labelledby="admin-health-title">
      <h2 id="admin-health-title">{t('admin.health.title')}</h2>
      {checks && (
        <dl className="fact-grid">
          {Object.entries(checks).map(([name, state]) => (
            <div className="fact" key={name}>
              <dt className="mono">{name}</dt>
              <dd className={state === 'ok' ? undefined : 'danger-text'}>{t(state === 'ok' ? 'admin.health.ok' : 'admin.health.down')}</dd>
            </div>
          ))}
        </dl>
      )}
      <button type="button" className="button button-secondary" onClick={load}>
        {t('admin.health.refresh')}
      </button>
    </section>
  );
}

/** Administration: users and their roles, enterprises, gate devices and their secrets, and the platform's health. */
export function AdminScreen({ page }: { page: ShellPage }) {
  const { t } = useI18n();
  const [enterprises, setEnterprises] = useState<Enterprise[]>([]);
  const reloadEnterprises = useCallback(async () => setEnterprises((await listEnterprises()).items), []);
  useEffect(() => void reloadEnterprises().catch(() => undefined), [reloadEnterprises]);
  return (
    <article className="screen" aria-labelledby="page-title">
      <PageHeader title={t(page.title)} intro={t(page.intro)} focusKey={page.id} />
      <HealthSection />
      <UsersSection enterprises={enterprises} />
      <EnterprisesSection enterprises={enterprises} reload={reloadEnterprises} />
      <DevicesSection />
    </article>
  );
}
