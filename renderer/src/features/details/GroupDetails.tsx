// What a group of the aggregated view holds, when it is clicked: its organisations by sector, the
// ties inside it and to the other groups (strongest first), and a way to open it.
import { SECTOR_COLOURS } from '../../../../shared/palette';
import type { Aggregate, AggregateGroup } from '../../../../shared/schemas';
import type { Sector } from '../../../../shared/domain';
import { useAtlas } from '../../store/atlas';
import { sectorLabel } from './format';
import { countText } from '../../../../shared/count-text';

const LEVEL: Record<AggregateGroup['by'], string> = { region: 'Region', subRegion: 'Sub-region', country: 'Country' };
const LINKS_SHOWN = 12;
const n = countText;

export function GroupDetails({ group, aggregate }: { group: AggregateGroup; aggregate: Aggregate }) {
  const { selectGroup, expandGroup } = useAtlas.getState();
  const byId = new Map(aggregate.groups.map((g) => [g.id, g]));
  const sectors = Object.entries(group.sectors).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const links = aggregate.links
    .filter((l) => l.source === group.id || l.target === group.id)
    .map((l) => ({ other: byId.get(l.source === group.id ? l.target : l.source)!, ties: l.ties }))
    .filter((l) => l.other)
    .sort((a, b) => b.ties - a.ties);
  const outside = links.reduce((s, l) => s + l.ties, 0);
  return (
    <section className="details" aria-label="Details" data-testid="group-details">
      <header>
        <p className="kicker">{group.key === null ? 'Organisations without a country' : LEVEL[group.by]}</p>
        <h2>{group.label}</h2>
        <button className="close" aria-label="Close details" onClick={() => selectGroup(null)}>
          ×
        </button>
      </header>
      <dl className="fields">
        <dt>Organisations</dt>
        <dd>{n(group.organisations)}</dd>
        {group.by !== 'region' && group.region && (
          <>
            <dt>Region</dt>
            <dd>{group.region}</dd>
          </>
        )}
        <dt>Ties inside</dt>
        <dd>{n(group.innerTies)}</dd>
        <dt>Ties to other groups</dt>
        <dd>
          {n(outside)} with {n(links.length)} {links.length === 1 ? 'group' : 'groups'}
        </dd>
      </dl>
      <button className="tool" onClick={() => void expandGroup(group)}>
        Open {group.label}
      </button>
      <section>
        <h3>Sectors</h3>
        <ul className="connections" data-testid="group-sectors">
          {sectors.map(([s, count]) => (
            <li key={s}>
              <span className="swatch" style={{ background: SECTOR_COLOURS[s as Sector] ?? '#999' }} /> {sectorLabel(s)}{' '}
              <span className="muted">{n(count)}</span>
            </li>
          ))}
        </ul>
      </section>
      {links.length > 0 && (
        <section>
          <h3>Ties to other groups</h3>
          <ol className="connections" data-testid="group-links">
            {links.slice(0, LINKS_SHOWN).map((l) => (
              <li key={l.other.id}>
                <button className="link" onClick={() => selectGroup(l.other)}>
                  {l.other.label}
                </button>
                <span className="muted">
                  {' '}
                  {n(l.ties)} {l.ties === 1 ? 'tie' : 'ties'}
                </span>
              </li>
            ))}
          </ol>
          {links.length > LINKS_SHOWN && <p className="muted">and {n(links.length - LINKS_SHOWN)} more groups.</p>}
        </section>
      )}
    </section>
  );
}
