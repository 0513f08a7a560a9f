// The graph index kept in a file beside the database (`<database>.graph-index`), so that opening
// a network of a million ties reads a few typed arrays instead of a million rows through SQLite
// (6–9 s). It is a cache: SQLite stays the only source of truth. The file says which place in the
// change log it reflects; on open, the log's rows after that place are applied to it like any write
// (they hold each record before and after), and it is not used at all when they cannot be (an
// import's records take places without rows), when there are too many, or when the file is not
// this database's or not whole. Written by the graph service after a full build and when the
// engine closes, beside the target and renamed into place.
import type { Database } from 'better-sqlite3';
import { closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, writeSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { GraphIndex, type BuildProgress, type Connector, type RelationEdge } from './index';
import { TieTable, type TieColumns } from './ties';

const MAGIC = 'atlas-graph-index';

export const indexFileOf = (dbPath: string): string => `${dbPath}.graph-index`;
// 2: codes in one, two or four bytes as their list needs; ASCII texts marked so (read as Latin-1).
const FORMAT = 2;

/**
 * Which database, schema and place in its log a file reflects: the place, the first and last rows'
 * times and records, and the schema version (a migration may change records without logging).
 */
export function fingerprint(db: Database, version: number): string {
  const row = db.prepare('SELECT seq, at, record_id FROM change WHERE seq = ?').raw();
  const first = db.prepare('SELECT seq, at, record_id FROM change ORDER BY seq LIMIT 1').raw().get();
  const schema = db.pragma('user_version', { simple: true }) as number;
  return JSON.stringify([schema, version, first ?? null, version ? (row.get(version) ?? null) : null]);
}

interface Section {
  name: string;
  kind: 'i32' | 'u16' | 'u8' | 'text' | 'ascii';
  offset: number;
  length: number;
}
const BYTES: Record<Section['kind'], number> = { i32: 4, u16: 2, u8: 1, text: 1, ascii: 1 };
const bytesOf = (s: Section) => s.length * BYTES[s.kind];

/** A column of codes into a list of values (see Out.codes). */
interface Coded {
  dict: (string | null)[];
  at: Int32Array | Uint16Array | Uint8Array;
}

interface Header {
  magic: string;
  format: number;
  fingerprint: string;
  version: number;
  dicts: Record<string, (string | null)[]>;
  sections: Section[];
}

class Out {
  readonly parts: Uint8Array[] = [];
  readonly sections: Section[] = [];
  readonly dicts: Record<string, (string | null)[]> = {};
  private at = 0;

  private add(name: string, kind: Section['kind'], bytes: Uint8Array, length: number) {
    this.sections.push({ name, kind, offset: this.at, length });
    this.parts.push(bytes);
    this.at += bytes.byteLength;
    const pad = (8 - (bytes.byteLength % 8)) % 8;
    if (pad) {
      this.parts.push(new Uint8Array(pad));
      this.at += pad;
    }
  }
  i32(name: string, a: Int32Array) {
    this.add(name, 'i32', new Uint8Array(a.buffer, a.byteOffset, a.byteLength), a.length);
  }
  u8(name: string, a: Uint8Array) {
    this.add(name, 'u8', a, a.length);
  }
  /** Strings as one UTF-8 text and their UTF-16 lengths (-1 for null). */
  strings(name: string, list: readonly (string | null)[]) {
    const lens = new Int32Array(list.length);
    for (let i = 0; i < list.length; i++) lens[i] = list[i] === null ? -1 : list[i]!.length;
    this.i32(`${name}.len`, lens);
    const joined = list.join('');
    const text = Buffer.from(joined, 'utf8');
    // As many bytes as UTF-16 units only when every character is ASCII: then Latin-1 reads it, much faster.
    this.add(`${name}.text`, text.length === joined.length ? 'ascii' : 'text', text, text.length);
  }
  /** Values that repeat (sectors, roles, dates) as codes into a list kept in the header. */
  codes(name: string, list: readonly (string | null)[]) {
    const dict: (string | null)[] = [];
    const code = new Map<string | null, number>();
    const out = new Int32Array(list.length);
    for (let i = 0; i < list.length; i++) {
      let c = code.get(list[i]!);
      if (c === undefined) code.set(list[i]!, (c = dict.push(list[i]!) - 1));
      out[i] = c;
    }
    this.dicts[name] = dict;
    // Most lists are short (six sectors, a few dates): a byte or two per value keeps the file small.
    if (dict.length <= 0x100) this.u8(name, Uint8Array.from(out));
    else if (dict.length <= 0x10000) {
      const u16 = Uint16Array.from(out);
      this.add(name, 'u16', new Uint8Array(u16.buffer), u16.length);
    } else this.i32(name, out);
  }
}

class In {
  private readonly byName = new Map<string, Section>();
  constructor(
    private readonly header: Header,
    /** A section's bytes: a view into the whole file, or read on their own (readSearchRecords). */
    private readonly bytesOf: (s: Section) => Buffer,
  ) {
    for (const s of header.sections) this.byName.set(s.name, s);
  }
  private section(name: string): Section {
    const s = this.byName.get(name);
    if (!s) throw new Error(`no section ${name}`);
    return s;
  }
  /** A view into the bytes where they are aligned (sections are), else a copy. */
  i32(name: string): Int32Array {
    const s = this.section(name);
    const b = this.bytesOf(s);
    if (b.byteOffset % 4 === 0) return new Int32Array(b.buffer, b.byteOffset, s.length);
    return new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + s.length * 4));
  }
  u8(name: string): Uint8Array {
    return this.bytesOf(this.section(name));
  }
  strings(name: string): (string | null)[] {
    const lens = this.i32(`${name}.len`);
    const s = this.section(`${name}.text`);
    const text = this.bytesOf(s).toString(s.kind === 'ascii' ? 'latin1' : 'utf8');
    const out: (string | null)[] = new Array(lens.length);
    let at = 0;
    for (let i = 0; i < lens.length; i++) {
      const n = lens[i]!;
      if (n < 0) out[i] = null;
      else {
        out[i] = text.substring(at, at + n);
        at += n;
      }
    }
    return out;
  }
  /** A record kind's four date columns (`c.` connectors, `r.` relations): start and end as given, then as bounds. */
  dates(prefix: 'c' | 'r'): [Coded, Coded, Coded, Coded] {
    return [
      this.coded(`${prefix}.startDate`),
      this.coded(`${prefix}.endDate`),
      this.coded(`${prefix}.startKey`),
      this.coded(`${prefix}.endKey`),
    ];
  }
  /** The codes as stored and their list: read `dict[at[i]]` where needed rather than making a list of values. */
  coded(name: string): Coded {
    const s = this.section(name);
    const dict = this.header.dicts[name]!;
    if (s.kind === 'u8') return { dict, at: this.u8(name) };
    if (s.kind === 'i32') return { dict, at: this.i32(name) };
    const b = this.bytesOf(s);
    const at =
      b.byteOffset % 2 === 0
        ? new Uint16Array(b.buffer, b.byteOffset, s.length)
        : new Uint16Array(b.buffer.slice(b.byteOffset, b.byteOffset + s.length * 2));
    return { dict, at };
  }
  /** Whether the engine kept the search box's name order (graph/search.ts makes it) when it wrote the file. */
  keepsSearchOrder(): boolean {
    return this.byName.has('s.record');
  }
  /** That name order, decoded, or null. */
  searchOrder(): { hay: string[]; record: Int32Array } | null {
    return this.keepsSearchOrder() ? { hay: this.strings('s.hay') as string[], record: this.i32('s.record') } : null;
  }
  codes(name: string): (string | null)[] {
    const { dict, at } = this.coded(name);
    const out: (string | null)[] = new Array(at.length);
    for (let i = 0; i < at.length; i++) out[i] = dict[at[i]!]!;
    return out;
  }
}

