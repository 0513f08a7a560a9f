// Focusing on one organisation from its details: its ego network at depth 1-3, the shortest path
// to another organisation explained step by step, its neighbours by tie weight, its metrics.
import type { Details } from '../../../../shared/schemas';
import { useAtlas } from '../../store/atlas';
import { metricsKeyOf } from '../../store/metrics';
import { fmtNum } from '../metrics/format';
import { humanise } from './format';

export function Focus({ id, name }: { id: string; name: string }) {
  const ego = useAtlas((s) => s.vs.ego);
  const path = useAtlas((s) => s.path);
  const { setEgo, clearEgo, pathFrom, pathTo, clearPath } = useAtlas.getState();
  const egoHere = ego?.id === id ? ego.depth : null;
  return (
    <section className="focus" aria-label="Focus">
      <h3>Ego network</h3>
      <div className="segmented" role="group" aria-label="Ego network depth">
        {([1, 2, 3] as const).map((d) => (
          <button key={d} aria-pressed={egoHere === d} onClick={() => void setEgo(id, name, d)}>
            {d === 1 ? 'Neighbours' : `${d} steps`}
          </button>
        ))}
        {egoHere && <button onClick={() => void clearEgo()}>Whole network</button>}
      </div>
      <h3>Shortest path</h3>
      {!path && (
        <button className="tool" onClick={() => pathFrom(id, name)}>
          Find a path from here…
        </button>
      )}
      {path && !path.to && path.from.id === id && (
        <p className="muted">
          Now select another organisation and choose “Path to here”.{' '}
          <button className="link" onClick={clearPath}>
            Cancel
          </button>
        </p>
      )}
      {path && path.from.id !== id && (
        <button className="tool" onClick={() => void pathTo(id, name)}>
          Path to here from {path.from.name}
        </button>
      )}
      {path?.to && <PathSteps />}
    </section>
  );
}

function PathSteps() {
  const path = useAtlas((s) => s.path);
  const { select, clearPath } = useAtlas.getState();
  if (!path?.to) return null;
  return (
    <div className="path-result" data-testid="path">
      <p>
        From <strong>{path.from.name}</strong> to <strong>{path.to.name}</strong>{' '}
        <button className="link" onClick={clearPath}>
          Clear
        </button>
      </p>
      {path.error && (
        <p className="error" role="alert">
          {path.error}
        </p>
      )}
      {!path.result && !path.error && <p className="muted">Searching…</p>}
      {path.result && path.result.nodes.length === 0 && <p className="muted">No path joins them within the current filters.</p>}
      {path.result && path.result.steps.length > 0 && (
        <ol className="steps">
          {path.result.steps.map((step, i) => (
            <li key={i} data-testid="path-step">
              <button className="link" onClick={() => void select(step.from.id)}>
                {step.from.name}
              </button>{' '}
              →{' '}
              <button className="link" onClick={() => void select(step.to.id)}>
                {step.to.name}
              </button>
              <span className="muted">
                {' '}
                through {step.via.map((v) => `${v.name} (${v.type === 'relation' ? humanise(v.kind) : humanise(v.type)})`).join(', ')}
              </span>
            </li>
          ))}
        </ol>
      )}
      {path.result && path.result.nodes.length > 0 && (
        <p className="muted" data-testid="path-by">
          {path.result.steps.length} {path.result.steps.length === 1 ? 'step' : 'steps'}.{' '}
          {path.result.by.weight === null
            ? 'The path of fewest ties.'
            : `The shortest by “${path.result.by.weight}” read as tie strength: each tie’s length is 1 / ${path.result.by.weight}, ${fmtNum(path.result.by.length)} in all (the weight chosen in the Analysis panel).`}
        </p>
      )}
    </div>
  );
}

export function Neighbours({ neighbours }: { neighbours: Details['neighbours'] }) {
  const select = useAtlas((s) => s.select);
  const shown = neighbours.slice(0, 50);
  return (
    <section>
      <h3>Neighbours by tie weight</h3>
      <ol className="neighbours" data-testid="neighbours">
        {shown.map((n) => (
          <li key={n.id}>
            <button className="link" onClick={() => void select(n.id)}>
              {n.name}
            </button>
            <span className="muted">
              {' '}
              {n.weight} ·{' '}
              {[
                n.partnerships && `${n.partnerships} partnerships`,
                n.events && `${n.events} events`,
                n.relations && `${n.relations} relations`,
              ]
                .filter(Boolean)
                .join(', ')}
            </span>
          </li>
        ))}
      </ol>
      {neighbours.length > shown.length && <p className="muted">and {neighbours.length - shown.length} more.</p>}
    </section>
  );
}

export function NodeMetricsList({ id }: { id: string }) {
  const metrics = useAtlas((s) => s.metrics);
  const status = useAtlas((s) => s.metricsStatus);
  const ensure = useAtlas((s) => s.ensureMetrics);
  // Metrics belong to the filters and ego network they were computed for; figures of another view
  // (a degree of 0 in the ego network left behind) would read as this one's.
  const current = useAtlas((s) => s.metricsKey === metricsKeyOf(s.vs));
  const m = current && status === 'ready' ? metrics?.nodes.find((x) => x.id === id) : undefined;
  if (!m) {
    return (
      <section>
        <h3>Metrics</h3>
        {status === 'computing' && current ? (
          <p className="muted">Computing…</p>
        ) : (
          <>
            {metrics && !current && <p className="muted">The metrics shown before were computed for another view.</p>}
            {metrics && current && status === 'ready' && <p className="muted">Not in the organisations measured in this view.</p>}
            <button className="tool" onClick={() => void ensure()}>
              Compute metrics for this view
            </button>
          </>
        )}
      </section>
    );
  }
  const est = metrics!.estimated ? ' (estimate)' : '';
  const f = (x: number) => (x === 0 ? '0' : x < 0.001 ? x.toExponential(1) : x.toFixed(3));
  return (
    <section>
      <h3>Metrics in this view</h3>
      <dl className="fields" data-testid="node-metrics">
        <dt>Degree</dt>
        <dd>{m.degree}</dd>
        <dt>Weighted degree</dt>
        <dd>{m.weightedDegree}</dd>
        <dt>Betweenness{est}</dt>
        <dd>{f(m.betweenness)}</dd>
        <dt>Closeness{est}</dt>
        <dd>{f(m.closeness)}</dd>
        <dt>PageRank</dt>
        <dd>{f(m.pagerank)}</dd>
        <dt>Community</dt>
        <dd>{m.community + 1}</dd>
      </dl>
    </section>
  );
}
