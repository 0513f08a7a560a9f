// The filter panel's attributes: any attribute of organisations, partnerships, events or relations
// can be filtered on, categorical ones as values to tick (with how many records of what the other
// filters keep have each), numbers and dates as a range. Each attribute's type is shown and can be
// corrected here. Attribute filters live in the view's filters, so saved views keep them.
import { useEffect, useState } from 'react';
import { ATTRIBUTE_TYPES, isRangeType, type AttributeKind, type AttributeType } from '../../../../shared/attributes';
import type { CallOutput } from '../../../../shared/contract';
import type { AttributeFilter } from '../../../../shared/schemas';
import { call, errorText } from '../../api/client';
import { useAtlas } from '../../store/atlas';
import { useAttributes, type AttributeInfo } from './store';
import { countText } from '../../../../shared/count-text';

type Facet = CallOutput<'attributes.facet'>;
const KIND_LABEL: Record<AttributeKind, string> = {
  organisation: 'Organisations',
  partnership: 'Partnerships',
  event: 'Events',
  relation: 'Relations',
};
const TYPE_LABEL: Record<AttributeType, string> = { text: 'text', number: 'number', date: 'date', boolean: 'yes/no', list: 'list' };
const NO_FILTERS: AttributeFilter[] = [];
const same = (f: AttributeFilter, a: { kind: string; name: string }) => f.kind === a.kind && f.name === a.name;

function useFilterList(): [AttributeFilter[], (next: AttributeFilter[]) => void] {
  // The list itself, not `?? []` inside the selector: a new empty array each time would re-render forever.
  const stored = useAtlas((s) => s.vs.filters.attributes);
  const list = stored ?? NO_FILTERS;
  const patch = useAtlas((s) => s.patchFilters);
  return [list, (next) => void patch({ attributes: next.length ? next : undefined })];
}

function Values({ info, facet }: { info: AttributeInfo; facet: Facet }) {
  const [list, setList] = useFilterList();
  const current = list.find((f) => same(f, info));
  const ticked = current?.values ?? [];
  const toggle = (value: string) => {
    const values = ticked.includes(value) ? ticked.filter((v) => v !== value) : [...ticked, value];
    const rest = list.filter((f) => !same(f, info));
    setList(values.length ? [...rest, { kind: info.kind, name: info.name, values }] : rest);
  };
  if (facet.values.length === 0) return <p className="muted small">No values among what is shown.</p>;
  return (
    <ul className="checks">
      {facet.values.map((v) => (
        <li key={v.value}>
          <label>
            <input
              type="checkbox"
              checked={ticked.includes(v.value)}
              onChange={() => toggle(v.value)}
              data-testid={`attr-value-${info.name}-${v.value}`}
            />
            {v.value} <span className="count">{countText(v.count)}</span>
          </label>
        </li>
      ))}
      {facet.more > 0 && <li className="muted small">and {countText(facet.more)} more values</li>}
    </ul>
  );
}

