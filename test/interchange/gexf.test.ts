// GEXF import on our own fixtures (test/fixtures/gexf), written in the shapes Gephi (0.8 to 0.10),
// graphology, networkx and survey tools write, and broken the ways files break: every fixture
// against graphology's counts, the cases each one holds, and the refusals. The same runs over other
// tools' real files in test/interop/gexf.test.ts.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGexf } from '../../electron/engine/interchange/formats/gexf/read';
import type { ParsedGraph } from '../../electron/engine/interchange/model/parsed';
import { corpusFiles, everyGexfFile, type CountsFromFile } from './corpus-checks';
import { refusal } from './helpers';

const FIXTURES = resolve(__dirname, '../fixtures/gexf');

const read = (rel: string): string => readFileSync(join(FIXTURES, rel), 'utf8');
const parseFile = (rel: string): ParsedGraph => parseGexf(read(rel));
/** A graph with its edges as a list of objects, to compare whole. */
const listed = (g: ParsedGraph) => ({ ...g, edges: [...g.edges] });

/** Fixtures we refuse, with a pattern the message must match. */
const REFUSED: Record<string, RegExp> = {
  // As networkx raises on it: "graph" is not an attribute class in GEXF.
  'refused/attribute-class-graph.gexf': /^line 4, column 9: unknown attribute class "graph"/,
  // A documentation listing of just the header: the body is a literal "..." and there is no <graph>
  // (graphology crashes on it too), so there is nothing that could be imported.
  'refused/header-only.gexf': /no <graph> element/,
  'refused/truncated.gexf': /^line 10, column 31: malformed XML: the file ends inside an attribute value/,
  'refused/doctype-entities.gexf': /^line 4, column 2: the DOCTYPE declares entities/,
};

/**
 * Where our counts differ from graphology's on purpose, the numbers read from the file itself.
 * graphology (MultiGraph, addMissingNodes) is the reference everywhere else.
 */
const EXPECTED_FROM_FILE: CountsFromFile = {
  'duplicate-node-id.gexf': { nodes: 2, edges: 0, why: 'graphology throws on a node declared again; we leave it out and list it' },
  // graphology invents the 4 undeclared endpoints (c, d, e, f); we keep only the 2 declared nodes
  // and warn, so the mapping step can decide.
  'missing-nodes.gexf': { nodes: 2, edges: 4, why: 'undeclared endpoints not invented' },
  // Edge id "1" is used for two different edges (as jgrapht's validation test does); graphology
  // throws on the key clash, we keep both edges (ids are advisory) with a warning.
  'duplicate-edge-ids.gexf': { nodes: 3, edges: 3, why: 'duplicate edge id' },
};

describe('parseGexf on every fixture', () => {
  const files = corpusFiles(FIXTURES, { ext: '.gexf' });

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(24);
  });

  everyGexfFile({ dir: FIXTURES, files, refused: REFUSED }, EXPECTED_FROM_FILE);

  it('lists as exceptions only fixtures that exist', () => {
    for (const rel of [...Object.keys(REFUSED), ...Object.keys(EXPECTED_FROM_FILE)]) expect(files).toContain(rel);
  });
});

