// How deeply a value or a JSON text nests, and the one key no input may have, measured without recursion, so that input nested
// 100,000 deep is refused with a message instead of overflowing the stack of whatever walks it next
// (zod, JSON.stringify, a reader's own walk).

/** Deeper than any input the app takes: a saved view's style is the deepest, at five or six levels. */
export const MAX_NESTING = 64;

/** Whether `value` nests no deeper than `max` arrays and objects. */
export function nestingWithin(value: unknown, max = MAX_NESTING): boolean {
  if (value === null || typeof value !== 'object') return true;
  const stack: [object, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (depth > max) return false;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return true;
}

/** Whether JSON text nests no deeper than `max`; brackets inside strings do not count. */
export const jsonTextNestingWithin = (text: string, max = MAX_NESTING): boolean => jsonTooDeepAt(text, max) < 0;

/** Where JSON text first nests deeper than `max` (a character offset), or -1 if it never does. */
export function jsonTooDeepAt(text: string, max = MAX_NESTING): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/** The path of the first own key named `__proto__` in `value` (which nests within MAX_NESTING), or null. */
export function protoKeyPath(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      v.forEach((child, i) => stack.push([child, `${path}[${i}]`]));
      continue;
    }
    for (const [k, child] of Object.entries(v)) {
      const at = path ? `${path}.${k}` : k;
      if (k === '__proto__') return at;
      stack.push([child, at]);
    }
  }
  return null;
}
