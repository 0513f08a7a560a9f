// A small streaming XML tokenizer for the GEXF and GraphML importers, which read untrusted files.
// It never interprets a DTD: the DOCTYPE's text goes to the caller, which refuses entity
// declarations, and only the five predefined entities and character references are known. What is
// not well-formed is refused with a line and column. It is fast because it works over the one
// string the callers already hold, moves forward with indexOf, and slices strings only for names,
// attribute values and the text a caller wants; namespaces cost something only on elements that
// declare them, and lines are counted by jumping from newline to newline.

import { ImportRefused } from '../../model/parsed';

export interface XmlAttr {
  /** The qualified name as written (viz:x), and its parts. */
  name: string;
  prefix: string;
  local: string;
  /** The namespace; '' for unprefixed attributes, which the default namespace does not reach. */
  uri: string;
  value: string;
}

export interface XmlTag {
  name: string;
  prefix: string;
  local: string;
  uri: string;
  /** In document order. */
  attributes: readonly XmlAttr[];
  /** Where the tag's "<" is; the column counts Unicode characters, from 1. */
  line: number;
  column: number;
}

export interface XmlPosition {
  line: number;
  column: number;
}

export interface XmlHandler {
  openTag(tag: XmlTag): void;
  /** Also called for a self-closing tag, right after openTag. */
  closeTag(tag: XmlTag): void;
  /**
   * Whether text in the element now open is wanted. Text that is only whitespace is delivered only
   * when wanted, so indentation is never sliced into strings; any other text is always delivered.
   */
  wantsText(): boolean;
  /** Character data with references decoded, or a CDATA section's content. */
  text(text: string): void;
  /** What follows "<!DOCTYPE", up to its closing ">": never interpreted, for the caller to judge. */
  doctype(body: string): void;
  /** Without it, an unbound namespace prefix makes the file malformed. */
  unboundPrefix?(message: string): void;
  /** How far the scan has got, in characters, told every few thousand tags. */
  progress?(read: number, total: number): void;
}

/** Tags between two progress reports: a millisecond or two of scanning. */
const TAGS_PER_REPORT = 4096;

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const HASH = 0x23;
const APOSTROPHE = 0x27;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const GREATER = 0x3e;
const BANG = 0x21;
const QUESTION = 0x3f;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

// XML 1.0's Char production leaves out these C0 controls, U+FFFE, U+FFFF and lone surrogates. With
// the u flag a surrogate pair is one code point, so only lone surrogates match the range.
const FORBIDDEN_CHAR = /[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/u;
const SURROGATE = /[\uD800-\uDFFF]/;
const LINE_BREAKS = /\r\n?/g;
// In attribute values, a literal tab or newline is read as a space (CR is gone by then).
const VALUE_BREAKS = /[\t\n]/g;

const XML_DECLARATION =
  /^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>$/;

const PREDEFINED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['apos', "'"],
  ['quot', '"'],
]);

/** ASCII name characters: 1 may start a name, 2 may only continue one. */
const ASCII_NAME = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) ASCII_NAME[c] = 1;
  else if (/[0-9.-]/.test(ch)) ASCII_NAME[c] = 2;
}

/** NameStartChar above ASCII (XML 1.0 fifth edition). */
function isNameStartAbove(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd) ||
    // The high surrogates of U+10000 to U+EFFFF; lone surrogates are refused before scanning.
    (c >= 0xd800 && c <= 0xdb7f)
  );
}

function isNameStart(c: number): boolean {
  return c < 0x80 ? ASCII_NAME[c] === 1 : isNameStartAbove(c);
}

function isNameCharAbove(c: number): boolean {
  return isNameStartAbove(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040 || (c >= 0xdc00 && c <= 0xdfff);
}

function isSpace(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c === CR;
}

function isXmlChar(c: number): boolean {
  return (
    c === TAB || c === LF || c === CR || (c >= SPACE && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff)
  );
}

function isName(s: string): boolean {
  if (s === '' || !isNameStart(s.charCodeAt(0))) return false;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 ? ASCII_NAME[c] === 0 : !isNameCharAbove(c)) return false;
  }
  return true;
}

