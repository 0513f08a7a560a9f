// The filter panel: every filter the engine knows, with the values present in the network and how
// many records carry each, a timeline for dates, and one action that clears them all.
import { memo, type ReactNode, useDeferredValue, useState } from 'react';
import type { Facets, Filters } from '../../../../shared/schemas';
import { SECTOR_COLOURS } from '../../../../shared/palette';
import type { Sector } from '../../../../shared/domain';
import { useAtlas } from '../../store/atlas';
import { activeFilterCount } from '../../store/view';
import { AttributeFilters } from '../attributes/AttributeFilters';
import { TimelineSlider } from './TimelineSlider';
import { countText } from '../../../../shared/count-text';

type Facet = Facets['countries'][number];
type ListKey = 'regions' | 'subRegions' | 'countries' | 'sectors' | 'partnershipKinds' | 'eventKinds' | 'focusAreas' | 'tags';

function toggle(list: readonly string[] | undefined, value: string): string[] {
  const l = list ?? [];
  return l.includes(value) ? l.filter((v) => v !== value) : [...l, value];
}

/**
 * One section of filters. A section is filled in only once it has been open: the closed ones
 * (countries, tags… hundreds of checkboxes on a large network) would otherwise be rendered again
 * after every filter change and drill-down, 100 ms and more of the window's time (issue 17).
 */
function Section({ title, count, open, children }: { title: string; count: number; open?: boolean; children: ReactNode }) {
  const shown = open || count > 0;
  const [seen, setSeen] = useState(shown);
  return (
    <details className="filter-section" open={shown} onToggle={(e) => e.currentTarget.open && setSeen(true)}>
      <summary>
        {title}
        {count > 0 && <span className="badge">{count}</span>}
      </summary>
      {(seen || shown) && children}
    </details>
  );
}

/**
 * One value's checkbox. Memoised on plain values, so that a list of hundreds renders again only
 * where a count or a tick changed; the click reads the filters as they are then.
 */
const CheckRow = memo(function CheckRow(props: {
  field: ListKey;
  value: string;
  label: string;
  count: number;
  checked: boolean;
  colour?: string;
  /** Where the row is in a windowed list, for screen readers, which see only the rows drawn. */
  place?: { at: number; of: number };
}) {
  const { field, value } = props;
  const onChange = () => {
    const { vs, patchFilters } = useAtlas.getState();
    void patchFilters({ [field]: toggle(vs.filters[field] as string[] | undefined, value) } as Partial<Filters>);
  };
  return (
    <li aria-posinset={props.place?.at} aria-setsize={props.place?.of}>
      <label>
        <input type="checkbox" checked={props.checked} onChange={onChange} />
        {props.colour && <span className="swatch" style={{ background: props.colour }} />}
        <span className="check-label">{props.label}</span>
        <span className="muted count">{countText(props.count)}</span>
      </label>
    </li>
  );
});

/**
 * Lists longer than this (countries, tags: hundreds of values) draw only the rows in and near their
 * scrolled window, at a fixed height each. Drawn whole, the 250 countries that open with a drill
 * into a country were 1,250 elements to render, style and lay out in the drill's frames: 38 ms of
 * style and layout in one of them (issue 17).
 */
const WINDOWED_ABOVE = 60;
const ROW_PX = 24;
/** Rows drawn: the list's 220 px show nine; the rest are for scrolling without blank rows. */
const WINDOW_ROWS = 30;

function Checks({ facets, field, swatch }: { facets: Facet[]; field: ListKey; swatch?: (v: string) => string }) {
  const filters = useAtlas((s) => s.vs.filters);
  const [narrow, setNarrow] = useState('');
  const [scrolled, setScrolled] = useState(0);
  const chosen = (filters[field] ?? []) as string[];
  const shown = narrow ? facets.filter((f) => f.label.toLowerCase().includes(narrow.toLowerCase())) : facets;
  if (facets.length === 0) return <p className="muted small">None in this network.</p>;
  const windowed = shown.length > WINDOWED_ABOVE;
  const first = windowed ? Math.min(Math.max(0, Math.floor(scrolled / ROW_PX) - 10), Math.max(0, shown.length - WINDOW_ROWS)) : 0;
  const last = windowed ? Math.min(shown.length, first + WINDOW_ROWS) : shown.length;
  return (
    <>
      {facets.length > 10 && (
        <input
          className="narrow"
          type="search"
          placeholder="Narrow the list"
          aria-label={`Narrow ${field}`}
          value={narrow}
          onChange={(e) => {
            setNarrow(e.target.value);
            setScrolled(0); // the narrowed list is a new one, from its top (its key)
          }}
        />
      )}
      <ul
        // A new list for each narrowing: it starts from its top.
        key={narrow}
        className={windowed ? 'checks windowed' : 'checks'}
        data-testid={`filter-${field}`}
        onScroll={windowed ? (e) => setScrolled(e.currentTarget.scrollTop) : undefined}
      >
        {first > 0 && <li aria-hidden="true" style={{ height: first * ROW_PX }} />}
        {shown.slice(first, last).map((f, i) => (
          <CheckRow
            key={f.value}
            field={field}
            value={f.value}
            label={f.label}
            count={f.count}
            checked={chosen.includes(f.value)}
            colour={swatch?.(f.value)}
            place={windowed ? { at: first + i + 1, of: shown.length } : undefined}
          />
        ))}
        {last < shown.length && <li aria-hidden="true" style={{ height: (shown.length - last) * ROW_PX }} />}
      </ul>
    </>
  );
}

