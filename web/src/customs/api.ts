/** The customs HTTP API as the portal and the console call it (contract: docs/customs.md). */
import { ApiProblem, request } from '../api.ts';
import type {
  DeclarationContent, DeclarationView, DocumentView, OverrideEntry, ReleaseNotice, TariffLine, TimelineEntry, ValidationResult, WorkItem,
} from './types.ts';

const BASE = '/api/customs/declarations';

/** The path of one declaration, or of something below it. */
export function declarationPath(id: string, ...rest: string[]): string {
  return [BASE, encodeURIComponent(id), ...rest.map(encodeURIComponent)].join('/');
}

const idem = (key: string) => ({ headers: { 'idempotency-key': key } });

/** A page of declarations the caller may see, newest first. */
export function listDeclarations(cursor: string | null, limit = 20): Promise<{ items: DeclarationView[]; next: string | null }> {
  const q = new URLSearchParams({ limit: String(limit) });
  if (cursor) q.set('cursor', cursor);
  return request('GET', `${BASE}?${q}`);
}

/** One declaration. */
export function getDeclaration(id: string): Promise<DeclarationView> {
  return request('GET', declarationPath(id));
}

/** Creates a draft; the key makes a repeated click return the same draft. */
export function createDraft(content: DeclarationContent, key: string): Promise<DeclarationView> {
  return request('POST', BASE, content, idem(key));
}

/** Creates and submits in one step (answers after assessment). */
export function createAndSubmit(content: DeclarationContent, key: string): Promise<DeclarationView> {
  return request('POST', `${BASE}?submit=true`, content, idem(key));
}

/** Replaces a draft's content. */
export function updateDraft(id: string, content: DeclarationContent): Promise<DeclarationView> {
  return request('PUT', declarationPath(id), content);
}

/** Submits a stored draft (answers after assessment). */
export function submitDraft(id: string, key: string): Promise<DeclarationView> {
  return request('POST', declarationPath(id, 'submit'), {}, idem(key));
}

/** Amends a submitted declaration: a new version, assessed again. */
export function amendDeclaration(id: string, content: DeclarationContent, key: string): Promise<DeclarationView> {
  return request('POST', declarationPath(id, 'amend'), content, idem(key));
}

/**
 * Checks a declaration as submission would, storing nothing. A structural problem (400) is
 * returned as problems too, so the form can show it beside its field like any other.
 */
export async function validateDeclaration(content: DeclarationContent): Promise<ValidationResult> {
  try {
    return await request<ValidationResult>('POST', `${BASE}/validate`, content);
  } catch (err) {
    if (err instanceof ApiProblem && err.status === 400 && err.errors.length > 0) {
      return { valid: false, problems: err.errors, duties: { items: [], totals: [] } };
    }
    throw err;
  }
}

/** Any POST action on a declaration (`cancel`, `release`, …) with its body; one key per attempt. */
export function act(id: string, action: string, body: unknown, key: string): Promise<DeclarationView> {
  return request('POST', declarationPath(id, action.replace(/_/g, '-')), body, idem(key));
}

/** The declaration's timeline, oldest first. */
export async function getTimeline(id: string): Promise<TimelineEntry[]> {
  return (await request<{ items: TimelineEntry[] }>('GET', declarationPath(id, 'timeline'))).items;
}

/** The declaration's documents. */
export async function listDocuments(id: string): Promise<DocumentView[]> {
  return (await request<{ items: DocumentView[] }>('GET', declarationPath(id, 'documents'))).items;
}

/** Uploads a file as a document of the given type; the server checks size and magic bytes. */
export function uploadDocument(id: string, type: string, file: File): Promise<DocumentView> {
  const q = new URLSearchParams({ type, filename: file.name.slice(0, 200) });
  // An unknown or empty browser type is sent as such, so the server answers 415 in its own words.
  const contentType = file.type || 'application/octet-stream';
  return request('POST', `${declarationPath(id, 'documents')}?${q}`, undefined, { raw: { body: file, contentType } });
}

/** The URL a document downloads from (the session cookie authorises it). */
export function documentUrl(id: string, documentId: string): string {
  return declarationPath(id, 'documents', documentId);
}

/** The signed release notice. */
export function getReleaseNotice(id: string): Promise<ReleaseNotice> {
  return request('GET', declarationPath(id, 'release-notice'));
}

/** The URL of the release notice (JSON) or of its QR code image. */
export function releaseNoticeUrl(id: string, format?: 'png' | 'svg'): string {
  return `${declarationPath(id, 'release-notice')}${format ? `?format=${format}` : ''}`;
}

/** The caller's worklist (a supervisor's: everyone's). */
export async function getWorklist(): Promise<WorkItem[]> {
  return (await request<{ items: WorkItem[] }>('GET', '/api/customs/worklist?limit=200')).items;
}

/** Every channel override, newest first. */
export async function getOverrides(): Promise<OverrideEntry[]> {
  return (await request<{ items: OverrideEntry[] }>('GET', '/api/customs/overrides?limit=200')).items;
}

/** Tariff lines matching a code prefix or words, for the HS code picker. */
export async function searchTariff(q: string): Promise<TariffLine[]> {
  const params = new URLSearchParams({ q, limit: '8' });
  return (await request<{ items: TariffLine[] }>('GET', `/api/customs/tariff/lines?${params}`)).items;
}

/** The caller's enterprise (name, tax code, country), to pre-fill the parties of a new declaration. */
export function getEnterprise(id: string): Promise<{ id: string; taxCode: string; name: string; country: string }> {
  return request('GET', `/api/identity/enterprises/${encodeURIComponent(id)}`);
}
