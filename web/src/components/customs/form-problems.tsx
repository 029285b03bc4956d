import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { problemsAt, problemsOfGroup } from '../../customs/pointers.ts';
import type { FieldProblem } from '../../customs/types.ts';

interface FormProblemsValue {
  problems: readonly FieldProblem[];
  /** After a submission attempt every problem shows; before, only those of inputs the user has left. */
  showAll: boolean;
  touched: ReadonlySet<string>;
  touch: (pointer: string) => void;
}

const FormProblemsContext = createContext<FormProblemsValue>({ problems: [], showAll: true, touched: new Set(), touch: () => undefined });

/** Gives the inputs below it the form's current problems (from live validation or the last submission). */
export function FormProblemsProvider({ value, children }: { value: FormProblemsValue; children: ReactNode }) {
  return <FormProblemsContext.Provider value={value}>{children}</FormProblemsContext.Provider>;
}

/** The problems to show on the input at `pointer` now, and the blur handler that marks it touched. */
export function useFieldProblems(pointer: string): { problems: FieldProblem[]; onBlur: () => void } {
  const { problems, showAll, touched, touch } = useContext(FormProblemsContext);
  return useMemo(
    () => ({ problems: showAll || touched.has(pointer) ? problemsAt(problems, pointer) : [], onBlur: () => touch(pointer) }),
    [problems, showAll, touched, touch, pointer],
  );
}

/** The problems about a whole group (`/goods` missing), shown once any of its inputs was touched. */
export function useGroupProblems(pointer: string): FieldProblem[] {
  const { problems, showAll, touched } = useContext(FormProblemsContext);
  return useMemo(() => {
    const visible = showAll || [...touched].some((p) => p === pointer || p.startsWith(`${pointer}/`));
    return visible ? problemsOfGroup(problems, pointer) : [];
  }, [problems, showAll, touched, pointer]);
}

/** Marks an input as touched (so its problems show), for links that jump to it. */
export function useTouch(): (pointer: string) => void {
  return useContext(FormProblemsContext).touch;
}
