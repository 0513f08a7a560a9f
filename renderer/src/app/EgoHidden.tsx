// Under an ego network, whether the filters hide organisations the focus is tied to, which filter
// does, and a way to lift it: an ego network of one organisation and no ties, when its details list
// neighbours, would otherwise read as "it has none". Asked of the engine (the ego network with no
// filter, then without each filter in turn), a handful of small calls.
import { useEffect, useState } from 'react';
import type { Filters } from '../../../shared/schemas';
import { call } from '../api/client';
import { activeGroups, without, type FilterGroup } from '../features/filters/filter-groups';
import { useAtlas } from '../store/atlas';
import { cleanFilters } from '../store/view';

interface Hidden {
  hidden: number;
  total: number;
  /** The filters that, lifted alone, bring some of them back; empty when only lifting all does. */
  culprits: FilterGroup[];
}

const organisationsIn = (s: { nodes: { type: string }[] }) => s.nodes.filter((n) => n.type === 'organisation').length;

export function EgoHidden() {
  const ego = useAtlas((s) => s.vs.ego);
  const filters = useAtlas((s) => s.vs.filters);
  const raw = useAtlas((s) => s.raw);
  const [found, setFound] = useState<Hidden | null>(null);

  useEffect(() => {
    setFound(null);
    if (!ego || !raw || activeGroups(filters).length === 0) return;
    let live = true;
    const shown = organisationsIn(raw);
    const egoOf = (f: Filters) =>
      call('graph.ego', { organisationId: ego.id, depth: ego.depth, filters: cleanFilters(f), view: 'organisations' }).then(
        organisationsIn,
      );
    void (async () => {
      try {
        const all = await egoOf({});
        if (!live || all <= shown) return;
        const culprits: FilterGroup[] = [];
        for (const group of activeGroups(filters)) if ((await egoOf(without(filters, group))) > shown) culprits.push(group);
        // The focus itself counts in neither total.
        if (live) setFound({ hidden: all - shown, total: all - 1, culprits });
      } catch {
        // Only a hint: without it the ego banner still says what is drawn.
      }
    })();
    return () => {
      live = false;
    };
  }, [ego, filters, raw]);

  if (!ego || !found) return null;
  const { hidden, total, culprits } = found;
  const names = culprits.length ? culprits.map((g) => g.name).join(' and ') : 'current';
  const around =
    ego.depth === 1
      ? `the ${total} organisations ${ego.name} is tied to`
      : `the ${total} organisations within ${ego.depth} steps of ${ego.name}`;
  const a = useAtlas.getState();
  return (
    <p className="banner" role="note" data-testid="ego-hidden">
      The {names} {culprits.length > 1 || culprits.length === 0 ? 'filters hide' : 'filter hides'} {hidden} of {around}.{' '}
      {culprits.map((g) => (
        <button key={g.name} className="link" onClick={() => void a.setFilters(without(a.vs.filters, g))}>
          Lift the {g.name} filter
        </button>
      ))}
      {culprits.length === 0 && (
        <button className="link" onClick={() => void a.setFilters({})}>
          Lift the filters
        </button>
      )}
    </p>
  );
}