function Range({ info, facet }: { info: AttributeInfo; facet: Facet }) {
  const [list, setList] = useFilterList();
  const current = list.find((f) => same(f, info));
  const [min, setMin] = useState(current?.min === undefined ? '' : String(current.min));
  const [max, setMax] = useState(current?.max === undefined ? '' : String(current.max));
  const [error, setError] = useState<string | null>(null);
  const bound = (text: string): number | string | undefined => {
    const t = text.trim();
    if (t === '') return undefined;
    return info.type === 'number' ? Number(t) : t;
  };
  const apply = () => {
    const lo = bound(min);
    const hi = bound(max);
    if ((typeof lo === 'number' && !Number.isFinite(lo)) || (typeof hi === 'number' && !Number.isFinite(hi))) {
      setError('Write numbers, such as 10 or 2.5');
      return;
    }
    setError(null);
    const rest = list.filter((f) => !same(f, info));
    const f: AttributeFilter = {
      kind: info.kind,
      name: info.name,
      ...(lo !== undefined ? { min: lo } : {}),
      ...(hi !== undefined ? { max: hi } : {}),
    };
    setList(lo === undefined && hi === undefined ? rest : [...rest, f]);
  };
  const placeholder = (v: number | string | undefined) => (v === undefined ? '' : String(v));
  return (
    <div className="attr-range">
      <label>
        from{' '}
        <input
          value={min}
          placeholder={placeholder(facet.range?.min)}
          onChange={(e) => setMin(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => e.key === 'Enter' && apply()}
          aria-label={`${info.name} from`}
          data-testid={`attr-min-${info.name}`}
          size={8}
        />
      </label>{' '}
      <label>
        to{' '}
        <input
          value={max}
          placeholder={placeholder(facet.range?.max)}
          onChange={(e) => setMax(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => e.key === 'Enter' && apply()}
          aria-label={`${info.name} to`}
          data-testid={`attr-max-${info.name}`}
          size={8}
        />
      </label>
      {facet.range && (
        <p className="muted small">
          {countText(facet.count)} with a value, from {String(facet.range.min)} to {String(facet.range.max)}
        </p>
      )}
      {error && <p className="error small">{error}</p>}
    </div>
  );
}

function AttributeBlock({ info, onRemove }: { info: AttributeInfo; onRemove: () => void }) {
  const filters = useAtlas((s) => s.vs.filters);
  const setType = useAttributes((s) => s.setType);
  const [facet, setFacet] = useState<Facet | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('attributes.facet', { kind: info.kind, name: info.name, filters })
      .then((f) => live && setFacet(f))
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [info.kind, info.name, info.type, filters]);
  return (
    <div className="attr-filter" data-testid={`attr-filter-${info.name}`}>
      <div className="attr-head">
        <strong>{info.name}</strong>{' '}
        <select
          value={info.type}
          aria-label={`Type of ${info.name}`}
          title={info.corrected ? `Corrected by hand (inferred: ${TYPE_LABEL[info.inferred]})` : 'Inferred from the values'}
          onChange={(e) => void setType(info.kind, info.name, e.target.value === info.inferred ? null : (e.target.value as AttributeType))}
          data-testid={`attr-type-${info.name}`}
        >
          {ATTRIBUTE_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
              {t === info.inferred ? ' (inferred)' : ''}
            </option>
          ))}
        </select>{' '}
        <button className="icon" aria-label={`Stop filtering on ${info.name}`} onClick={onRemove}>
          ×
        </button>
      </div>
      {error && <p className="error small">{error}</p>}
      {facet && (isRangeType(info.type) ? <Range key={info.type} info={info} facet={facet} /> : <Values info={info} facet={facet} />)}
    </div>
  );
}

export function AttributeFilters() {
  const catalogue = useAttributes((s) => s.catalogue);
  const [list, setList] = useFilterList();
  const [open, setOpen] = useState<{ kind: AttributeKind; name: string }[]>([]);
  const shown = [...list.map((f) => ({ kind: f.kind, name: f.name })), ...open.filter((o) => !list.some((f) => same(f, o)))];
  const unique = shown.filter((s, i) => shown.findIndex((t) => t.kind === s.kind && t.name === s.name) === i);
  if (catalogue.length === 0)
    return <p className="muted small">No record in this network has attributes (columns a file brought beyond Atlas's own).</p>;
  return (
    <div className="attribute-filters">
      {unique.map((s) => {
        const info = catalogue.find((a) => a.kind === s.kind && a.name === s.name);
        if (!info) return null;
        return (
          <AttributeBlock
            key={`${s.kind}:${s.name}`}
            info={info}
            onRemove={() => {
              setOpen(open.filter((o) => !(o.kind === s.kind && o.name === s.name)));
              setList(list.filter((f) => !same(f, s)));
            }}
          />
        );
      })}
      <label>
        Filter on{' '}
        <select
          value=""
          data-testid="add-attribute-filter"
          onChange={(e) => {
            const [kind, name] = JSON.parse(e.target.value) as [AttributeKind, string];
            setOpen([...open, { kind, name }]);
          }}
        >
          <option value="">an attribute…</option>
          {(['organisation', 'partnership', 'event', 'relation'] as const).map((kind) => {
            const of = catalogue.filter((a) => a.kind === kind && !unique.some((u) => u.kind === kind && u.name === a.name));
            return of.length ? (
              <optgroup key={kind} label={KIND_LABEL[kind]}>
                {of.map((a) => (
                  <option key={a.name} value={JSON.stringify([kind, a.name])}>
                    {a.name} ({TYPE_LABEL[a.type]}, {countText(a.count)})
                  </option>
                ))}
              </optgroup>
            ) : null;
          })}
        </select>
      </label>
    </div>
  );
}
