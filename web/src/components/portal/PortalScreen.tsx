import type { User } from '../../api.ts';
import type { ShellPage } from '../../pages.ts';
import { useSubRoute } from '../../router.ts';
import { DeclarationDetail } from './DeclarationDetail.tsx';
import { DeclarationEditor } from './DeclarationEditor.tsx';
import { DeclarationList } from './DeclarationList.tsx';

/** The views of the declarant portal, by hash route below `#/declarations`. */
export type PortalView =
  | { view: 'list' }
  | { view: 'new' }
  | { view: 'detail'; id: string }
  | { view: 'edit'; id: string }
  | { view: 'amend'; id: string };

/** Reads the portal view from the route segments (`['decl_1', 'edit']` → edit decl_1); anything else is the list. */
export function parsePortalView(rest: readonly string[]): PortalView {
  const [first, second] = rest;
  if (!first) return { view: 'list' };
  if (first === 'new') return { view: 'new' };
  if (second === 'edit') return { view: 'edit', id: first };
  if (second === 'amend') return { view: 'amend', id: first };
  return { view: 'detail', id: first };
}

/** The declarant portal: my declarations, the declaration form, and each declaration's page. */
export function PortalScreen({ page, user }: { page: ShellPage; user: User }) {
  const v = parsePortalView(useSubRoute());
  switch (v.view) {
    case 'list':
      return <DeclarationList page={page} />;
    case 'new':
      return <DeclarationEditor key="new" mode="new" user={user} />;
    case 'edit':
    case 'amend':
      return <DeclarationEditor key={`${v.view}:${v.id}`} mode={v.view} id={v.id} user={user} />;
    case 'detail':
      return <DeclarationDetail key={v.id} id={v.id} />;
  }
}