describe('parseGexf specifics', () => {
  it('reads a Gephi 0.10 export (GEXF 1.3) with positions, sizes and its attributes', () => {
    const g = parseFile('gephi-0.10-stakeholders.gexf');
    expect(g.nodes).toHaveLength(80);
    expect(g.edges).toHaveLength(167);
    expect(g.warnings).toEqual([]);
    expect(g.directed).toBe(false);
    expect(g.nodes.every((n) => n.position !== null)).toBe(true);
    expect(g.nodes[0]).toMatchObject({
      id: '0',
      label: 'المركز الوطني للأمن السيبراني',
      position: { x: 552.48493, y: 1.00851 },
      attributes: { Country: 'Saudi Arabia', Sector: 'government', 'Modularity Class': 0, Degree: 3 },
    });
    expect(g.nodes.find((n) => n.label === '国家互联网应急中心')!.attributes.Country).toBe('China');
    expect(g.edges.at(0)).toMatchObject({ id: '0', directed: false, weight: 1 });
    expect(g.edges.at(0)!.line).toBeGreaterThan(g.nodes[79]!.line!);
  });

  it('reads a Gephi 0.8 export (GEXF 1.1) whose viz namespace has a typo', () => {
    const g = parseFile('gephi-0.8-1.1draft.gexf');
    expect(g.directed).toBe(true);
    expect(g.nodes.map((n) => n.label)).toEqual([
      'CERT Tunisie',
      'Centre de réponse du Sénégal',
      "CSIRT de Côte d'Ivoire",
      'Agence belge de cybersécurité',
      "Équipe québécoise d'intervention",
    ]);
    expect(g.nodes[2]).toMatchObject({ id: '2.0', position: { x: 51, y: 77.75 }, attributes: { Authority: 0.05, Hub: 0.09 } });
    expect([...g.edges].map((e) => e.weight)).toEqual([1, 3, 2, 1, 1, 4]);
  });

  it('reads what graphology writes, in GEXF 1.2 and 1.3 alike', () => {
    const [v12, v13] = [parseFile('graphology-1.2.gexf'), parseFile('graphology-1.3.gexf')];
    for (const g of [v12, v13]) {
      expect(g.warnings).toEqual([]);
      expect(g.nodes[1]).toMatchObject({
        id: 'cncert',
        label: '国家互联网应急中心',
        position: { x: 230, y: -15.75 },
        attributes: { country: 'CN', founded: 2002, staff: 310, public: true, topics: ['botnets'] },
      });
      expect(g.nodes[0]!.attributes.topics).toEqual(['phishing', 'ransomware']);
      expect(g.edges.at(2)).toMatchObject({
        source: 'es-incibe',
        target: 'cert-ma',
        weight: 3.5,
        directed: true,
        attributes: { kind: 'funds', since: 2020 },
      });
      expect(g.edges.at(3)!.weight).toBeNull();
    }
    expect(v13.nodes).toEqual(v12.nodes);
  });

  it('reads what networkx writes: numbered attribute ids, long values, weights on the element', () => {
    const g = parseFile('networkx-1.2draft.gexf');
    expect(g.nodes.map((n) => [n.id, n.attributes])).toEqual([
      ['ncirc', { country: 'RU', members: 120 }],
      ['cncert', { country: 'CN', members: 310 }],
      ['sa-ncsc', { country: 'SA' }],
      ['mx-cert', { country: 'MX', members: 45 }],
    ]);
    expect([...g.edges].map((e) => [e.id, e.weight, e.attributes.relation ?? null])).toEqual([
      ['0', 2, 'exchanges_data_with'],
      ['1', null, 'trains'],
      ['2', 0.5, null],
    ]);
  });

  it('turns 1.3 dynamic times into partial dates', () => {
    const g = parseFile('dynamic-1.3.gexf');
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    expect(byId.get('0')!.start).toBe('2019-02-01');
    expect(byId.get('0')!.end).toBeNull();
    expect(byId.get('2')!.end).toBe('2021-06-30');
    expect(g.edges.at(1)).toMatchObject({ start: '2019-02-01', end: '2021-06-30', id: null, directed: true });
    // The declared default applies where the node has no value of its own.
    expect(byId.get('0')!.attributes.active).toBe(true);
    expect(byId.get('3')!.attributes.active).toBe(false);
    // A time-varying value keeps its last one, with one warning.
    expect(byId.get('1')!.attributes.members).toBe(9);
    expect(g.warnings.map((w) => w.message)).toEqual([
      'attribute "members" has several (time-varying) values; the last one in the file is kept',
    ]);
  });

  it('takes the earliest and latest of 1.2 spells, open where one is open', () => {
    const g = parseFile('spells-1.2draft.gexf');
    expect(g.nodes.map((n) => [n.start, n.end])).toEqual([
      ['2012-09-15', '2017-12-31'],
      ['2015-05-01', null],
      ['2020-10-01', '2022-03-31'],
    ]);
    expect([...g.edges].map((e) => [e.start, e.end])).toEqual([
      ['2016-03-01', '2016-12-31'],
      ['2020-10-01', null],
    ]);
  });

  it('uses the earliest and latest spell, and cuts dateTimes to dates', () => {
    const g = parseGexf(`<?xml version="1.0"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph mode="dynamic" timeformat="dateTime">
    <nodes>
      <node id="a"><spells><spell start="2010-05-01T10:00:00" end="2011-01-01T00:00:00"/><spell start="2001-02-03T00:00:00" end="2003-01-01T00:00:00"/></spells></node>
    </nodes>
  </graph>
</gexf>`);
    expect(g.nodes[0]).toMatchObject({ start: '2001-02-03', end: '2011-01-01' });
  });

  it('keeps non-date times as attributes with one warning', () => {
    const g = parseGexf(`<gexf xmlns="http://www.gexf.net/1.2draft"><graph mode="dynamic" timeformat="double">
      <nodes><node id="a" start="1.5" end="3"/><node id="b" start="2"/></nodes></graph></gexf>`);
    expect(g.nodes[0]).toMatchObject({ start: null, end: null, attributes: { start: 1.5, end: 3 } });
    expect(g.nodes[1]!.attributes.start).toBe(2);
    expect(g.warnings.filter((w) => /not dates/.test(w.message))).toHaveLength(1);
  });

  it('reads GEXF 1.2 pipe lists as arrays', () => {
    const g = parseFile('liststring-1.2draft.gexf');
    expect(g.nodes[0]!.attributes.focus).toEqual(['phishing', 'ransomware']);
    expect(g.nodes[1]!.attributes.focus).toEqual(['ransomware']);
    expect(g.nodes[2]!.attributes.focus).toEqual(['forensics', 'training', 'phishing']);
    expect(g.nodes[0]!.attributes.partners).toBe(3);
    expect(g.nodes.map((n) => n.attributes.public)).toEqual([true, true, false]);
  });

  it('reads GEXF 1.3 bracketed lists as arrays', () => {
    const g = parseFile('lists-1.3.gexf');
    const a = g.nodes[0]!.attributes;
    const words = ['fraude', 'extorsión', 'acoso'];
    expect(a.pipe).toEqual(words);
    expect(a.comma).toEqual(words);
    expect(a.bare).toEqual(words);
    expect(a.single).toEqual(['fraude', "'extorsión'", 'acoso']);
    expect(a.double).toEqual(['fraude', 'extorsión', 'acoso, sexual']);
    expect(a.mixed).toEqual(words);
    expect(a.flags).toEqual([true, false, false]);
    expect(a.scores).toEqual([1, 2.5, -3]);
    expect(g.nodes[1]!.attributes).toEqual({});
    expect(g.edges.at(0)!.attributes.kind).toBe('trains');
  });

  it('keeps ids that differ only in case distinct', () => {
    // The survey export's trap is capitalised attribute ids (Region, Position) that a case-insensitive
    // lookup would confuse with the viz <position> element or merge with lower-case keys.
    const g = parseFile('survey-capitalised-ids.gexf');
    expect(new Set(g.nodes.map((n) => n.id)).size).toBe(10);
    expect(g.nodes[0]!.attributes).toEqual({
      name: 'Amina Benali',
      status: 'Completed',
      list: 'Partner',
      Region: 'Africa',
      Position: 'Director',
    });
    expect(g.nodes[7]!.attributes.name).toBe('Мария Иванова');
    expect(g.nodes.every((n) => n.position === null)).toBe(true);
    expect(g.edges.at(1)!.attributes).toEqual({ Q1: 'Weekly' });
    const both = parseGexf(`<gexf xmlns="http://www.gexf.net/1.2draft"><graph>
      <attributes class="node"><attribute id="k" title="k"/><attribute id="K" title="K"/></attributes>
      <nodes><node id="a"><attvalues><attvalue for="k" value="1"/><attvalue for="K" value="2"/></attvalues></node><node id="A"/></nodes>
      <edges><edge source="a" target="A"/></edges></graph></gexf>`);
    expect(both.nodes.map((n) => n.id)).toEqual(['a', 'A']);
    expect(both.nodes[0]!.attributes).toEqual({ k: '1', K: '2' });
    expect(both.warnings).toEqual([]);
  });

  it('keeps edges to undeclared nodes and names the missing nodes', () => {
    const g = parseFile('missing-nodes.gexf');
    expect(g.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(g.edges).toHaveLength(4);
    const text = g.warnings.map((w) => w.message).join('\n');
    for (const missing of ['c', 'd', 'e', 'f']) expect(text).toContain(`node "${missing}"`);
    expect(text).toContain('edge "e3"');
    expect(g.warnings.map((w) => w.line)).toEqual([13, 15, 15, 16, 16]);
  });

  it('keeps undeclared attvalues under their id with a warning', () => {
    const g = parseFile('undeclared-attvalue.gexf');
    expect(g.nodes[0]!.attributes.budget).toBe('1200');
    expect(g.warnings).toEqual([
      { message: 'node attribute "budget" is used but not declared; kept as text under that id', line: 7, column: 17 },
    ]);
  });

  it('lets the edge type override the default', () => {
    expect(listed(parseFile('undirected-edge-in-directed.gexf'))).toMatchObject({
      directed: true,
      edges: [{ directed: false }],
    });
    expect(listed(parseFile('directed-edge-in-undirected.gexf'))).toMatchObject({
      directed: false,
      edges: [{ directed: true }],
    });
    const mixed = parseFile('mixed-edge-types.gexf');
    expect([...mixed.edges].map((e) => e.directed)).toEqual([true, true, false]);
    expect(mixed.edges.at(1)).toMatchObject({ weight: 2.75, label: 'Beca de formación' });
  });

  it('keeps both edges of a repeated edge id, and nodes outside <nodes>, with a warning each', () => {
    const g = parseFile('duplicate-edge-ids.gexf');
    expect(g.nodes.map((n) => n.label)).toEqual(['Unidad de Cibercrimen', 'Unité cybercriminalité', 'Отдел по киберпреступности']);
    expect([...g.edges].map((e) => [e.id, e.source, e.target])).toEqual([
      ['1', '2', '3'],
      ['0', '1', '2'],
      ['1', '3', '1'],
    ]);
    expect(g.warnings.map((w) => [w.line, w.message])).toEqual([
      [4, '<node> outside a <nodes> element; read anyway'],
      [10, 'duplicate edge id "1" (first on line 8); both edges kept'],
    ]);
  });

  it('reads weights from the weight attribute or a weight attvalue', () => {
    const g = parseGexf(`<gexf xmlns="http://www.gexf.net/1.2draft"><graph>
      <attributes class="edge"><attribute id="w" title="weight" type="double"/></attributes>
      <nodes><node id="a"/><node id="b"/></nodes>
      <edges><edge source="a" target="b"><attvalues><attvalue for="w" value="2.5"/></attvalues></edge></edges>
    </graph></gexf>`);
    expect(g.edges.at(0)!.weight).toBe(2.5);
    expect(g.directed).toBe(false);
  });

  it('flattens nested nodes, keeping the enclosing node as parent', () => {
    const g = parseFile('nested-nodes.gexf');
    expect(g.nodes.map((n) => [n.id, n.parent])).toEqual([
      ['ministry', null],
      ['cert', 'ministry'],
      ['dpo', 'ministry'],
      ['police', null],
      ['court', null],
    ]);
    expect([...g.edges].map((e) => e.id)).toEqual(['inner', '0', '1', '2']);
    expect(g.warnings.filter((w) => /flattened/.test(w.message))).toHaveLength(1);
    const pid = parseGexf(`<gexf xmlns="http://www.gexf.net/1.2draft"><graph><nodes>
      <node id="p"/><node id="c" pid="p"/></nodes></graph></gexf>`);
    expect(pid.nodes[1]!.parent).toBe('p');
  });

  it('accepts the old gephi.org namespace and a broken viz namespace', () => {
    // The pre-1.0 files name attvalues by id= rather than for=.
    const old = parseFile('pre-1.0-namespace.gexf');
    expect(old.warnings).toEqual([]);
    expect(old.nodes[0]!.position).toEqual({ x: -73.567256, y: 45.501689 });
    expect(old.nodes[0]!.attributes).toEqual({ city: 'Montréal', reports: 14 });
    expect(old.nodes[2]!.attributes.city).toBe('Новосибирск');
    expect(listed(parseFile('empty-broken-viz-namespace.gexf'))).toMatchObject({ nodes: [], edges: [], warnings: [] });
  });

  it('leaves out a node declared again and lists it with its line, for the person importing to skip', () => {
    const g = parseFile('duplicate-node-id.gexf');
    expect(g.nodes.map((n) => n.label)).toEqual(['National Cyber Security Centre', 'CERT']);
    expect(g.rejected).toEqual([
      { message: 'node id "ncsc" is declared again (first on line 5); this node is left out', line: 7, column: 7 },
    ]);
  });

  it('refuses a non-gexf root', () => {
    expect(refusal(() => parseGexf('<graphml><graph/></graphml>')).message).toMatch(/not <gexf>/);
  });

  it('refuses malformed XML with a position', () => {
    const e = refusal(() => parseGexf('<gexf xmlns="http://www.gexf.net/1.2draft">\n<graph><nodes></graph></gexf>'));
    expect(e.message).toMatch(/malformed XML/);
    expect(e.location.line).toBe(2);
  });

  it('refuses XXE without reading the file', () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE gexf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<gexf xmlns="http://www.gexf.net/1.2draft"><graph><nodes><node id="a" label="&xxe;"/></nodes></graph></gexf>`;
    const e = refusal(() => parseGexf(xxe));
    expect(e.message).toMatch(/DOCTYPE declares entities/);
    expect(e.message).not.toMatch(/root:/);
  });

  it('refuses an undefined entity reference even without a DOCTYPE', () => {
    const e = refusal(() =>
      parseGexf('<gexf xmlns="http://www.gexf.net/1.2draft"><graph><nodes><node id="a" label="&foo;"/></nodes></graph></gexf>'),
    );
    expect(e.message).toMatch(/malformed XML/);
    // The five predefined entities and character references are fine.
    const ok = parseGexf(
      '<gexf xmlns="http://www.gexf.net/1.2draft"><graph><nodes><node id="a" label="&lt;&amp;&#65;&#x42;&quot;"/></nodes></graph></gexf>',
    );
    expect(ok.nodes[0]!.label).toBe('<&AB"');
  });

  it('refuses billion laughs', () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<gexf xmlns="http://www.gexf.net/1.2draft"><graph><nodes><node id="a" label="&lol3;"/></nodes></graph></gexf>`;
    expect(refusal(() => parseGexf(lol)).message).toMatch(/DOCTYPE declares entities/);
  });

  it('refuses random bytes as not a text file', () => {
    // A fixed LCG keeps the bytes the same on every run.
    let seed = 12345;
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
    expect(refusal(() => parseGexf(bytes.toString('latin1'))).message).toMatch(/not a text file/);
    expect(refusal(() => parseGexf('<gexf>\u0000</gexf>')).message).toMatch(/not a text file/);
  });
});