function Regions({ facets }: { facets: Facets['regions'] }) {
  const filters = useAtlas((s) => s.vs.filters);
  const patch = useAtlas((s) => s.patchFilters);
  if (facets.length === 0) return <p className="muted small">No organisation in this network has a country yet.</p>;
  return (
    <ul className="checks" data-testid="filter-regions">
      {facets.map((r) => (
        <li key={r.value}>
          <label>
            <input
              type="checkbox"
              checked={(filters.regions ?? []).includes(r.value)}
              onChange={() => void patch({ regions: toggle(filters.regions, r.value) })}
            />
            <span className="check-label">{r.label}</span>
            <span className="muted count">{countText(r.count)}</span>
          </label>
          {r.subRegions.length > 0 && (
            <ul className="checks nested">
              {r.subRegions.map((s) => (
                <li key={s.value}>
                  <label>
                    <input
                      type="checkbox"
                      checked={(filters.subRegions ?? []).includes(s.value)}
                      onChange={() => void patch({ subRegions: toggle(filters.subRegions, s.value) })}
                    />
                    <span className="check-label">{s.label}</span>
                    <span className="muted count">{countText(s.count)}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

function MinWeight({ max }: { max: number }) {
  const value = useAtlas((s) => s.vs.filters.minWeight ?? 1);
  const patch = useAtlas((s) => s.patchFilters);
  const [draft, setDraft] = useState<number | null>(null);
  const shown = draft ?? value;
  return (
    <label className="range">
      <span>
        Ties with at least <strong>{shown}</strong> shared {shown === 1 ? 'connection' : 'connections'}
      </span>
      <input
        type="range"
        min={1}
        max={Math.max(2, max)}
        value={shown}
        aria-label="Minimum tie weight"
        data-testid="min-weight"
        onChange={(e) => setDraft(Number(e.target.value))}
        onPointerUp={() => draft !== null && (void patch({ minWeight: draft > 1 ? draft : undefined }), setDraft(null))}
        onKeyUp={() => draft !== null && (void patch({ minWeight: draft > 1 ? draft : undefined }), setDraft(null))}
      />
    </label>
  );
}

/** Organisations that cite no source: what still needs checking, combined with any other filter. */
function Unsourced() {
  const on = useAtlas((s) => s.vs.filters.unsourced === true);
  const patch = useAtlas((s) => s.patchFilters);
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => void patch({ unsourced: e.target.checked ? true : undefined })}
        data-testid="filter-unsourced"
      />
      Only organisations citing no source
    </label>
  );
}

export function FilterPanel() {
  // The counts follow in a render of their own (see SidePanel); the ticks themselves do not wait.
  const facets = useDeferredValue(useAtlas((s) => s.facets));
  const filters = useAtlas((s) => s.vs.filters);
  const clear = useAtlas((s) => s.clearFilters);
  const searching = useAtlas((s) => s.search.trim() !== '');
  const cleared = useAtlas((s) => s.cleared);
  const close = () => useAtlas.getState().togglePanel('filters', false);
  const n = activeFilterCount(filters);
  const len = (k: ListKey) => (filters[k] ?? []).length;
  return (
    <aside className="panel filters" aria-label="Filters" data-testid="filter-panel">
      <header className="panel-head">
        <h2>Filters</h2>
        <button className="tool" disabled={n === 0 && !searching} onClick={() => void clear()} data-testid="clear-filters">
          Clear all{n > 0 ? ` (${n})` : ''}
        </button>
        <button className="icon" aria-label="Collapse the filter panel" title="Collapse" onClick={close}>
          ‹
        </button>
      </header>
      <p className="muted small cleared" role="status" data-testid="cleared">
        {cleared}
      </p>
      {!facets ? (
        <p className="muted">Loading the values in this network…</p>
      ) : (
        <>
          <Section title="Dates" count={(filters.dateFrom ? 1 : 0) + (filters.dateTo ? 1 : 0)} open>
            <TimelineSlider years={facets.years} />
          </Section>
          <Section title="Region" count={len('regions') + len('subRegions')} open>
            <Regions facets={facets.regions} />
          </Section>
          <Section title="Country" count={len('countries')}>
            <Checks facets={facets.countries} field="countries" />
          </Section>
          <Section title="Sector" count={len('sectors')} open>
            <Checks facets={facets.sectors} field="sectors" swatch={(v) => SECTOR_COLOURS[v as Sector] ?? '#999'} />
          </Section>
          <Section title="Partnership kind" count={len('partnershipKinds')}>
            <Checks facets={facets.partnershipKinds} field="partnershipKinds" />
          </Section>
          <Section title="Focus area" count={len('focusAreas')}>
            <Checks facets={facets.focusAreas} field="focusAreas" />
          </Section>
          <Section title="Event kind" count={len('eventKinds')}>
            <Checks facets={facets.eventKinds} field="eventKinds" />
          </Section>
          <Section title="Tags" count={len('tags')}>
            <Checks facets={facets.tags} field="tags" />
          </Section>
          <Section title="Tie weight" count={filters.minWeight ? 1 : 0}>
            <MinWeight max={facets.maxWeight} />
          </Section>
          <Section title="Sources" count={filters.unsourced ? 1 : 0}>
            <Unsourced />
          </Section>
          <Section title="Attributes" count={(filters.attributes ?? []).length} open>
            <AttributeFilters />
          </Section>
        </>
      )}
    </aside>
  );
}
