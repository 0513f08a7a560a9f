// Bulk edit from the table view: set the sector, the country, tags or an attribute on many
// organisations at once (the selection made by shift-click or box in the graph or the table, or
// every organisation the table lists), as one step that one Ctrl+Z takes back, citing a source if
// one is given.
import { useEffect, useState } from 'react';
import { SECTOR_LABELS, SECTORS } from '../../../../shared/domain';
import type { Country, GraphNode, Source } from '../../../../shared/schemas';
import { ApiError, call, errorText } from '../../api/client';
import { useAtlas } from '../../store/atlas';
import { write } from './edits';
import { countryOption, readCountry } from './fields';
import { countries } from './form-request';
import { countText } from '../../../../shared/count-text';

type What = 'sector' | 'country' | 'addTags' | 'removeTags' | 'attribute';

export function BulkEdit({ nodes }: { nodes: GraphNode[] }) {
  const selection = useAtlas((s) => s.selection);
  const readOnly = useAtlas((s) => s.info?.viewing != null);
  const [open, setOpen] = useState(false);
  const [what, setWhat] = useState<What>('sector');
  const [value, setValue] = useState('');
  const [attr, setAttr] = useState('');
  const [scope, setScope] = useState<'selection' | 'all'>('selection');
  const [list, setList] = useState<Country[]>([]);
  const [sources, setSources] = useState<Source[]>([]);
  const [sourceId, setSourceId] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    void countries().then(setList);
    void call('source.list', { limit: 10_000, sort: 'title' }).then((r) => setSources(r.items));
  }, [open]);
  const orgIds = new Set(nodes.filter((n) => n.type === 'organisation').map((n) => n.id));
  const selected = selection.filter((id) => orgIds.has(id));
  const ids = scope === 'selection' ? selected : [...orgIds];
  if (readOnly) return null;
  if (!open)
    return (
      <button className="tool bulk-open" onClick={() => setOpen(true)} data-testid="bulk-open">
        Bulk edit…
      </button>
    );
  const apply = async () => {
    setMessage(null);
    let set: Record<string, unknown>;
    const tags = value
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (what === 'sector') set = { sector: value };
    else if (what === 'country') {
      const code = readCountry(value, list);
      if (code === undefined) return setMessage(`No country is called “${value}”`);
      set = { country: code };
    } else if (what === 'addTags' || what === 'removeTags') set = { [what]: tags };
    else {
      if (!attr.trim()) return setMessage('Name the attribute');
      const n = Number(value);
      set = { attribute: { name: attr.trim(), value: value.trim() !== '' && Number.isFinite(n) ? n : value } };
    }
    try {
      const r = await write('organisation.bulkUpdate', { ids, set, ...(sourceId ? { sourceId } : {}) } as never);
      setMessage(`Changed ${countText(r.changed)} organisation${r.changed === 1 ? '' : 's'}. Ctrl+Z takes it back.`);
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : errorText(err));
    }
  };
  return (
    <section className="bulk-edit" aria-label="Bulk edit" data-testid="bulk-edit">
      <div className="add-link">
        <select
          aria-label="Which organisations"
          value={scope}
          onChange={(e) => setScope(e.target.value as 'selection' | 'all')}
          data-testid="bulk-scope"
        >
          <option value="selection">The {selected.length} selected</option>
          <option value="all">All {orgIds.size} in the table</option>
        </select>
        <select
          aria-label="What to set"
          value={what}
          onChange={(e) => (setWhat(e.target.value as What), setValue(''))}
          data-testid="bulk-what"
        >
          <option value="sector">Sector</option>
          <option value="country">Country</option>
          <option value="addTags">Add tags</option>
          <option value="removeTags">Remove tags</option>
          <option value="attribute">An attribute</option>
        </select>
        {what === 'attribute' && (
          <input
            aria-label="Attribute name"
            placeholder="Attribute"
            value={attr}
            onChange={(e) => setAttr(e.target.value)}
            data-testid="bulk-attr"
          />
        )}
        {what === 'sector' ? (
          <select aria-label="Sector" value={value} onChange={(e) => setValue(e.target.value)} data-testid="bulk-value">
            <option value="">Choose…</option>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {SECTOR_LABELS[s]}
              </option>
            ))}
          </select>
        ) : (
          <>
            <input
              aria-label="Value"
              list={what === 'country' ? 'bulk-countries' : undefined}
              placeholder={
                what === 'country' ? 'Name or code; empty for none' : what === 'attribute' ? 'Value' : 'Tags, separated by commas'
              }
              value={value}
              onChange={(e) => setValue(e.target.value)}
              data-testid="bulk-value"
            />
            {what === 'country' && (
              <datalist id="bulk-countries">
                {list.map((c) => (
                  <option key={c.code} value={countryOption(c)} />
                ))}
              </datalist>
            )}
          </>
        )}
        <select aria-label="Based on a source" value={sourceId} onChange={(e) => setSourceId(e.target.value)}>
          <option value="">No source</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <button
          className="primary"
          disabled={ids.length === 0 || (what === 'sector' && !value)}
          onClick={() => void apply()}
          data-testid="bulk-apply"
        >
          Set on {ids.length}
        </button>
        <button onClick={() => setOpen(false)}>Close</button>
      </div>
      {message && (
        <p className="muted" role="status" data-testid="bulk-message">
          {message}
        </p>
      )}
    </section>
  );
}
