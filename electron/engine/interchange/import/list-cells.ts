// A cell that holds a list, however the tool that wrote it spelled one: a JSON array
// (`["a","b"]`), a Python list as pandas writes it (`['a', 'b']`), or items separated by `;`, `|`
// or `,`. The items come back without brackets, quotes or the spaces around them.

const QUOTED = /^(['"])(.*)\1$/s;

function unquote(item: string): string {
  const t = item.trim();
  const m = QUOTED.exec(t);
  return (m ? m[2]! : t).trim();
}

import { jsonTextNestingWithin } from '../../../../shared/nesting';
export function listItems(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.map((v) => unquote(String(v))).filter(Boolean);
  const text = String(value).trim();
  if (text.startsWith('[') && text.endsWith(']') && jsonTextNestingWithin(text)) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return listItems(parsed);
    } catch {
      // Not JSON: a Python list, or brackets a person typed.
    }
    return splitItems(text.slice(1, -1));
  }
  return splitItems(text);
}

function splitItems(text: string): string[] {
  return text.split(/[;|,]/).map(unquote).filter(Boolean);
}
