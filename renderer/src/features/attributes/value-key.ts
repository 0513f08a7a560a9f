// How the window keys an attribute's values: by kind and name. Apart from the store so that the
// pure modules drawing by attributes (looks.ts, the legend's model) load without the API client.
import type { AttributeKind } from '../../../../shared/attributes';

export const valueKey = (kind: AttributeKind, name: string) => `${kind}\u0000${name}`;
