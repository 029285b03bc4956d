import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { User } from '../../api.ts';
import { getDeclaration, getEnterprise } from '../../customs/api.ts';
import { emptyForm, fromContent, toContent, withEnterprise, type DeclarationForm, type EnterpriseParty } from '../../customs/form.ts';
import type { DeclarationView, FieldProblem } from '../../customs/types.ts';
import { useLiveValidation } from '../../customs/useLiveValidation.ts';
import { useI18n } from '../../i18n/index.tsx';
import { describeProblem } from '../../problems.ts';
import { navigate, replaceRoute } from '../../router.ts';
import { PageHeader } from '../PageHeader.tsx';
import { DocumentsSection } from '../customs/DocumentsSection.tsx';
import { FormProblemsProvider } from '../customs/form-problems.tsx';
import { ConsignmentFields } from './ConsignmentFields.tsx';
import { EditorAside } from './EditorAside.tsx';
import { GeneralFields } from './GeneralFields.tsx';
import { GoodsFields } from './GoodsFields.tsx';
import { PartiesFields } from './PartiesFields.tsx';
import { useDeclarationSave, type EditorMode } from './useDeclarationSave.ts';

/** On an amendment the arrival may stay as first declared even once it has passed. */
function relevantProblems(problems: readonly FieldProblem[], mode: EditorMode, stored: DeclarationView | null, arrival: string | undefined): FieldProblem[] {
  if (mode !== 'amend' || stored?.content.expectedArrival !== arrival) return [...problems];
  return problems.filter((p) => p.code !== 'ARRIVAL_IN_PAST');
}

/** The declaration form: create, edit a draft, or amend; validated live by the server as the user types. */
export function DeclarationEditor({ mode, id, user }: { mode: EditorMode; id?: string; user: User }) {
  const { t } = useI18n();
  const [form, setForm] = useState<DeclarationForm | null>(mode === 'new' ? emptyForm() : null);
  const [stored, setStored] = useState<DeclarationView | null>(null);
  const [loadProblem, setLoadProblem] = useState<unknown>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [refused, setRefused] = useState<{ json: string; problems: FieldProblem[] } | null>(null);
  const enterprise = useRef<EnterpriseParty | null>(null);
  const summaryRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (mode === 'new') {
      if (!user.enterpriseId) return;
      // The declarant files for its own enterprise: pre-fill that party (the user can change it).
      getEnterprise(user.enterpriseId).then(
        (e) => {
          enterprise.current = e;
          setForm((f) => f && withEnterprise(f, 'declarant', e));
        },
        () => undefined,
      );
      return;
    }
    if (!id) return;
    getDeclaration(id).then((d) => {
      const editable = mode === 'edit' ? d.state === 'draft' : d.allowedActions.includes('amend');
      if (!editable) return replaceRoute('declarations', d.id);
      setStored(d);
      setForm(fromContent(d.content));
    }, setLoadProblem);
  }, [mode, id, user.enterpriseId]);

  const content = useMemo(() => (form ? toContent(form) : null), [form]);
  const json = content ? JSON.stringify(content) : '';
  const live = useLiveValidation(content);
  const checked = refused && refused.json === json ? refused.problems : (live.result ?? live.last)?.problems ?? null;
  const problems = checked ? relevantProblems(checked, mode, stored, content?.expectedArrival) : null;

  const touch = useCallback((pointer: string) => setTouched((prev) => (prev.has(pointer) ? prev : new Set(prev).add(pointer))), []);
  const problemContext = useMemo(() => ({ problems: problems ?? [], showAll, touched, touch }), [problems, showAll, touched, touch]);

  const showEveryProblem = () => {
    setShowAll(true);
    summaryRef.current?.focus();
  };
  const { busy, problem, save, submit } = useDeclarationSave(mode, id ?? stored?.id, {
    onProblems: (found) => {
      setRefused({ json, problems: found });
      showEveryProblem();
    },
    onSaved: (d) => {
      setStored(d);
      if (mode === 'new') replaceRoute('declarations', d.id, 'edit');
    },
    onSubmitted: (d) => navigate('declarations', d.id),
  });

  if (loadProblem !== null) {
    return (
      <p className="alert alert-error" role="alert">
        {describeProblem(loadProblem, t)}
      </p>
    );
  }
  if (!form || !content) return <p role="status">{t('common.loading')}</p>;

  const update = (fn: (f: DeclarationForm) => DeclarationForm) => setForm((f) => (f ? fn(f) : f));
  const reference = stored?.content.localReference || stored?.id || '';
  const title = mode === 'new' ? t('customs.editor.newTitle') : mode === 'edit' ? t('customs.editor.editTitle', { ref: reference }) : t('customs.editor.amendTitle', { ref: reference });
  const onSubmit = () => {
    const fresh = relevantProblems(live.result?.problems ?? [], mode, stored, content.expectedArrival);
    // Known problems are shown at once; the server is asked only when the form may pass.
    if (live.result && fresh.length > 0) return showEveryProblem();
    void submit(content);
  };

  return (
    <article className="screen" aria-labelledby="page-title">
      <PageHeader title={title} intro={t(mode === 'amend' ? 'customs.editor.amendIntro' : 'customs.editor.intro')} focusKey={`${mode}:${id ?? ''}`} />
      <FormProblemsProvider value={problemContext}>
        <form className="editor" noValidate onSubmit={(e) => e.preventDefault()} aria-label={title}>
          <div className="editor-main">
            <GeneralFields
              form={form}
              update={update}
              onTypeChosen={(type) => {
                const role = type === 'import' ? 'importer' : type === 'export' ? 'exporter' : null;
                if (role) update((f) => withEnterprise(f, role, enterprise.current));
              }}
            />
            <PartiesFields form={form} update={update} />
            <ConsignmentFields form={form} update={update} />
            <GoodsFields form={form} update={update} duties={(live.result ?? live.last)?.duties ?? null} />
          </div>
          <EditorAside
            mode={mode}
            problems={problems}
            checking={live.checking}
            validationProblem={live.problem}
            duties={(live.result ?? live.last)?.duties ?? null}
            stored={stored}
            busy={busy}
            actionProblem={problem}
            summaryRef={summaryRef}
            onSave={() => void save(content)}
            onSubmit={onSubmit}
          />
        </form>
      </FormProblemsProvider>
      {stored && <DocumentsSection declarationId={stored.id} canUpload />}
      {mode === 'new' && <p className="muted">{t('customs.editor.saveToAttach')}</p>}
    </article>
  );
}