/** The file's header and where its sections start, if it is a graph index file of this format. */
function headerOf(head: Buffer, size: number): { header: Header; base: number } | null {
  const headLen = head.readUInt32LE(0);
  const header = JSON.parse(head.toString('utf8', 8, 8 + headLen)) as Header;
  if (header.magic !== MAGIC || header.format !== FORMAT) return null;
  const base = 8 + headLen + ((8 - (headLen % 8)) % 8);
  const last = header.sections[header.sections.length - 1];
  if (last && base + last.offset + bytesOf(last) > size) return null;
  return { header, base };
}

/**
 * Writes the index (and the whole network's tie table, and the search box's name order, if given)
 * to `path`, replacing it whole.
 */
export function writeIndexFile(
  path: string,
  db: Database,
  g: GraphIndex,
  ties: TieTable | null,
  search: { hay: readonly string[]; record: Int32Array } | null = null,
): void {
  const o = new Out();
  o.strings('org.id', g.ids);
  o.strings('org.name', g.name);
  o.strings('org.acronym', g.acronym);
  o.codes('org.sector', g.sector);
  o.codes('org.country', g.country);
  o.u8(
    'org.synthetic',
    Uint8Array.from(g.synthetic, (x) => (x ? 1 : 0)),
  );
  o.codes('org.tags', g.tagsJson);
  const cs = g.connectors;
  o.u8(
    'c.type',
    Uint8Array.from(cs, (c) => (c.type === 'partnership' ? 0 : 1)),
  );
  o.strings(
    'c.id',
    cs.map((c) => c.id),
  );
  o.strings(
    'c.name',
    cs.map((c) => c.name),
  );
  o.codes(
    'c.kind',
    cs.map((c) => c.kind),
  );
  for (const k of ['startDate', 'endDate', 'startKey', 'endKey'] as const)
    o.codes(
      `c.${k}`,
      cs.map((c) => c[k]),
    );
  o.codes(
    'c.focus',
    cs.map((c) => JSON.stringify(c.focus)),
  );
  o.u8(
    'c.synthetic',
    Uint8Array.from(cs, (c) => (c.synthetic ? 1 : 0)),
  );
  const offsets = new Int32Array(cs.length + 1);
  cs.forEach((c, k) => (offsets[k + 1] = offsets[k]! + c.orgs.length));
  const members = new Int32Array(offsets[cs.length]!);
  const roles: string[] = new Array(members.length);
  cs.forEach((c, k) => c.orgs.forEach((m, j) => ((members[offsets[k]! + j] = m), (roles[offsets[k]! + j] = c.roles[j]!))));
  o.i32('c.offsets', offsets);
  o.i32('c.members', members);
  o.codes('c.roles', roles);
  const rs = g.relations;
  o.strings(
    'r.id',
    rs.map((r) => r.id),
  );
  o.i32(
    'r.source',
    Int32Array.from(rs, (r) => r.source),
  );
  o.i32(
    'r.target',
    Int32Array.from(rs, (r) => r.target),
  );
  o.codes(
    'r.type',
    rs.map((r) => r.type),
  );
  for (const k of ['startDate', 'endDate', 'startKey', 'endKey'] as const)
    o.codes(
      `r.${k}`,
      rs.map((r) => r[k]),
    );
  if (ties) {
    const t = ties.columns();
    for (const k of ['buckets', 'a', 'b', 'partnerships', 'events', 'relations'] as const) o.i32(`t.${k}`, t[k]);
  }
  if (search) {
    o.strings('s.hay', search.hay);
    o.i32('s.record', search.record);
  }
  const header: Header = {
    magic: MAGIC,
    format: FORMAT,
    fingerprint: fingerprint(db, g.version),
    version: g.version,
    dicts: o.dicts,
    sections: o.sections,
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(8);
  len.writeUInt32LE(head.length, 0);
  const pad = new Uint8Array((8 - (head.length % 8)) % 8);
  const tmp = `${path}.${process.pid}-${threadId}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    for (const part of [len, head, pad, ...o.parts]) writeSync(fd, part);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/**
 * The index as the file holds it, if the file is this database's and whole; `ties` when it kept
 * the whole network's table, `searchOrder` when it kept the search box's name order. Its `version` is the log place it reflects (the caller catches up).
 */
export function readIndexFile(
  path: string,
  db: Database,
  progress: BuildProgress = () => {},
): { g: GraphIndex; ties: TieTable | null; searchOrder: (() => { hay: string[]; record: Int32Array }) | null } | null {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch {
    return null;
  }
  try {
    const found = headerOf(buf, buf.length);
    if (!found || found.header.fingerprint !== fingerprint(db, found.header.version)) return null;
    const { header, base } = found;
    const f = new In(header, (s) => buf.subarray(base + s.offset, base + s.offset + bytesOf(s)));
    const g = new GraphIndex(header.version);
    g.readCountries(db);
    const ids = f.strings('org.id') as string[];
    const names = f.strings('org.name') as string[];
    const acronyms = f.strings('org.acronym');
    const sectors = f.coded('org.sector');
    const countries = f.coded('org.country');
    const synthetic = f.u8('org.synthetic');
    const tags = f.coded('org.tags');
    for (let i = 0; i < ids.length; i++) {
      g.ids.push(ids[i]!);
      g.name.push(names[i]!);
      g.acronym.push(acronyms[i]!);
      g.sector.push(sectors.dict[sectors.at[i]!]!);
      g.synthetic.push(synthetic[i] === 1);
      g.tagsJson.push(tags.dict[tags.at[i]!]!);
      g.country.push(null);
      g.countryName.push(null);
      g.region.push(null);
      g.subRegion.push(null);
      g.intermediateRegion.push(null);
      g.placeOf(i, countries.dict[countries.at[i]!]!);
    }
    progress(25);
    // Codes are read where they are used: lists of a hundred thousand values made and dropped were
    // a good part of the load (each page of new memory costs, and the collector then walks them).
    const type = f.u8('c.type');
    const cid = f.strings('c.id') as string[];
    const cname = f.strings('c.name') as string[];
    const kind = f.coded('c.kind');
    const [sd, ed, sk, ek] = f.dates('c');
    const focus = f.coded('c.focus');
    const focusOf: (string[] | undefined)[] = [];
    const csyn = f.u8('c.synthetic');
    const offsets = f.i32('c.offsets');
    const members = f.i32('c.members');
    const roles = f.coded('c.roles');
    for (let k = 0; k < cid.length; k++) {
      const fc = focus.at[k]!;
      const from = offsets[k]!;
      const to = offsets[k + 1]!;
      const orgs: number[] = new Array(to - from);
      const rs: string[] = new Array(to - from);
      for (let j = from; j < to; j++) {
        orgs[j - from] = members[j]!;
        rs[j - from] = roles.dict[roles.at[j]!]!;
      }
      const c: Connector = {
        id: cid[k]!,
        type: type[k] === 0 ? 'partnership' : 'event',
        name: cname[k]!,
        kind: kind.dict[kind.at[k]!]!,
        startDate: sd.dict[sd.at[k]!]!,
        endDate: ed.dict[ed.at[k]!]!,
        startKey: sk.dict[sk.at[k]!]!,
        endKey: ek.dict[ek.at[k]!]!,
        focus: (focusOf[fc] ??= JSON.parse(focus.dict[fc]!) as string[]),
        synthetic: csyn[k] === 1,
        orgs,
        roles: rs,
      };
      g.connectors.push(c);
    }
    progress(50);
    const rid = f.strings('r.id') as string[];
    const source = f.i32('r.source');
    const target = f.i32('r.target');
    const rtype = f.coded('r.type');
    const [rsd, red, rsk, rek] = f.dates('r');
    for (let k = 0; k < rid.length; k++) {
      const r: RelationEdge = {
        id: rid[k]!,
        source: source[k]!,
        target: target[k]!,
        type: rtype.dict[rtype.at[k]!]!,
        startDate: rsd.dict[rsd.at[k]!]!,
        endDate: red.dict[red.at[k]!]!,
        startKey: rsk.dict[rsk.at[k]!]!,
        endKey: rek.dict[rek.at[k]!]!,
      };
      g.relations.push(r);
    }
    progress(80);
    let ties: TieTable | null = null;
    if (header.sections.some((s) => s.name === 't.a')) {
      const c = Object.fromEntries(
        (['buckets', 'a', 'b', 'partnerships', 'events', 'relations'] as const).map((k) => [k, f.i32(`t.${k}`)]),
      ) as unknown as TieColumns;
      ties = TieTable.fromColumns(c);
    }
    // Decoded on the first search, if one comes before a write moves the index on.
    const searchOrder = f.keepsSearchOrder() ? () => f.searchOrder()! : null;
    return { g, ties, searchOrder };
  } catch {
    return null;
  }
}

/** What search needs of the kept index (organisations' names, acronyms and countries; connectors' names and kinds). */
export interface SearchColumns {
  orgs: { id: readonly string[]; name: readonly string[]; acronym: readonly (string | null)[]; country: readonly (string | null)[] };
  /** type: 0 a partnership, 1 an event. */
  connectors: { type: Uint8Array; id: readonly string[]; name: readonly string[]; kind: readonly string[] };
}

/**
 * The search box's records as the kept index holds them, read section by section (a seventh of
 * the file at 100,000 organisations), when the file reflects a place of this database's change
 * log at or before `version` (its `version`: the caller follows the log's rows after it); null
 * otherwise (the caller reads SQLite instead).
 */
export function readSearchColumns(
  path: string,
  db: Database,
  version: number,
): (SearchColumns & { order: { hay: string[]; record: Int32Array } | null; version: number }) | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    const read = (at: number, length: number): Buffer => {
      const b = Buffer.allocUnsafeSlow(length);
      if (readSync(fd, b, 0, length, at) !== length) throw new Error('the file ends early');
      return b;
    };
    const headLen = read(0, 8).readUInt32LE(0);
    const found = headerOf(read(0, 8 + headLen), size);
    if (!found || found.header.version > version || found.header.fingerprint !== fingerprint(db, found.header.version)) return null;
    const { header, base } = found;
    const f = new In(header, (s) => read(base + s.offset, bytesOf(s)));
    return {
      orgs: {
        id: f.strings('org.id') as string[],
        name: f.strings('org.name') as string[],
        acronym: f.strings('org.acronym'),
        country: f.codes('org.country'),
      },
      connectors: {
        type: f.u8('c.type'),
        id: f.strings('c.id') as string[],
        name: f.strings('c.name') as string[],
        kind: f.codes('c.kind') as string[],
      },
      // Kept by the engine when it wrote the file: the folding and sorting already done.
      order: f.searchOrder(),
      version: header.version,
    };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