function sameAttribute(a: XmlAttr, b: XmlAttr): boolean {
  // Prefixed attributes are the same when their namespace and local name are (a:x and b:x bound
  // to one URI); unprefixed ones when their names are.
  if (a.prefix === '') return b.prefix === '' && a.name === b.name;
  return b.prefix !== '' && a.local === b.local && a.uri === b.uri;
}

/** Shared by every tag without attributes. */
const NO_ATTRIBUTES: readonly XmlAttr[] = [];

// Longer strings rarely repeat: ids, labels, descriptions.
const INTERNED_LENGTH = 32;
/** V8 makes a slice this long or longer a view into the string it came from (shorter ones are copies). */
const SLICED_FROM = 13;

/**
 * A copy of a slice of the file that does not keep the file's text alive. V8 keeps a slice of 13
 * characters or more as a view into the whole text, so one organisation's name kept by an import
 * kept the whole 100 MB file in memory through the writes. Joining a character flattens the pair
 * into a new string, of which the result is a view.
 */
const detached = (s: string): string => (s.length < SLICED_FROM ? s : `${s} `.slice(0, -1));
const INTERN_SLOTS = 4096;

/**
 * Strings that repeat throughout a file (names, keys, enumerations, dates) are made once and
 * shared: a large file then allocates far less, and every Map or property lookup with one of them
 * reuses its hash. A hash collision only costs a fresh string.
 */
class Interner {
  private readonly slots: (string | undefined)[] = new Array<string | undefined>(INTERN_SLOTS).fill(undefined);

  constructor(private readonly text: string) {}

  /** The text in [from, to), whose characters hash to hash. */
  get(from: number, to: number, hash: number): string {
    const slot = (hash ^ (hash >>> 15)) & (INTERN_SLOTS - 1);
    const known = this.slots[slot];
    if (known !== undefined && known.length === to - from && this.matches(known, from)) return known;
    const fresh = detached(this.text.slice(from, to));
    this.slots[slot] = fresh;
    return fresh;
  }

  /** Whether known is at from; a plain loop beats startsWith's call overhead on strings this short. */
  private matches(known: string, from: number): boolean {
    const t = this.text;
    for (let k = 0; k < known.length; k++) if (known.charCodeAt(k) !== t.charCodeAt(from + k)) return false;
    return true;
  }

  slice(from: number, to: number): string {
    if (to - from > INTERNED_LENGTH) return detached(this.text.slice(from, to));
    const t = this.text;
    let hash = 0;
    for (let i = from; i < to; i++) hash = (Math.imul(hash, 31) + t.charCodeAt(i)) | 0;
    return this.get(from, to, hash);
  }
}

/** Prefix → namespace; a child scope inherits through its prototype, rooted in null so no key is special. */
type Scope = Record<string, string | undefined>;

function rootScope(): Scope {
  const scope = Object.create(null) as Scope;
  scope.xml = XML_NAMESPACE;
  scope.xmlns = XMLNS_NAMESPACE;
  return scope;
}

/** A character's next occurrence, remembered so that scanning forward never reads the text twice. */
class NextIndex {
  index = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** Whether the character occurs in [from, to); from must not decrease from one call to the next. */
  within(from: number, to: number): boolean {
    if (this.index < from) {
      const i = this.text.indexOf(this.char, from);
      this.index = i === -1 ? Infinity : i;
    }
    return this.index < to;
  }
}

/** Tokenizes one document; handlers may call where() to place their own messages. */
export class XmlScanner {
  private readonly text: string;
  private readonly open: XmlTag[] = [];
  /** The scope outside each open element, restored when it closes. */
  private readonly outerScopes: Scope[] = [];
  private scope = rootScope();
  private rootSeen = false;
  private doctypeSeen = false;
  /** The character last read, which where() reports. */
  private at = 0;

