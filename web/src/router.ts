import { useEffect, useMemo, useState } from 'react';

/** A parsed hash route: the page id and the path segments below it (`#/worklist/decl_1` → `worklist`, `['decl_1']`). */
export interface RoutePath {
  page: string;
  rest: string[];
}

/** Parses a location hash into a page id and the segments below it. */
export function parseRoute(hash: string): RoutePath {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  const [page = '', ...rest] = path.split('/').map(decodeURIComponent);
  return { page, rest: rest.filter((s) => s !== '') };
}

/** The route as a page id: `#/worklist` → `worklist`; an empty hash → `''`. */
export function currentRoute(): string {
  return parseRoute(window.location.hash).page;
}

/** The href that opens a page, or a view below it (`routeHref('declarations', id, 'edit')`). */
export function routeHref(pageId: string, ...rest: string[]): string {
  return `#/${[pageId, ...rest].map(encodeURIComponent).join('/')}`;
}

/** Opens a page (or a view below it), adding a history entry. */
export function navigate(pageId: string, ...rest: string[]): void {
  window.location.hash = routeHref(pageId, ...rest);
}

/** Replaces the route without adding a history entry (used for redirects). */
export function replaceRoute(pageId: string, ...rest: string[]): void {
  const url = `${window.location.pathname}${window.location.search}${pageId ? routeHref(pageId, ...rest) : ''}`;
  window.history.replaceState(null, '', url);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function useHash(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

/** Subscribes to the hash route's page id; re-renders on back/forward and link clicks. */
export function useRoute(): string {
  return parseRoute(useHash()).page;
}

/** Subscribes to the segments below the current page (`['decl_1', 'edit']`). */
export function useSubRoute(): string[] {
  const hash = useHash();
  // One array per hash, so effects that depend on it do not rerun on every render.
  return useMemo(() => parseRoute(hash).rest, [hash]);
}
