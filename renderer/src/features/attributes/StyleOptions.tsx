// The Style menu's attribute choices: colour by a categorical organisation attribute, size by a
// numeric one, tie width by a numeric relation attribute. An option's value is "attr:<name>".
import type { StyleSettings } from '../../../../shared/saved-view-style';
import { attributesOf, useAttributes } from './store';

const PREFIX = 'attr:';

/** The select's value for a style choice that may be an attribute. */
export const choiceValue = (by: string, attribute: string | null): string =>
  by === 'attribute' && attribute ? `${PREFIX}${attribute}` : by;

/** The attribute a select value names, or null when it is one of the built-in choices. */
const chosenAttribute = (value: string): string | null => (value.startsWith(PREFIX) ? value.slice(PREFIX.length) : null);

export function AttributeOptions({ use }: { use: 'colour' | 'size' | 'width' }) {
  const catalogue = useAttributes((s) => s.catalogue);
  const kind = use === 'width' ? 'relation' : 'organisation';
  const fits = attributesOf(catalogue, kind).filter((a) =>
    use === 'colour' ? a.type !== 'number' && a.type !== 'date' : a.type === 'number',
  );
  if (fits.length === 0) return null;
  return (
    <optgroup label={kind === 'relation' ? 'by a relation attribute' : 'by an attribute'}>
      {fits.map((a) => (
        <option key={a.name} value={`${PREFIX}${a.name}`}>
          {a.name}
        </option>
      ))}
    </optgroup>
  );
}

/** The style patch a choice makes. */
export function attributeChoice(use: 'colour' | 'size' | 'width', value: string): Partial<StyleSettings> | null {
  const name = chosenAttribute(value);
  if (name === null) return null;
  if (use === 'colour') return { colourBy: 'attribute', colourAttribute: name };
  if (use === 'size') return { sizeBy: 'attribute', sizeAttribute: name };
  return { edgeWidth: 'attribute', widthAttribute: name };
}
