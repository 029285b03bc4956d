import type { User } from '../../api.ts';
import type { ShellPage } from '../../pages.ts';
import { useSubRoute } from '../../router.ts';
import { CaseDetail } from './CaseDetail.tsx';
import { Worklist } from './Worklist.tsx';

/** The officer console: the worklist at `#/worklist`, a case at `#/worklist/{id}`. */
export function ConsoleScreen({ page, user }: { page: ShellPage; user: User }) {
  const [id] = useSubRoute();
  return id ? <CaseDetail key={id} id={id} /> : <Worklist page={page} user={user} />;
}
