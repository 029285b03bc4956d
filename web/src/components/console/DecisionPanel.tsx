import { useState } from 'react';
import type { ApiProblem } from '../../api.ts';
import { codeLabel } from '../../customs/labels.ts';
import type { DeclarationView } from '../../customs/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DecisionForm } from './DecisionForm.tsx';

/** Officer decisions in the order an officer usually takes them. */
const DECISIONS = ['accept_documents', 'request_documents', 'schedule_inspection', 'record_inspection', 'release', 'hold', 'reject', 'override_channel'] as const;
const OPEN_STATES = ['assessed', 'documents_requested', 'under_review', 'inspection_scheduled', 'inspected', 'held'];

interface DecisionPanelProps {
  declaration: DeclarationView;
  onDecided: (next: DeclarationView, action: string) => void;
  onConflict: (problem: ApiProblem) => void;
}

/** The decisions open to this officer now (from `allowedActions`), each behind a short form asking for what the decision needs. */
export function DecisionPanel({ declaration: d, onDecided, onConflict }: DecisionPanelProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const available = DECISIONS.filter((a) => d.allowedActions.includes(a));
  // Why release is not offered yet, when the case is still open and the officer may act on it.
  const releaseHint =
    available.length > 0 && !available.includes('release') && OPEN_STATES.includes(d.state)
      ? d.channel === 'red'
        ? t('customs.decision.releaseNeedsInspection')
        : d.channel === 'yellow' && !d.documentsAccepted
          ? t('customs.decision.releaseNeedsDocuments')
          : ''
      : '';
  return (
    <section className="panel decision-panel" aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t('customs.decision.title')}</h2>
      {available.length === 0 && <p className="muted">{t(OPEN_STATES.includes(d.state) ? 'customs.decision.notYours' : 'customs.decision.closed')}</p>}
      <div className="decision-buttons">
        {available.map((a) => (
          <button
            key={a}
            type="button"
            className={`button ${a === 'release' ? 'button-primary' : a === 'reject' || a === 'hold' ? 'button-danger-outline' : 'button-secondary'}`}
            aria-expanded={open === a}
            onClick={() => setOpen((o) => (o === a ? null : a))}
          >
            {codeLabel(t, 'customs.action.', a)}
          </button>
        ))}
      </div>
      {releaseHint && <p className="field-hint">{releaseHint}</p>}
      {open && available.some((a) => a === open) && (
        <DecisionForm
          key={open}
          action={open}
          declaration={d}
          onDone={(next) => {
            setOpen(null);
            onDecided(next, open);
          }}
          onConflict={onConflict}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}
