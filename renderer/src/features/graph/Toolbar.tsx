// The bar above the graph (layout, styling, what to do with the selection, undo) and the zoom
// buttons in the graph's corner. Styling is a menu and zoom sits on the graph so that the bar keeps
// to two rows beside a wide side panel on a 1280-pixel screen.
import { AttributeOptions, attributeChoice, choiceValue } from '../attributes/StyleOptions';
import { useEffect, useRef } from 'react';
import type { ColourBy, SizeBy } from '../../../../shared/saved-view-style';
import { useAtlas } from '../../store/atlas';
import { preventsOverlap } from '../../store/layout';
import type { LayoutChoice } from '../../store/state';
import { currentDrawing } from './handle';
import { stopLayout } from '../layout';
import { countText } from '../../../../shared/count-text';

const LAYOUTS: [string, string, LayoutChoice][] = [
  ['auto', 'Automatic', { name: 'auto' }],
  ['forceatlas2', 'ForceAtlas2', { name: 'forceatlas2' }],
  ['concentric:degree', 'Concentric by degree', { name: 'concentric', metric: 'degree' }],
  ['concentric:betweenness', 'Concentric by betweenness', { name: 'concentric', metric: 'betweenness' }],
  ['concentric:pagerank', 'Concentric by PageRank', { name: 'concentric', metric: 'pagerank' }],
  ['grouped:region', 'Grouped by region', { name: 'grouped', groupBy: 'region' }],
  ['grouped:sector', 'Grouped by sector', { name: 'grouped', groupBy: 'sector' }],
  ['circle', 'Circle', { name: 'circle' }],
  ['grid', 'Grid', { name: 'grid' }],
];

const layoutKey = (l: LayoutChoice) =>
  l.name === 'concentric' ? `concentric:${l.metric}` : l.name === 'grouped' ? `grouped:${l.groupBy}` : l.name;

export function zoomBy(factor: number) {
  currentDrawing()?.zoomBy(factor);
}

export function fitDrawn() {
  currentDrawing()?.fit();
}

