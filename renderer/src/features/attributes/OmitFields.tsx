// The export dialog's "leave out": descriptions, contact and personal fields, or any attribute,
// so that a snapshot shared outside the team carries nothing that was meant to stay. The names
// are those `atlas export --omit` takes.
import { useAttributes } from './store';

const FIELDS: [string, string][] = [
  ['description', 'Descriptions'],
  ['contact', 'Contact and personal fields (websites, cities, e-mail, phone, people)'],
  ['tags', 'Tags'],
];

export function OmitFields({ omit, onChange }: { omit: string[]; onChange: (omit: string[]) => void }) {
  const catalogue = useAttributes((s) => s.catalogue);
  const names = [...new Set(catalogue.map((a) => a.name))].sort((a, b) => a.localeCompare(b));
  const toggle = (name: string) => onChange(omit.includes(name) ? omit.filter((n) => n !== name) : [...omit, name]);
  return (
    <fieldset className="omit-fields" data-testid="omit-fields">
      <legend>Leave out</legend>
      {FIELDS.map(([name, label]) => (
        <label key={name}>
          <input type="checkbox" checked={omit.includes(name)} onChange={() => toggle(name)} data-testid={`omit-${name}`} /> {label}
        </label>
      ))}
      {names.length > 0 && (
        <details>
          <summary>Attributes ({names.length})</summary>
          {names.map((name) => (
            <label key={name}>
              <input type="checkbox" checked={omit.includes(name)} onChange={() => toggle(name)} data-testid={`omit-attr-${name}`} /> {name}
            </label>
          ))}
        </details>
      )}
    </fieldset>
  );
}
