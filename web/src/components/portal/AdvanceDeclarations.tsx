import { useEffect, useState } from 'react';
import { request } from '../../api.ts';
import { useFormats } from '../../customs/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { describeProblem } from '../../problems.ts';
import { navigate } from '../../router.ts';

/** A partner export declaration naming the enterprise as importer (GET /api/exchange/advance-declarations). */
interface Advance {
  messageId: string;
  partner: string;
  consignmentRef: string;
  receivedAt: string;
  declaration: { exporter: { name: string }; equipment: Array<{ containerNumber: string }> };
}

/**
 * "Declare once": the partner's export declarations for the enterprise's imports, each with a
 * button that creates the import declaration pre-filled from it and opens it for editing.
 * Shows nothing when there are none.
 */
export function AdvanceDeclarations() {
  const { t } = useI18n();
  const f = useFormats();
  const [items, setItems] = useState<Advance[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  useEffect(() => {
    request<{ items: Advance[] }>('GET', '/api/exchange/advance-declarations').then((r) => setItems(r.items), () => setItems([]));
  }, []);

  const create = async (messageId: string) => {
    setBusy(messageId);
    try {
      const r = await request<{ declarationId: string }>('POST', `/api/exchange/advance-declarations/${encodeURIComponent(messageId)}/declaration`);
      navigate('declarations', r.declarationId, 'edit');
    } catch (err) {
      setProblem(err);
    } finally {
      setBusy(null);
    }
  };

  if (items.length === 0) return null;
  return (
    <section aria-labelledby="advance-title" className="panel">
      <h2 id="advance-title">{t('exchange.advance.title')}</h2>
      <p>{t('exchange.advance.intro')}</p>
      {problem !== null && (
        <p className="alert alert-error" role="alert">
          {describeProblem(problem, t)}
        </p>
      )}
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('exchange.advance.reference')}</th>
              <th scope="col">{t('exchange.advance.partner')}</th>
              <th scope="col">{t('exchange.advance.exporter')}</th>
              <th scope="col">{t('exchange.advance.containers')}</th>
              <th scope="col">{t('exchange.advance.received')}</th>
              <th scope="col"><span className="visually-hidden">{t('exchange.advance.create')}</span></th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.messageId}>
                <td className="mono">{a.consignmentRef}</td>
                <td>{a.partner}</td>
                <td>{a.declaration.exporter.name}</td>
                <td className="mono">{a.declaration.equipment.map((e) => e.containerNumber).join(', ') || '—'}</td>
                <td>{f.dateTime(a.receivedAt)}</td>
                <td>
                  <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void create(a.messageId)}>
                    {busy === a.messageId ? t('exchange.advance.creating') : t('exchange.advance.create')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
