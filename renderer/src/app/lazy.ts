// A component loaded on first use, in a chunk of its own. The open's first task evaluates the
// whole main bundle at once: what no one sees until they ask for it (the record forms, quick add,
// the curation dialogs, bulk edit, the side panel's tabs but Details, the import and export
// dialogs; the shared zod schemas the forms check with were 40–80 ms of that task) stays out of
// it (issue 17).
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** `lazyNamed(() => import('./X'), 'X')`: the named export of a module, as React.lazy wants it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own bound: any props
export function lazyNamed<M extends { [k in K]: ComponentType<any> }, K extends string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
