import type { DeclarationForm } from '../../customs/form.ts';

/** Changes the form through a pure updater, as React state setters do. */
export type UpdateForm = (fn: (form: DeclarationForm) => DeclarationForm) => void;

/** What every section of the declaration form receives. */
export interface SectionProps {
  form: DeclarationForm;
  update: UpdateForm;
}
