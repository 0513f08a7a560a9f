// The timeline under the date slider: how many partnerships and events start in each year.
// It answers "what would a date range keep?", so it applies every filter except the date range:
// connectors pass the kind and focus filters and the connector rule (an event filter alone leaves
// no partnerships), and, while organisations are filtered, must have a member the organisation
// filters keep (the same connectors a slice counts as shown). The minimum tie weight is not
// applied: it filters ties, and a connector does not start in another year because its ties are
// weak. The year is that of the start date; connectors without one are counted as undated. Years
// run without gaps from the first to the last, so the slider has a continuous axis.
import type { Filters, Timeline } from '../../../shared/schemas';
import { connectorTest, organisationTest } from './filters';
import type { GraphIndex } from './index';

export function timeline(g: GraphIndex, filters: Filters): Timeline {
  const { dateFrom: _from, dateTo: _to, ...rest } = filters;
  const passes = connectorTest(g, rest);
  const orgOk = organisationTest(g, rest);
  const perYear = new Map<number, { partnerships: number; events: number }>();
  const undated = { partnerships: 0, events: 0 };
  for (const c of g.connectors) {
    if (!passes(c) || (orgOk && !c.orgs.some(orgOk))) continue;
    const key = c.type === 'partnership' ? 'partnerships' : 'events';
    if (!c.startKey) {
      undated[key]++;
      continue;
    }
    const year = Number(c.startKey.slice(0, 4));
    let y = perYear.get(year);
    if (!y) perYear.set(year, (y = { partnerships: 0, events: 0 }));
    y[key]++;
  }
  const years: Timeline['years'] = [];
  if (perYear.size > 0) {
    const known = [...perYear.keys()];
    const last = Math.max(...known);
    for (let year = Math.min(...known); year <= last; year++)
      years.push({ year, ...(perYear.get(year) ?? { partnerships: 0, events: 0 }) });
  }
  return { years, undated };
}
