// Export: the whole network, what is drawn, the selected organisation's ties, or a saved view, to
// the formats other tools open, a snapshot for another laptop, or a picture.
import { OmitFields } from '../attributes/OmitFields';
import { useEffect, useRef, useState } from 'react';
import { EXPORTABLE, exportExtension } from '../../../../shared/formats';
import type { ExportResult, ExportScope, SavedView } from '../../../../shared/schemas';
import { call } from '../../api/client';
import { useAtlas } from '../../store/atlas';
import { cleanFilters } from '../../store/view';
import { currentDrawing, drawnPositions } from '../graph/handle';
import { useLegend } from '../legend/use-legend';
import { download, downloadStaged } from './files';
import type { PictureOptions } from './picture-frame';
import { countText } from '../../../../shared/count-text';

// The engine's formats, then the pictures the window draws itself.
const FORMATS = [
  ...EXPORTABLE.map((f) => [f.id, f.label, exportExtension(f.id)] as const),
  ['png', 'PNG picture', 'png'],
  ['svg', 'SVG picture', 'svg'],
] as const;
type Format = (typeof FORMATS)[number][0];
type ScopeChoice = 'whole' | 'drawn' | 'selection' | 'saved';

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { slice, selectedId, vs } = useAtlas();
  const [format, setFormat] = useState<Format>('gexf');
  const [scope, setScope] = useState<ScopeChoice>('whole');
  const [scale, setScale] = useState(2);
  const [views, setViews] = useState<SavedView[]>([]);
  const [viewId, setViewId] = useState<string>('');
  const [state, setState] = useState<'idle' | 'working' | 'done' | 'failed'>('idle');
  const [message, setMessage] = useState('');
  const [omit, setOmit] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [caption, setCaption] = useState('');
  const [withLegend, setWithLegend] = useState(true);
  const legend = useLegend();

  useEffect(() => {
    dialog.current?.showModal();
    call('savedView.list', { limit: 500 }).then((r) => {
      setViews(r.items);
      if (r.items[0]) setViewId(r.items[0].id);
    });
  }, []);
  const picture = format === 'png' || format === 'svg';
  const options: PictureOptions = { scale: format === 'png' ? scale : 1, frame: { title, caption, legend: withLegend ? legend : null } };
  const size = format === 'png' ? (currentDrawing()?.pngSize(options) ?? null) : null;

  const run = async () => {
    setState('working');
    try {
      const stamp = new Date().toISOString().slice(0, 10);
      const ext = FORMATS.find((f) => f[0] === format)![2];
      const name = `stakeholder-atlas-${stamp}.${ext}`;
      if (picture) {
        const drawing = currentDrawing();
        if (!drawing || drawing.counts().nodes === 0) throw new Error('Nothing is drawn to export');
        download(await (format === 'png' ? drawing.png(options) : drawing.svg(options)), name);
        setMessage(`Saved ${name}.`);
      } else {
        const s: ExportScope =
          scope === 'drawn'
            ? {
                // The filters too: they decide which partnerships and events (and so which ties) are drawn.
                filters: cleanFilters(vs.filters),
                organisationIds: (slice?.nodes ?? []).filter((n) => n.type === 'organisation').map((n) => n.id),
              }
            : scope === 'selection' && selectedId
              ? { ego: { organisationId: selectedId, depth: 1 } }
              : scope === 'saved' && viewId
                ? { savedViewId: viewId }
                : {};
        const r = await call('export.staged', { format, name, scope: s, positions: drawnPositions(), ...(omit.length ? { omit } : {}) });
        await downloadStaged(r.files);
        setMessage(
          exportedText(r, format, r.files.length > 1 ? `${r.files.length} files` : name) +
            (r.omitted.length ? ` Left out: ${r.omitted.join(', ')}.` : ''),
        );
      }
      setState('done');
    } catch (err) {
      setMessage((err as Error).message);
      setState('failed');
    }
  };

  return (
    <dialog ref={dialog} className="modal" aria-labelledby="export-title" onClose={onClose} data-testid="export-dialog">
      <h2 id="export-title">Export</h2>
      <label>
        Format{' '}
        <select value={format} onChange={(e) => setFormat(e.target.value as Format)} aria-label="Format">
          {FORMATS.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {picture ? (
        <fieldset className="picture-options" data-testid="picture-options">
          <legend>Picture</legend>
          <label>
            Title <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} aria-label="Title" maxLength={300} />
          </label>
          <label>
            Caption <textarea value={caption} onChange={(e) => setCaption(e.target.value)} aria-label="Caption" rows={2} maxLength={2000} />
          </label>
          <label>
            <input type="checkbox" checked={withLegend} onChange={(e) => setWithLegend(e.target.checked)} /> Include the legend
          </label>
          {format === 'png' && (
            <label>
              Resolution{' '}
              <select value={scale} onChange={(e) => setScale(Number(e.target.value))} aria-label="Resolution">
                {[1, 2, 4, 8].map((s) => (
                  <option key={s} value={s}>
                    {s}× {s === 2 ? '(high-density screens)' : s >= 4 ? '(poster)' : ''}
                  </option>
                ))}
              </select>{' '}
              {size && (
                <span className="muted" data-testid="png-size">
                  about {countText(size.width)} × {countText(size.height)} px
                </span>
              )}
            </label>
          )}
        </fieldset>
      ) : (
        <fieldset>
          <legend>What</legend>
          <label>
            <input type="radio" name="scope" checked={scope === 'whole'} onChange={() => setScope('whole')} /> The whole network
          </label>
          <label>
            <input type="radio" name="scope" checked={scope === 'drawn'} onChange={() => setScope('drawn')} /> What is drawn now
          </label>
          <label>
            <input
              type="radio"
              name="scope"
              disabled={!selectedId}
              checked={scope === 'selection'}
              onChange={() => setScope('selection')}
            />{' '}
            The selected organisation and its direct ties
          </label>
          <label>
            <input type="radio" name="scope" disabled={!views.length} checked={scope === 'saved'} onChange={() => setScope('saved')} /> A
            saved view{' '}
            <select value={viewId} onChange={(e) => setViewId(e.target.value)} disabled={scope !== 'saved'} aria-label="Saved view">
              {views.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      )}
      {!picture && <OmitFields omit={omit} onChange={setOmit} />}
      {message && (
        <p className={state === 'failed' ? 'error' : 'muted'} role={state === 'failed' ? 'alert' : 'status'} data-testid="export-message">
          {message}
        </p>
      )}
      <div className="actions">
        <button onClick={() => dialog.current?.close()}>Close</button>
        <button className="primary" onClick={run} disabled={state === 'working'}>
          {state === 'working' ? 'Exporting…' : 'Export'}
        </button>
      </div>
    </dialog>
  );
}

const count = (n: number, one: string, many = `${one}s`) => `${countText(n)} ${n === 1 ? one : many}`;

/**
 * What an export wrote, in the header's words: organisations, partnerships, events and the ties
 * between the organisations; then what the file holds as edges (graph formats) or link rows.
 */
function exportedText(r: ExportResult, format: string, where: string): string {
  const lines = r.links + r.relations;
  const graphFile = format === 'gexf' || format === 'graphml' || format === 'cyjs';
  const parts = `${count(r.links, 'membership or participation', 'memberships and participations')}, ${count(r.relations, 'direct relation')}`;
  return (
    `Exported ${count(r.organisations, 'organisation')}, ${count(r.partnerships, 'partnership')}, ${count(r.events, 'event')} ` +
    `and the ${count(r.ties, 'tie')} between those organisations to ${where}. ` +
    (graphFile ? `The file's ${count(lines, 'edge')}: ${parts}.` : `Links written: ${parts}.`)
  );
}
