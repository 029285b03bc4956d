import type { HTMLAttributes, ReactNode } from 'react';
import { fieldId, problemMessage } from '../../customs/pointers.ts';
import type { FieldProblem } from '../../customs/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useFieldProblems, useGroupProblems } from './form-problems.tsx';

/** The problems of one input, in the user's language, linked to it by `aria-describedby`. */
export function ProblemList({ id, problems }: { id: string; problems: readonly FieldProblem[] }) {
  const { t } = useI18n();
  if (problems.length === 0) return null;
  return (
    <ul className="field-problems" id={id}>
      {problems.map((p) => (
        <li key={`${p.pointer}:${p.code}`}>{problemMessage(p, t)}</li>
      ))}
    </ul>
  );
}

/** Problems about a whole group, shown at the top of its fieldset. */
export function GroupProblems({ pointer }: { pointer: string }) {
  const problems = useGroupProblems(pointer);
  return <ProblemList id={`${fieldId(pointer)}-problems`} problems={problems} />;
}

interface FieldShellProps {
  pointer: string;
  label: string;
  optional?: boolean;
  hint?: ReactNode;
  className?: string;
  children: (control: { id: string; onBlur: () => void; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined }) => ReactNode;
}

/** A labelled input with its hint and its problems, named by the JSON pointer it edits. */
export function FieldShell({ pointer, label, optional, hint, className, children }: FieldShellProps) {
  const { t } = useI18n();
  const { problems, onBlur } = useFieldProblems(pointer);
  const id = fieldId(pointer);
  const hintId = hint ? `${id}-hint` : '';
  const problemsId = problems.length ? `${id}-problems` : '';
  const describedBy = [problemsId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${problems.length ? 'has-problem' : ''} ${className ?? ''}`.trim()}>
      <label className="field-label" htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> ({t('customs.optional')})</span>}
      </label>
      {children({ id, onBlur, 'aria-invalid': problems.length ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <ProblemList id={`${id}-problems`} problems={problems} />
    </div>
  );
}

interface TextFieldProps extends Omit<FieldShellProps, 'children'> {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'number' | 'datetime-local';
  list?: string;
  maxLength?: number;
  autoComplete?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  placeholder?: string;
}

/** A labelled text (or number, or date-time) input. */
export function TextField({ value, onChange, type = 'text', list, maxLength, autoComplete = 'off', inputMode, placeholder, ...shell }: TextFieldProps) {
  return (
    <FieldShell {...shell}>
      {(control) => (
        <input
          {...control}
          type={type}
          value={value}
          list={list}
          maxLength={maxLength}
          autoComplete={autoComplete}
          inputMode={inputMode}
          placeholder={placeholder}
          step={type === 'number' ? 'any' : undefined}
          min={type === 'number' ? 0 : undefined}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldShell>
  );
}

interface SelectFieldProps extends Omit<FieldShellProps, 'children'> {
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<{ value: string; label: string }>;
  placeholder: string;
}

/** A labelled drop-down with an empty first choice. */
export function SelectField({ value, onChange, options, placeholder, ...shell }: SelectFieldProps) {
  return (
    <FieldShell {...shell}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{placeholder}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

interface TextAreaFieldProps extends Omit<FieldShellProps, 'children'> {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
}

/** A labelled multi-line input (reasons, findings). */
export function TextAreaField({ value, onChange, rows = 3, maxLength, ...shell }: TextAreaFieldProps) {
  return (
    <FieldShell {...shell}>
      {(control) => <textarea {...control} rows={rows} maxLength={maxLength} value={value} onChange={(e) => onChange(e.target.value)} />}
    </FieldShell>
  );
}
