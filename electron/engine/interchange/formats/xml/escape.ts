// Text for XML files, as every XML writer here needs it: what XML cannot hold removed, markup and
// attribute whitespace escaped, JSON made safe to embed. The GEXF, GraphML and XLSX writers share it.

// Tab, LF and CR are the only C0 controls XML 1.0 allows; lone surrogates and U+FFFE/FFFF are
// not characters at all. They cannot be escaped either, so they are removed.
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// Most values hold no character that needs removing or escaping; one test finds those cheaply.
const NEEDS_ATTR_WORK = /[^\u0020-\u0021\u0023-\u0025\u0027-\u003b\u003d\u003f-\uD7FF\uE000-\uFFFD]/;
const NEEDS_TEXT_WORK = /[^\t\n\u0020-\u0025\u0027-\u003b\u003d\u003f-\uD7FF\uE000-\uFFFD]/;
const ATTR_SPECIAL = /[&<>"\t\n\r]/g;
const TEXT_SPECIAL = /[&<>\r]/g;

export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, '');
}

const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  // Raw whitespace in an attribute is normalised to spaces by every XML parser; references are not.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

const escapeChar = (c: string): string => ATTR_ESCAPES[c]!;

export function escapeAttr(text: string): string {
  if (!NEEDS_ATTR_WORK.test(text)) return text;
  return xmlSafe(text).replace(ATTR_SPECIAL, escapeChar);
}

export function escapeText(text: string): string {
  if (!NEEDS_TEXT_WORK.test(text)) return text;
  // A raw CR in element text would be read back as LF (end-of-line normalisation).
  return xmlSafe(text).replace(TEXT_SPECIAL, escapeChar);
}

/**
 * JSON text for an XML file. JSON.stringify already escapes controls and lone surrogates, so only
 * the two noncharacters remain to escape; JSON-encoded fields thus keep every character.
 */
const NONCHARACTER = /[\uFFFE\uFFFF]/;

export function jsonForXml(value: unknown): string {
  const json = JSON.stringify(value);
  if (!NONCHARACTER.test(json)) return json;
  return json.replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

export function xmlAttrs(attrs: Record<string, string | number | null | undefined>): string {
  let out = '';
  for (const k in attrs) {
    const v = attrs[k];
    if (v !== null && v !== undefined) out += ` ${k}="${escapeAttr(String(v))}"`;
  }
  return out;
}

/** One attribute, or nothing when the value is absent. */
export function attr(name: string, value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : ` ${name}="${escapeAttr(String(value))}"`;
}
