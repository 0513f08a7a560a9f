// The Analysis panel's choice of what ties weigh: their number (shared partnerships, events and
// relations), or a numeric relation attribute a file brought. The measures say which they used,
// and in which sense: shortest paths read a weight as a strength (length 1 / weight).
import type { Metrics } from '../../../../shared/schemas';
import { attributesOf, useAttributes } from './store';
import { countText } from '../../../../shared/count-text';

export function WeightChoice({ metrics, onChange }: { metrics: Metrics | null; onChange: () => void }) {
  const catalogue = useAttributes((s) => s.catalogue);
  const weight = useAttributes((s) => s.weight);
  const setWeight = useAttributes((s) => s.setWeight);
  const numeric = attributesOf(catalogue, 'relation').filter((a) => a.type === 'number');
  const used = metrics?.weight;
  return (
    <div className="weight-choice" data-testid="weight-choice">
      {numeric.length > 0 && (
        <label>
          Weigh ties by{' '}
          <select
            value={weight ?? ''}
            data-testid="metrics-weight"
            onChange={(e) => {
              setWeight(e.target.value === '' ? null : e.target.value);
              onChange();
            }}
          >
            <option value="">their number (shared partnerships, events, relations)</option>
            {numeric.map((a) => (
              <option key={a.name} value={a.name}>
                the relation attribute “{a.name}”
              </option>
            ))}
          </select>
        </label>
      )}
      {used && (
        <p className="muted small" data-testid="metrics-weight-used">
          {used.attribute === null
            ? 'Weighted degree, PageRank and communities weigh each tie by how many partnerships, events and relations it runs through. Betweenness, closeness and shortest paths count steps (ties).'
            : `Weighted degree, PageRank and communities weigh each tie by “${used.attribute}” summed over its relations (${countText(used.relations)} relations have a value; each partnership, event or relation without one counts 1). Betweenness, closeness and shortest paths read it as the tie’s strength: a tie’s length is 1 / ${used.attribute}, so a strong tie is a short one (a tie of weight 0 is no way through).`}
        </p>
      )}
    </div>
  );
}