  // Lines are counted forward from newline to newline; astral characters count as one column.
  private line = 1;
  private column = 1;
  private lineStart = 0;
  private nextNewline = -1;
  private readonly astral: boolean;
  private pairsCounted = 0;
  private pairs = 0;

  private readonly amps: NextIndex;
  private readonly lts: NextIndex;
  private readonly tabs: NextIndex;
  private readonly newlines: NextIndex;
  private readonly strings: Interner;
  /** Where the attribute attribute() last read ends. */
  private attributeEnd = 0;
  // Whether any of a start tag's attributes declares a namespace or has a prefix: only then is
  // there namespace work to do.
  private declares = false;
  private prefixed = false;
  /** The hash of the name nameEnd() last read. */
  private nameHash = 0;

  constructor(
    text: string,
    private readonly handler: XmlHandler,
  ) {
    // XML reads CRLF and a lone CR as LF before anything else; a file without CR pays nothing.
    this.text = text.includes('\r') ? text.replace(LINE_BREAKS, '\n') : text;
    this.astral = SURROGATE.test(this.text);
    this.amps = new NextIndex(this.text, '&');
    this.lts = new NextIndex(this.text, '<');
    this.tabs = new NextIndex(this.text, '\t');
    this.newlines = new NextIndex(this.text, '\n');
    this.strings = new Interner(this.text);
    this.rewind();
  }

  /** Where the scanner is: a start or end tag's ">", the "<" after text, a DOCTYPE's ">". */
  where(): XmlPosition {
    return this.locate(this.at);
  }

  run(): void {
    const t = this.text;
    const bad = t.search(FORBIDDEN_CHAR);
    if (bad !== -1) this.fail(`disallowed character U+${t.charCodeAt(bad).toString(16).toUpperCase().padStart(4, '0')}`, bad);
    let i = 0;
    let tags = 0;
    for (;;) {
      if (++tags === TAGS_PER_REPORT) {
        tags = 0;
        this.handler.progress?.(i, t.length);
      }
      const lt = t.indexOf('<', i);
      const end = lt === -1 ? t.length : lt;
      if (end > i) this.between(i, end);
      if (lt === -1) break;
      const c = t.charCodeAt(lt + 1);
      if (c === SLASH) i = this.endTag(lt);
      else if (c === BANG) i = this.declaration(lt);
      else if (c === QUESTION) i = this.instruction(lt);
      else i = this.startTag(lt);
    }
    if (!this.rootSeen) this.fail('document must contain a root element', t.length);
    const top = this.open[this.open.length - 1];
    if (top) this.fail(`unclosed tag <${top.name}> (opened on line ${top.line}) at the end of the file`, t.length);
  }

  private fail(message: string, index: number): never {
    throw new ImportRefused(`malformed XML: ${message}`, this.locate(index));
  }

  private rewind(): void {
    this.line = 1;
    this.lineStart = 0;
    this.pairsCounted = 0;
    this.pairs = 0;
    this.nextNewline = this.text.indexOf('\n');
    if (this.nextNewline === -1) this.nextNewline = Infinity;
  }

  private locate(index: number): XmlPosition {
    this.seek(index);
    return { line: this.line, column: this.column };
  }

  /** Sets line and column to those of index, counting on from the last call. */
  private seek(index: number): void {
    if (index < this.lineStart) this.rewind(); // only an error can look back
    const t = this.text;
    while (this.nextNewline < index) {
      this.line++;
      this.lineStart = this.pairsCounted = this.nextNewline + 1;
      this.pairs = 0;
      const n = t.indexOf('\n', this.lineStart);
      this.nextNewline = n === -1 ? Infinity : n;
    }
    this.column = index - this.lineStart + 1;
    if (this.astral) this.column -= this.pairsBefore(index);
  }