export function Toolbar() {
  const layout = useAtlas((s) => s.layout);
  const selection = useAtlas((s) => s.selection);
  const vs = useAtlas((s) => s.vs);
  const canUndo = useAtlas((s) => s.history.length > 0);
  const aggregated = useAtlas((s) => !!s.aggregate);
  const active = useAtlas((s) => s.layoutActive);
  const layoutError = useAtlas((s) => s.layoutError);
  const preventOverlap = useAtlas((s) => s.preventOverlap);
  const drawnNodes = useAtlas((s) => s.slice?.nodes.length ?? 0);
  const a = useAtlas.getState();
  const changed = vs.hidden.length > 0 || vs.faded.length > 0 || vs.isolated !== null;
  const none = selection.length === 0;
  return (
    <div className="toolbar" role="toolbar" aria-label="Graph tools">
      <label>
        Layout{' '}
        <select
          value={layout.name === 'preset' ? 'preset' : layoutKey(layout)}
          disabled={aggregated}
          data-testid="layout"
          onChange={(e) => {
            const found = LAYOUTS.find((l) => l[0] === e.target.value);
            if (found) a.setLayout(found[2]);
          }}
        >
          {layout.name === 'preset' && <option value="preset">Saved positions</option>}
          {LAYOUTS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {active ? (
        <button
          className="tool running"
          onClick={() => {
            const drawing = currentDrawing();
            if (drawing) stopLayout(drawing.layout);
          }}
          title="Stop ForceAtlas2 and keep the nodes where they are"
          data-testid="layout-stop"
        >
          <span className="spinner small" aria-hidden="true" /> Stop ({countText(active.iterations)} steps)
        </button>
      ) : (
        <button className="tool" disabled={aggregated} onClick={() => a.setLayout(layout)} title="Run the layout again">
          Re-run
        </button>
      )}
      {(layout.name === 'forceatlas2' || layout.name === 'auto') && (
        <label className="tool-check" title="ForceAtlas2 keeps nodes from being drawn over each other (on by default up to 3,000 nodes)">
          <input
            type="checkbox"
            disabled={aggregated}
            checked={preventsOverlap(preventOverlap, drawnNodes)}
            onChange={(e) => a.setPreventOverlap(e.target.checked)}
          />{' '}
          Prevent overlap
        </label>
      )}
      <button
        className="tool"
        disabled={aggregated}
        onClick={() => {
          currentDrawing()?.unpinAll();
        }}
        title="Dragged nodes stay where they were put (pinned); this lets the layout move them again"
      >
        Unpin all
      </button>
      {layoutError && (
        <span className="error" role="alert">
          {layoutError}
        </span>
      )}
      <StyleMenu />
      <span className="toolbar-gap" />
      <span className="group" role="group" aria-label="Selection">
        <button className="tool" disabled={none} onClick={() => void a.hideSelection()} title="Take the selected nodes out of the drawing">
          Hide
        </button>
        <button className="tool" disabled={none} onClick={() => void a.fadeSelection()} title="Draw the selected nodes pale">
          Fade
        </button>
        <button
          className="tool"
          disabled={none}
          onClick={() => void a.isolateSelection()}
          title="Draw only the selection and its neighbours"
        >
          Isolate
        </button>
        <button className="tool" disabled={!changed} onClick={() => void a.showAll()}>
          Show all
        </button>
      </span>
      <button
        className="tool"
        disabled={!canUndo}
        onClick={() => void a.undo()}
        title="Undo the last view change (Ctrl+Z)"
        data-testid="undo"
      >
        ↶ Undo
      </button>
    </div>
  );
}

/** Colour, size and ties, behind one button: a menu that closes on Escape or a click elsewhere. */
function StyleMenu() {
  const style = useAtlas((s) => s.vs.style);
  const a = useAtlas.getState();
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      const el = menu.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !el.contains(e.target as Node)) {
        el.open = false;
        if (e instanceof KeyboardEvent) el.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  return (
    <details className="menu" ref={menu} data-testid="style-menu">
      <summary className="tool" title="How nodes and ties are coloured and sized">
        Style ▾
      </summary>
      <div className="menu-body">
        <label>
          Colour{' '}
          <select
            value={choiceValue(style.colourBy, style.colourAttribute)}
            data-testid="colour-by"
            onChange={(e) => void a.setStyle(attributeChoice('colour', e.target.value) ?? { colourBy: e.target.value as ColourBy })}
          >
            <option value="sector">by sector</option>
            <option value="region">by region</option>
            <option value="community">by community</option>
            <AttributeOptions use="colour" />
          </select>
        </label>
        <label>
          Size{' '}
          <select
            value={choiceValue(style.sizeBy, style.sizeAttribute)}
            data-testid="size-by"
            onChange={(e) => void a.setStyle(attributeChoice('size', e.target.value) ?? { sizeBy: e.target.value as SizeBy })}
          >
            <option value="degree">by degree</option>
            <option value="betweenness">by betweenness</option>
            <option value="partnerships">by partnerships</option>
            <option value="uniform">all the same</option>
            <AttributeOptions use="size" />
          </select>
        </label>
        <label>
          Ties{' '}
          <select
            value={
              style.edgeWidth === 'attribute'
                ? choiceValue('attribute', style.widthAttribute)
                : style.edgeWidth === 'weight' && style.edgeColour === 'type'
                  ? 'both'
                  : style.edgeWidth === 'weight'
                    ? 'width'
                    : 'plain'
            }
            data-testid="ties-style"
            onChange={(e) =>
              void a.setStyle(
                attributeChoice('width', e.target.value) ??
                  (e.target.value === 'both'
                    ? { edgeWidth: 'weight', edgeColour: 'type' }
                    : e.target.value === 'width'
                      ? { edgeWidth: 'weight', edgeColour: 'uniform' }
                      : { edgeWidth: 'uniform', edgeColour: 'uniform' }),
              )
            }
          >
            <option value="both">width by weight, colour by type</option>
            <option value="width">width by weight</option>
            <option value="plain">plain</option>
            <AttributeOptions use="width" />
          </select>
        </label>
      </div>
    </details>
  );
}

/** Zoom in, out and fit, floating in the graph's top-right corner. */
export function ZoomControls() {
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom">
      <button className="tool" onClick={() => zoomBy(1.25)} aria-label="Zoom in" title="Zoom in (+)">
        +
      </button>
      <button className="tool" onClick={() => zoomBy(0.8)} aria-label="Zoom out" title="Zoom out (−)">
        −
      </button>
      <button className="tool" onClick={fitDrawn} aria-label="Fit the graph" title="Fit the graph (F)">
        Fit
      </button>
    </div>
  );
}
