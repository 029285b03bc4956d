import { useEffect, useState } from 'react';

/** The route as a page id: `#/worklist` → `worklist`; an empty hash → `''`. */
export function currentRoute(): string {
  return window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
}

/** The href that opens a page. */
export function routeHref(pageId: string): string {
  return `#/${pageId}`;
}

/** Replaces the route without adding a history entry (used for redirects). */
export function replaceRoute(pageId: string): void {
  const url = `${window.location.pathname}${window.location.search}${pageId ? routeHref(pageId) : ''}`;
  window.history.replaceState(null, '', url);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Subscribes to the hash route; re-renders on back/forward and link clicks. */
export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onChange = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
