// What the colours and shapes mean, for what is drawn now.
import { SECTORS } from '../../../../shared/domain';
import { useAtlas } from '../../store/atlas';
import { sectorLabel } from '../details/format';
import { EVENT_COLOUR, PARTNERSHIP_COLOUR, SECTOR_COLOURS } from '../../../../shared/palette';

export function Legend() {
  const slice = useAtlas((s) => s.slice);
  const present = new Set(slice?.nodes.map((n) => n.sector ?? n.type));
  return (
    <section className="legend" aria-label="Legend">
      <h3>Sector</h3>
      <ul>
        {SECTORS.filter((s) => present.has(s)).map((s) => (
          <li key={s}>
            <span className="swatch" style={{ background: SECTOR_COLOURS[s] }} />
            {sectorLabel(s)}
          </li>
        ))}
        {present.has('partnership') && (
          <li>
            <span className="swatch diamond" style={{ background: PARTNERSHIP_COLOUR }} />
            Partnership
          </li>
        )}
        {present.has('event') && (
          <li>
            <span className="swatch square" style={{ background: EVENT_COLOUR }} />
            Event
          </li>
        )}
      </ul>
      <p className="muted">Line width: how many partnerships, events and relations two organisations share.</p>
    </section>
  );
}
