// A component loaded on first use, in a chunk of its own. The open's first task evaluates the
// whole main bundle at once: what no one sees until they ask for it (the record forms, quick add,
// the curation dialogs, bulk edit; the shared zod schemas they check with were 40–80 ms of that
// task) stays out of it (issue 17).
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** `lazyNamed(() => import('./X'), 'X')`: the named export of a module, as React.lazy wants it. */
export function lazyNamed<P extends object, K extends string>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