  /** Surrogate pairs on the current line before index, counted on from the last call. */
  private pairsBefore(index: number): number {
    if (index < this.pairsCounted) {
      this.pairsCounted = this.lineStart;
      this.pairs = 0;
    }
    const t = this.text;
    for (let i = this.pairsCounted; i < index; i++) {
      const c = t.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff) this.pairs++;
    }
    this.pairsCounted = index;
    return this.pairs;
  }

  /** Where the name that starts at i (already checked to be a name start) ends; also hashes it. */
  private nameEnd(i: number): number {
    const t = this.text;
    let hash = 0;
    for (;;) {
      const c = t.charCodeAt(i);
      // Past the end charCodeAt gives NaN, which is no name character.
      if (c < 0x80 ? ASCII_NAME[c] === 0 : !isNameCharAbove(c)) break;
      hash = (Math.imul(hash, 31) + c) | 0;
      i++;
    }
    this.nameHash = hash;
    return i;
  }

  private skipSpaces(i: number): number {
    const t = this.text;
    while (isSpace(t.charCodeAt(i))) i++;
    return i;
  }

  /** The first index in [from, to) that is not whitespace, or to. */
  private nonBlank(from: number, to: number): number {
    const t = this.text;
    while (from < to && isSpace(t.charCodeAt(from))) from++;
    return from;
  }

  /** Character data between markup. */
  private between(from: number, to: number): void {
    if (this.open.length === 0) {
      const k = this.nonBlank(from, to);
      if (k < to) this.fail('text outside the root element', k);
      return;
    }
    if (this.handler.wantsText() || this.nonBlank(from, to) < to) {
      this.at = to;
      this.handler.text(detached(this.decode(from, to, false)));
    }
  }

  /** The text in [from, to) with references replaced; in attribute values tabs and newlines become spaces. */
  private decode(from: number, to: number, attribute: boolean): string {
    const breaks = attribute && (this.tabs.within(from, to) || this.newlines.within(from, to));
    if (!this.amps.within(from, to)) return this.piece(from, to, breaks);
    const t = this.text;
    let out = '';
    let i = from;
    while (this.amps.within(i, to)) {
      const amp = this.amps.index;
      const semi = t.indexOf(';', amp + 1);
      if (semi === -1 || semi >= to) this.fail('"&" that starts no entity or character reference', amp);
      out += this.piece(i, amp, breaks) + this.reference(amp, semi);
      i = semi + 1;
    }
    return out + this.piece(i, to, breaks);
  }

  /** Literal text; breaks are normalised here and not in decoded references (&#10; stays a newline). */
  private piece(from: number, to: number, breaks: boolean): string {
    return breaks ? this.text.slice(from, to).replace(VALUE_BREAKS, ' ') : this.strings.slice(from, to);
  }

  private reference(amp: number, semi: number): string {
    const t = this.text;
    const body = t.slice(amp + 1, semi);
    if (t.charCodeAt(amp + 1) !== HASH) {
      const value = PREDEFINED.get(body);
      if (value !== undefined) return value;
      if (!isName(body)) this.fail('"&" that starts no entity or character reference', amp);
      this.fail(`undefined entity &${body};`, amp);
    }
    let code = NaN;
    if (/^#x[0-9A-Fa-f]+$/.test(body)) code = parseInt(body.slice(2), 16);
    else if (/^#[0-9]+$/.test(body)) code = parseInt(body.slice(1), 10);
    if (!isXmlChar(code)) this.fail(`malformed character reference &${body.slice(0, 12)};`, amp);
    return String.fromCodePoint(code);
  }

  /** Where the prefix ends (its colon), or -1; also checks the name has at most one colon, inside it. */
  private splitName(name: string, index: number): number {
    const colon = name.indexOf(':');
    if (colon !== -1 && (colon === 0 || colon === name.length - 1 || name.indexOf(':', colon + 1) !== -1)) {
      this.fail(`malformed name ${name}`, index);
    }
    return colon;
  }

  private startTag(lt: number): number {
    const t = this.text;
    if (!isNameStart(t.charCodeAt(lt + 1))) {
      this.fail(lt + 1 >= t.length ? 'the file ends inside a tag' : 'disallowed character after "<"', lt + 1);
    }
    if (this.rootSeen && this.open.length === 0) this.fail('a second root element (a document has only one)', lt);
    const nameEnd = this.nameEnd(lt + 1);
    const name = this.strings.get(lt + 1, nameEnd, this.nameHash);
    this.declares = false;
    this.prefixed = false;
    // Most tags have one or two attributes: an array literal of that size, grown only beyond.
    let first: XmlAttr | null = null;
    let list: XmlAttr[] | null = null;
    let i = nameEnd;
    let c: number;
    for (;;) {
      const before = i;
      i = this.skipSpaces(i);
      c = t.charCodeAt(i);
      if (c === GREATER || c === SLASH) break;
      if (i >= t.length) this.fail(`the file ends inside the start tag <${name}>`, lt);
      if (!isNameStart(c)) this.fail(`disallowed character in the start tag <${name}>`, i);
      if (i === before) this.fail('no whitespace between attributes', i);
      const attr = this.attribute(i);
      if (list) list.push(attr);
      else if (first) list = [first, attr];
      else first = attr;
      i = this.attributeEnd;
    }
    const selfClosing = c === SLASH;
    if (selfClosing && t.charCodeAt(i + 1) !== GREATER) this.fail('"/" not followed by ">" in a start tag', i);
    const gt = selfClosing ? i + 1 : i;
    const attributes = list ?? (first ? [first] : NO_ATTRIBUTES);
    this.seek(lt);
    const { line, column } = this;
    this.at = gt;
    const outer = this.scope;
    const scope = this.declare(attributes, lt);
    const colon = this.splitName(name, lt);
    const prefix = colon === -1 ? '' : name.slice(0, colon);
    if (prefix === 'xmlns') this.fail(`element <${name}> uses the reserved prefix xmlns`, lt);
    const uri = colon === -1 ? (scope[''] ?? '') : (scope[prefix] ?? this.unbound(prefix));
    this.resolve(attributes, lt);
    const tag: XmlTag = { name, prefix, local: colon === -1 ? name : name.slice(colon + 1), uri, attributes, line, column };
    this.rootSeen = true;
    this.handler.openTag(tag);
    if (selfClosing) {
      this.scope = outer;
      this.handler.closeTag(tag);
    } else {
      this.open.push(tag);
      this.outerScopes.push(outer);
    }
    return gt + 1;
  }

  /** Reads name="value" at i; attributeEnd is then the index after the closing quote. */
  private attribute(i: number): XmlAttr {
    const t = this.text;
    const nameEnd = this.nameEnd(i);
    const name = this.strings.get(i, nameEnd, this.nameHash);
    let j = this.skipSpaces(nameEnd);
    if (t.charCodeAt(j) !== EQUALS) this.fail('attribute without a value', i);
    j = this.skipSpaces(j + 1);
    const q = t.charCodeAt(j);
    if (q !== QUOTE && q !== APOSTROPHE) this.fail('attribute value without quotes', j);
    const close = t.indexOf(q === QUOTE ? '"' : "'", j + 1);
    if (close === -1) this.fail('the file ends inside an attribute value', j);
    if (this.lts.within(j + 1, close)) this.fail('"<" in an attribute value', this.lts.index);
    const colon = this.splitName(name, i);
    const value = detached(this.decode(j + 1, close, true));
    let attr: XmlAttr;
    if (colon === -1) {
      attr = { name, prefix: '', local: name, uri: name === 'xmlns' ? XMLNS_NAMESPACE : '', value };
      if (name === 'xmlns') this.declares = true;
    } else {
      attr = { name, prefix: name.slice(0, colon), local: name.slice(colon + 1), uri: '', value };
      this.prefixed = true;
      if (attr.prefix === 'xmlns') this.declares = true;
    }
    this.attributeEnd = close + 1;
    return attr;
  }

  /** Applies the tag's namespace declarations; the scope they make is this.scope from now on. */
  private declare(attributes: readonly XmlAttr[], lt: number): Scope {
    if (!this.declares) return this.scope;
    let scope = this.scope;
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes[i]!;
      if (a.prefix !== 'xmlns' && a.name !== 'xmlns') continue;
      if (scope === this.scope) scope = Object.create(scope) as Scope;
      const prefix = a.prefix === '' ? '' : a.local;
      const uri = a.value.trim();
      if (prefix !== '' && uri === '') this.fail(`xmlns:${prefix}="" cannot undeclare a prefix in XML 1.0`, lt);
      const reserved = prefix === 'xml' ? uri !== XML_NAMESPACE : prefix === 'xmlns' || uri === XML_NAMESPACE || uri === XMLNS_NAMESPACE;
      if (reserved) this.fail(`the prefix "${prefix}" cannot be bound to "${uri}"`, lt);
      scope[prefix] = uri;
    }
    this.scope = scope;
    return scope;
  }

  /** Gives prefixed attributes their namespace, then refuses duplicates, which namespaces decide. */
  private resolve(attributes: readonly XmlAttr[], lt: number): void {
    if (this.prefixed) {
      for (let i = 0; i < attributes.length; i++) {
        const a = attributes[i]!;
        if (a.prefix !== '') a.uri = this.scope[a.prefix] ?? this.unbound(a.prefix);
      }
    }
    const duplicate = this.duplicate(attributes);
    if (duplicate) this.fail(`duplicate attribute ${duplicate.name}`, lt);
  }

  private duplicate(attributes: readonly XmlAttr[]): XmlAttr | undefined {
    const n = attributes.length;
    // Pairwise for the usual handful, by key beyond so a hostile tag cannot make this quadratic.
    if (n <= 16) {
      for (let i = 1; i < n; i++) {
        for (let j = 0; j < i; j++) if (sameAttribute(attributes[i]!, attributes[j]!)) return attributes[i];
      }
      return undefined;
    }
    const seen = new Set<string>();
    for (const a of attributes) {
      const key = a.prefix === '' ? a.name : `{${a.uri}}${a.local}`;
      if (seen.has(key)) return a;
      seen.add(key);
    }
    return undefined;
  }

  /** An unbound prefix stands for itself when the handler takes it as a warning. */
  private unbound(prefix: string): string {
    const message = `unbound namespace prefix: ${JSON.stringify(prefix)}.`;
    if (!this.handler.unboundPrefix) this.fail(message, this.at);
    this.handler.unboundPrefix(message);
    return prefix;
  }

  private endTag(lt: number): number {
    const t = this.text;
    const start = lt + 2;
    if (!isNameStart(t.charCodeAt(start))) this.fail('end tag without a name', lt);
    const nameEnd = this.nameEnd(start);
    const gt = this.skipSpaces(nameEnd);
    if (t.charCodeAt(gt) !== GREATER) {
      this.fail(gt >= t.length ? 'the file ends inside an end tag' : 'disallowed character in an end tag', gt >= t.length ? lt : gt);
    }
    const top = this.open[this.open.length - 1];
    if (!top) this.fail(`end tag </${t.slice(start, nameEnd)}> without a start tag`, lt);
    if (nameEnd - start !== top.name.length || !t.startsWith(top.name, start)) {
      this.fail(`end tag </${t.slice(start, nameEnd)}> does not match <${top.name}> (line ${top.line})`, lt);
    }
    this.open.pop();
    this.scope = this.outerScopes.pop()!;
    this.at = gt;
    this.handler.closeTag(top);
    return gt + 1;
  }

  /** "<!": a comment, a CDATA section or the DOCTYPE. */
  private declaration(lt: number): number {
    const t = this.text;
    if (t.startsWith('--', lt + 2)) return this.comment(lt);
    if (t.startsWith('[CDATA[', lt + 2)) return this.cdata(lt);
    if (t.startsWith('DOCTYPE', lt + 2)) return this.doctype(lt);
    return this.fail('"<!" that starts no comment, CDATA section or DOCTYPE', lt);
  }

  private comment(lt: number): number {
    const t = this.text;
    const end = t.indexOf('-->', lt + 4);
    if (end === -1) this.fail('the file ends inside a comment', lt);
    const dashes = t.indexOf('--', lt + 4);
    if (dashes !== end) this.fail('"--" inside a comment', dashes);
    return end + 3;
  }

  private cdata(lt: number): number {
    const t = this.text;
    const from = lt + 9;
    const end = t.indexOf(']]>', from);
    if (end === -1) this.fail('the file ends inside a CDATA section', lt);
    if (this.open.length === 0) this.fail('CDATA section outside the root element', lt);
    if (this.handler.wantsText() || this.nonBlank(from, end) < end) {
      this.at = end + 2;
      this.handler.text(detached(t.slice(from, end)));
    }
    return end + 3;
  }

  /** Skipped, except that an XML declaration anywhere but at the very start is an error. */
  private instruction(lt: number): number {
    const t = this.text;
    const start = lt + 2;
    if (!isNameStart(t.charCodeAt(start))) this.fail('processing instruction without a target', lt);
    const targetEnd = this.nameEnd(start);
    const end = t.indexOf('?>', targetEnd);
    if (end === -1) this.fail('the file ends inside a processing instruction', lt);
    if (end !== targetEnd && !isSpace(t.charCodeAt(targetEnd)))
      this.fail('disallowed character in a processing instruction target', targetEnd);
    const target = t.slice(start, targetEnd);
    // Namespaces forbid colons in targets; "xml" in any case is reserved for the declaration.
    if (target.includes(':')) this.fail(`processing instruction target ${target} has a colon`, start);
    if (target.toLowerCase() === 'xml') {
      if (lt !== 0 || target !== 'xml') this.fail('the XML declaration must be at the very start of the file', lt);
      if (!XML_DECLARATION.test(t.slice(0, end + 2))) this.fail('malformed XML declaration', lt);
    }
    return end + 2;
  }

  /** Finds the DOCTYPE's end, past quoted strings and the internal subset's comments and PIs. */
  private doctype(lt: number): number {
    const t = this.text;
    if (this.rootSeen || this.doctypeSeen) this.fail('a DOCTYPE must come once, before the root element', lt);
    this.doctypeSeen = true;
    let inSubset = false;
    let i = lt + 9;
    for (;;) {
      const c = t.charCodeAt(i);
      if (Number.isNaN(c)) this.fail('the file ends inside the DOCTYPE', lt);
      let skipTo = i + 1;
      if (c === QUOTE || c === APOSTROPHE) skipTo = this.after(c === QUOTE ? '"' : "'", i + 1, lt);
      else if (inSubset && t.startsWith('<!--', i)) skipTo = this.after('-->', i + 4, lt);
      else if (inSubset && t.startsWith('<?', i)) skipTo = this.after('?>', i + 2, lt);
      else if (c === OPEN_BRACKET) inSubset = true;
      else if (c === CLOSE_BRACKET) inSubset = false;
      else if (c === GREATER && !inSubset) break;
      i = skipTo;
    }
    this.at = i;
    this.handler.doctype(t.slice(lt + 9, i));
    return i + 1;
  }

  /** The index after the next `end` from `from`, inside the DOCTYPE that starts at lt. */
  private after(end: string, from: number, lt: number): number {
    const i = this.text.indexOf(end, from);
    if (i === -1) this.fail('the file ends inside the DOCTYPE', lt);
    return i + end.length;
  }
}
