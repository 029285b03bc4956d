import { useId } from 'react';
import { fieldId } from '../../customs/pointers.ts';
import { ProblemList } from '../customs/Fields.tsx';
import { useFieldProblems } from '../customs/form-problems.tsx';

interface ChoiceFieldProps {
  pointer: string;
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** Check boxes (any number) instead of radio buttons (exactly one). */
  multiple?: boolean;
}

/** A fieldset of radio buttons or check boxes, with the problems the server named at its pointer. */
export function ChoiceField({ pointer, legend, options, value, onChange, multiple = false }: ChoiceFieldProps) {
  const name = useId();
  const { problems } = useFieldProblems(pointer);
  const id = fieldId(pointer);
  return (
    <fieldset className="choice-field" id={id} aria-describedby={problems.length ? `${id}-problems` : undefined}>
      <legend className="field-label">{legend}</legend>
      <div className={multiple ? 'choice-grid' : 'choice-row'}>
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              value={o.value}
              checked={value.includes(o.value)}
              onChange={(e) => onChange(multiple ? (e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value)) : [o.value])}
            />
            {o.label}
          </label>
        ))}
      </div>
      <ProblemList id={`${id}-problems`} problems={problems} />
    </fieldset>
  );
}
