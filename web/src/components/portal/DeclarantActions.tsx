import { useState } from 'react';
import type { ApiProblem } from '../../api.ts';
import type { DeclarationView } from '../../customs/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { routeHref } from '../../router.ts';
import { ActionForm } from '../customs/ActionForm.tsx';
import { TextAreaField } from '../customs/Fields.tsx';

type Open = 'cancel' | 'provide_documents' | null;

interface DeclarantActionsProps {
  declaration: DeclarationView;
  onChanged: (d: DeclarationView) => void;
  /** The action was refused (409): the page says why and reloads. */
  onRefused: (problem: ApiProblem) => void;
}

/** What the declarant may do now (from `allowedActions`): edit, amend, cancel with a reason, say documents are provided. */
export function DeclarantActions({ declaration: d, onChanged, onRefused }: DeclarantActionsProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const [text, setText] = useState('');
  const can = (a: string) => d.allowedActions.includes(a);
  if (!['edit_draft', 'amend', 'cancel', 'provide_documents'].some(can)) return null;

  const toggle = (which: Open) => {
    setText('');
    setOpen((o) => (o === which ? null : which));
  };
  const done = (next: DeclarationView) => {
    setOpen(null);
    onChanged(next);
  };
  return (
    <section className="panel actions-panel" aria-labelledby="declarant-actions-title">
      <h2 id="declarant-actions-title">{t('customs.detail.actions')}</h2>
      <div className="button-row">
        {can('edit_draft') && (
          <a className="button button-primary" href={routeHref('declarations', d.id, 'edit')}>
            {t('customs.detail.edit')}
          </a>
        )}
        {can('provide_documents') && (
          <button type="button" className="button button-primary" aria-expanded={open === 'provide_documents'} onClick={() => toggle('provide_documents')}>
            {t('customs.action.provide_documents')}
          </button>
        )}
        {can('amend') && (
          <a className="button button-secondary" href={routeHref('declarations', d.id, 'amend')}>
            {t('customs.action.amend')}
          </a>
        )}
        {can('cancel') && (
          <button type="button" className="button button-secondary" aria-expanded={open === 'cancel'} onClick={() => toggle('cancel')}>
            {t('customs.detail.cancel')}
          </button>
        )}
      </div>
      {open === 'cancel' && (
        <ActionForm
          declarationId={d.id}
          action="cancel"
          title={t('customs.detail.cancelTitle')}
          submitLabel={t('customs.detail.cancelConfirm')}
          danger
          body={() => ({ reason: text.trim() })}
          onDone={done}
          onConflict={onRefused}
          onClose={() => setOpen(null)}
        >
          <TextAreaField pointer="/reason" label={t('customs.field.reason')} hint={t('customs.hint.reason')} maxLength={1000} value={text} onChange={setText} />
        </ActionForm>
      )}
      {open === 'provide_documents' && (
        <ActionForm
          declarationId={d.id}
          action="provide_documents"
          title={t('customs.detail.provideTitle')}
          submitLabel={t('customs.detail.provideConfirm')}
          body={() => (text.trim() ? { note: text.trim() } : {})}
          onDone={done}
          onConflict={onRefused}
          onClose={() => setOpen(null)}
        >
          <TextAreaField pointer="/note" label={t('customs.field.note')} optional maxLength={1000} value={text} onChange={setText} />
        </ActionForm>
      )}
    </section>
  );
}
