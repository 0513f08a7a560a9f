// A partnership's members or an event's participants, each with a role: add one by name, change a
// role, take one off. Each is its own undoable change, made at once.
import { useEffect, useState } from 'react';
import { call, errorText } from '../../api/client';
import { humanise } from '../details/format';
import { useCuration, write } from './edits';
import { ROLES } from './fields';
import { OrganisationPicker } from './OrganisationPicker';

interface Link {
  id: string;
  organisationId: string;
  name: string;
  role: string;
}

export function Links({ type, id }: { type: 'partnership' | 'event'; id: string }) {
  const version = useCuration((s) => s.version);
  const [links, setLinks] = useState<Link[]>([]);
  const [org, setOrg] = useState<{ id: string; name: string } | null>(null);
  const [role, setRole] = useState(type === 'partnership' ? 'member' : 'participant');
  const [error, setError] = useState<string | null>(null);
  const linkType = type === 'partnership' ? 'membership' : 'participation';
  const key = type === 'partnership' ? 'partnershipId' : 'eventId';
  const title = type === 'partnership' ? 'Members' : 'Participants';

  useEffect(() => {
    let live = true;
    void (async () => {
      const items = (await call(`${linkType}.list` as 'membership.list', { where: { [key]: id }, limit: 10_000 }))
        .items as unknown as Link[];
      const named = await Promise.all(
        items.map(async (l) => ({ ...l, name: await call('organisation.get', { id: l.organisationId }).then((o) => o.name) })),
      );
      if (live) setLinks(named.sort((a, b) => a.name.localeCompare(b.name)));
    })().catch((err) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [id, key, linkType, version]);

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section className="links" aria-label={title} data-testid="links">
      <h3>{title}</h3>
      {links.length === 0 && <p className="muted">None yet.</p>}
      <ul>
        {links.map((l) => (
          <li key={l.id}>
            <span>{l.name}</span>
            <select
              aria-label={`Role of ${l.name}`}
              value={l.role}
              onChange={(e) =>
                void act(() => write(`${linkType}.update` as 'membership.update', { id: l.id, patch: { role: e.target.value } }))
              }
            >
              {ROLES[type].map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="link"
              aria-label={`Remove ${l.name}`}
              onClick={() => void act(() => write(`${linkType}.delete` as 'membership.delete', { id: l.id }))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="add-link">
        <OrganisationPicker
          id={`add-${linkType}`}
          value={org}
          label={`Add to ${title.toLowerCase()}`}
          onChange={setOrg}
          testId={`add-${linkType}`}
        />
        <select aria-label="Role" value={role} onChange={(e) => setRole(e.target.value)} data-testid={`add-${linkType}-role`}>
          {ROLES[type].map((r) => (
            <option key={r.value} value={r.value}>
              {humanise(r.value)}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!org}
          data-testid={`add-${linkType}-button`}
          onClick={() =>
            void act(async () => {
              await write(`${linkType}.create` as 'membership.create', { [key]: id, organisationId: org!.id, role } as never);
              setOrg(null);
            })
          }
        >
          Add
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
