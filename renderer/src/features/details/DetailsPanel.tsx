// Details of the selected organisation, partnership or event: its fields, what it takes part in,
// its direct relations, and the sources behind each fact.
import type { ReactNode } from 'react';
import type { Details, Event, Organisation, Partnership } from '../../../../shared/schemas';
import { useShallow } from 'zustand/react/shallow';
import { useAtlas } from '../../store/atlas';
import { openForm } from '../curation/form-request';
import { EditButton, RecordHistory } from '../curation/RecordHistory';
import { dateRange, humanise, participants, relationSentence, sectorLabel } from './format';
import { Focus, Neighbours, NodeMetricsList } from './Focus';
import { GroupDetails } from './GroupDetails';

function Field({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function OrganisationFields({ o, d }: { o: Organisation; d: Details }) {
  const place = d.country
    ? [d.country.name, d.country.intermediateRegion ?? d.country.subRegion, d.country.region].filter(Boolean).join(' · ')
    : 'International (no country)';
  return (
    <dl className="fields">
      <Field label="Sector">{sectorLabel(o.sector)}</Field>
      <Field label="Where">{[o.city, place].filter(Boolean).join(', ')}</Field>
      <Field label="Website">{o.website}</Field>
      <Field label="Tags">{o.tags.join(', ')}</Field>
      {Object.entries(o.attributes).map(([k, v]) => (
        <Field key={k} label={humanise(k)}>
          {Array.isArray(v) ? v.join(', ') : String(v)}
        </Field>
      ))}
    </dl>
  );
}

function ConnectorFields({ r, type, d }: { r: Partnership | Event; type: 'partnership' | 'event'; d: Details }) {
  return (
    <dl className="fields">
      <Field label="Kind">{humanise(r.kind)}</Field>
      <Field label="Dates">{dateRange(r.startDate, r.endDate)}</Field>
      {type === 'partnership' ? (
        <>
          <Field label="Focus">{(r as Partnership).focusAreas.join(', ')}</Field>
          <Field label="Regional scope">{(r as Partnership).regionalScope.join(', ')}</Field>
          <Field label="Status">{humanise((r as Partnership).status)}</Field>
        </>
      ) : (
        <>
          <Field label="Where">{[(r as Event).city, d.country?.name].filter(Boolean).join(', ')}</Field>
          <Field label="Mode">{humanise((r as Event).mode)}</Field>
          <Field label="Participants">{participants((r as Event).participantCount, (r as Event).participantCountQualifier)}</Field>
        </>
      )}
      {Object.entries(r.attributes).map(([k, v]) => (
        <Field key={k} label={humanise(k)}>
          {Array.isArray(v) ? v.join(', ') : String(v)}
        </Field>
      ))}
    </dl>
  );
}

export function DetailsPanel() {
  const { selectedId, details, detailsError, select, group, aggregate } = useAtlas(
    useShallow((s) => ({
      selectedId: s.selectedId,
      details: s.details,
      detailsError: s.detailsError,
      select: s.select,
      group: s.group,
      aggregate: s.aggregate,
    })),
  );
  const shownGroup = group && aggregate?.groups.find((g) => g.id === group.id);
  if (shownGroup && aggregate) return <GroupDetails group={shownGroup} aggregate={aggregate} />;
  if (!selectedId) {
    return (
      <section className="details empty" aria-label="Details">
        <p>Click an organisation, partnership or event to see what is known about it and where that comes from.</p>
        <p>Shift-click or drag a box to select several; then hide, fade or isolate them from the toolbar.</p>
      </section>
    );
  }
  if (detailsError) {
    return (
      <section className="details" aria-label="Details">
        <p className="error" role="alert">
          {detailsError}
        </p>
      </section>
    );
  }
  if (!details) {
    return (
      <section className="details" aria-label="Details" aria-busy="true">
        <p className="muted">Loading…</p>
      </section>
    );
  }
  const r = details.record;
  const title = 'acronym' in r && r.acronym ? `${r.name} (${r.acronym})` : r.name;
  return (
    <section className="details" aria-label="Details" data-testid="details">
      <header>
        <p className="kicker">{humanise(details.type)}</p>
        <h2>{title}</h2>
        <EditButton type={details.type} id={r.id} />
        <button className="close" aria-label="Close details" onClick={() => void select(null)}>
          ×
        </button>
      </header>
      {'description' in r && r.description ? <p className="description">{r.description}</p> : null}
      {details.type === 'organisation' ? (
        <OrganisationFields o={r as Organisation} d={details} />
      ) : (
        <ConnectorFields r={r as Partnership | Event} type={details.type} d={details} />
      )}
      {details.type === 'organisation' && <Focus id={r.id} name={r.name} />}
      {details.type === 'organisation' && <NodeMetricsList id={r.id} />}
      {details.connections.length > 0 && (
        <section>
          <h3>
            {details.type === 'organisation' ? 'Partnerships and events' : details.type === 'partnership' ? 'Members' : 'Participants'}
          </h3>
          <ul className="connections">
            {details.connections.map((c) => (
              <li key={`${c.type}:${c.id}`}>
                <button className="link" onClick={() => void select(c.id, c.type)}>
                  {c.name}
                </button>
                <span className="muted">
                  {' '}
                  {[humanise(c.role), c.type === 'organisation' ? sectorLabel(c.kind) : humanise(c.kind), dateRange(c.startDate, c.endDate)]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {details.relations.length > 0 && (
        <section>
          <h3>Direct relations</h3>
          <ul className="connections">
            {details.relations.map((rel) => {
              const [before, after] = relationSentence(rel);
              const dates = dateRange(rel.startDate, rel.endDate);
              return (
                <li key={rel.id} data-testid="relation">
                  {before}
                  <button className="link" onClick={() => void select(rel.other.id, 'organisation')}>
                    {rel.other.name}
                  </button>
                  {after}
                  {dates && <span className="muted"> · {dates}</span>}
                  {shownAttributes(rel).length > 0 && (
                    <span className="muted small" data-testid="relation-attributes">
                      {' · '}
                      {shownAttributes(rel)
                        .map(([k, v]) => `${humanise(k)}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
                        .join(' · ')}
                    </span>
                  )}{' '}
                  <button className="link" aria-label="Edit this relation" onClick={() => openForm({ type: 'relation', id: rel.id })}>
                    edit
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {details.neighbours.length > 0 && <Neighbours neighbours={details.neighbours} />}
      <RecordHistory type={details.type} id={r.id} />
      <section data-testid="sources">
        <h3>Sources</h3>
        {details.sources.length === 0 ? (
          <p className="muted">No source is cited for this record yet.</p>
        ) : (
          <ul className="sources">
            {details.sources.map((s) => (
              <li key={s.citationId}>
                <p className="source-title">{s.source.title}</p>
                <p className="muted">
                  {[s.source.publisher, s.source.publishedDate, s.source.document ?? s.source.url].filter(Boolean).join(' · ')}
                </p>
                {s.recordType !== details.type && <p className="muted">for a {humanise(s.recordType).toLowerCase()}</p>}
                {s.locator && <blockquote>{s.locator}</blockquote>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

/** A relation's attributes, less the one its sentence already names as its type ("related to (type)"). */
function shownAttributes(rel: { typeName: string | null; attributes: Record<string, unknown> }): [string, unknown][] {
  return Object.entries(rel.attributes).filter(
    ([k, v]) => !(rel.typeName !== null && ['type', 'relation', 'relation_type'].includes(k) && String(v).trim() === rel.typeName),
  );
}
