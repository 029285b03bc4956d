import { useState } from 'react';
import type { ApiProblem } from '../../api.ts';
import { fromVietnamInput, toVietnamInput } from '../../customs/format.ts';
import { codeLabel } from '../../customs/labels.ts';
import { type DeclarationView } from '../../customs/types.ts';
import { CHANNELS, DOCUMENT_TYPES } from '../../customs/codes.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ActionForm } from '../customs/ActionForm.tsx';
import { TextAreaField, TextField } from '../customs/Fields.tsx';
import { ChoiceField } from './ChoiceField.tsx';

interface DecisionFormProps {
  action: string;
  declaration: DeclarationView;
  onDone: (next: DeclarationView) => void;
  onConflict: (problem: ApiProblem) => void;
  onClose: () => void;
}

const REASON_ACTIONS = ['request_documents', 'release', 'hold', 'reject', 'override_channel'];

/** An hour from now, on the quarter hour, as the default inspection time (Vietnam time). */
function defaultInspectionTime(): string {
  const quarter = 15 * 60_000;
  return toVietnamInput(new Date(Math.ceil((Date.now() + 3_600_000) / quarter) * quarter).toISOString());
}

/** The inputs one officer decision needs, and the body it sends (docs/customs.md, officer console). */
export function DecisionForm({ action, declaration: d, onDone, onConflict, onClose }: DecisionFormProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const [kind, setKind] = useState('scanner');
  const [at, setAt] = useState(defaultInspectionTime);
  const [location, setLocation] = useState('');
  const [outcome, setOutcome] = useState('compliant');
  const [findings, setFindings] = useState('');
  const [channel, setChannel] = useState(CHANNELS.find((c) => c !== d.channel) ?? 'red');

  const body = (): unknown => {
    const r = reason.trim();
    switch (action) {
      case 'accept_documents':
        return note.trim() ? { note: note.trim() } : {};
      case 'request_documents':
        return { reason: r, documentTypes: types };
      case 'schedule_inspection':
        return { kind, at: fromVietnamInput(at), ...(location.trim() ? { location: location.trim() } : {}) };
      case 'record_inspection':
        return { outcome, findings: findings.split('\n').map((x) => x.trim()).filter(Boolean) };
      case 'override_channel':
        return { channel, reason: r };
      default:
        return { reason: r };
    }
  };
  const label = codeLabel(t, 'customs.action.', action);
  return (
    <ActionForm
      declarationId={d.id}
      action={action}
      title={label}
      submitLabel={t('customs.decision.confirm', { action: label })}
      danger={action === 'reject' || action === 'hold'}
      body={body}
      onDone={onDone}
      onConflict={onConflict}
      onClose={onClose}
    >
      {action === 'accept_documents' && <TextAreaField pointer="/note" label={t('customs.field.note')} optional maxLength={1000} value={note} onChange={setNote} />}
      {action === 'request_documents' && (
        <ChoiceField multiple pointer="/documentTypes" legend={t('customs.decision.documentTypes')} value={types} onChange={setTypes}
          options={DOCUMENT_TYPES.map((x) => ({ value: x, label: codeLabel(t, 'customs.doc.', x) }))} />
      )}
      {action === 'schedule_inspection' && (
        <>
          <ChoiceField pointer="/kind" legend={t('customs.decision.kind')} value={[kind]} onChange={(v) => setKind(v[0] ?? 'scanner')}
            options={['scanner', 'physical'].map((x) => ({ value: x, label: codeLabel(t, 'customs.inspection.', x) }))} />
          <TextField pointer="/at" type="datetime-local" label={t('customs.decision.at')} hint={t('customs.hint.vietnamTime')} value={at} onChange={setAt} />
          <TextField pointer="/location" label={t('customs.decision.location')} optional maxLength={200} value={location} onChange={setLocation} />
        </>
      )}
      {action === 'record_inspection' && (
        <>
          <ChoiceField pointer="/outcome" legend={t('customs.decision.outcome')} value={[outcome]} onChange={(v) => setOutcome(v[0] ?? 'compliant')}
            options={['compliant', 'discrepancy'].map((x) => ({ value: x, label: codeLabel(t, 'customs.outcome.', x) }))} />
          <TextAreaField pointer="/findings" label={t('customs.decision.findings')} hint={t('customs.hint.findings')} optional={outcome !== 'discrepancy'} rows={4} value={findings} onChange={setFindings} />
        </>
      )}
      {action === 'override_channel' && (
        <ChoiceField pointer="/channel" legend={t('customs.decision.newChannel')} value={[channel]} onChange={(v) => setChannel((v[0] as typeof channel) ?? channel)}
          options={CHANNELS.filter((c) => c !== d.channel).map((x) => ({ value: x, label: codeLabel(t, 'customs.channel.', x) }))} />
      )}
      {REASON_ACTIONS.includes(action) && (
        <TextAreaField pointer="/reason" label={t('customs.field.reason')} hint={t('customs.hint.reason')} maxLength={1000} value={reason} onChange={setReason} />
      )}
    </ActionForm>
  );
}
