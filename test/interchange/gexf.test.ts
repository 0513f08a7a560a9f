import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import gexf from 'graphology-gexf';
import { MultiGraph } from 'graphology';
import { parseGexf } from '../../electron/engine/interchange/formats/gexf/read';
import type { ParsedGraph } from '../../electron/engine/interchange/model/parsed';
import { refusal } from './helpers';

const DATASETS = resolve(__dirname, '../../../shared/datasets/gexf');

function gexfFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith('xsd') ? [] : gexfFiles(p);
    return e.name.endsWith('.gexf') ? [p] : [];
  });
}

const read = (rel: string): string => readFileSync(join(DATASETS, rel), 'utf8');
const parseFile = (rel: string): ParsedGraph => parseGexf(read(rel));


/** Files we refuse, with a pattern the message must match and why. */
const REFUSED: Record<string, RegExp> = {
  // networkx's own test expects this to raise: "graph" is not an attribute class in GEXF.
  'networkx-tests/unknown_attribute_class_raises.gexf': /line 4.*unknown attribute class "graph"/,
  // Primer listings of just the header: the body is a literal "..." and there is no <graph>
  // (graphology crashes on them too), so there is nothing that could be imported.
  'gephi-gexf-spec/primer_1.2draft_header.gexf': /no <graph> element/,
  'gephi-gexf-spec/primer_1.3_header.gexf': /no <graph> element/,
};

/**
 * Where our counts differ from graphology's on purpose, the numbers read from the file itself.
 * graphology (MultiGraph, addMissingNodes) is the reference everywhere else.
 */
const EXPECTED_FROM_FILE: Record<string, { nodes: number; edges: number; why: string }> = {
  // graphology invents the 4 undeclared endpoints (2, 4, 5, 6); we keep only the 2 declared nodes
  // and warn, so the mapping step can decide.
  'graphology/missing_nodes.gexf': { nodes: 2, edges: 4, why: 'undeclared endpoints not invented' },
  // These three reuse edge id "1" for two different edges; graphology throws on the key clash, we
  // keep both edges (ids are advisory) with a warning: 3 nodes, 3 <edge> elements.
  'jgrapht-tests/SimpleGEXFImporterTest_testValidate.gexf': { nodes: 3, edges: 3, why: 'duplicate edge id' },
  'jgrapht-tests/SimpleGEXFImporterTest_testVertexFactory.gexf': { nodes: 3, edges: 3, why: 'duplicate edge id' },
  'jgrapht-tests/SimpleGEXFImporterTest_testWithAttributesWeightedGraphs.gexf': {
    nodes: 3,
    edges: 3,
    why: 'duplicate edge id',
  },
};

describe('parseGexf on every dataset file', () => {
  const files = gexfFiles(DATASETS);

  it('finds the dataset files', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  for (const file of files) {
    const rel = relative(DATASETS, file).split('\\').join('/');
    const text = readFileSync(file, 'utf8');
    const refused = REFUSED[rel];
    if (refused) {
      it(`refuses ${rel}`, () => {
        expect(refusal(() => parseGexf(text)).message).toMatch(refused);
      });
      continue;
    }
    it(`parses ${rel} with the expected counts`, () => {
      const g = parseGexf(text);
      expect(g.format).toBe('gexf');
      const fixed = EXPECTED_FROM_FILE[rel];
      if (fixed) {
        expect(g.nodes.length).toBe(fixed.nodes);
        expect(g.edges.length).toBe(fixed.edges);
        return;
      }
      const ref = gexf.parse(MultiGraph, text, { addMissingNodes: true, allowUndeclaredAttributes: true });
      expect(g.nodes.length).toBe(ref.order);
      expect(g.edges.length).toBe(ref.size);
      for (const n of g.nodes) {
        expect(n.line).toBeGreaterThan(0);
        expect(n.column).toBeGreaterThan(0);
      }
    });
  }
});

describe('parseGexf specifics', () => {
  it('reads les_miserables with positions', () => {
    const g = parseFile('graphology/les_miserables.gexf');
    expect(g.nodes).toHaveLength(77);
    expect(g.edges).toHaveLength(254);
    expect(g.nodes.every((n) => n.position !== null)).toBe(true);
    expect(g.nodes[0]!.position!.x).toBeTypeOf('number');
    expect(g.edges[0]!.line).toBeGreaterThan(g.nodes[76]!.line!);
  });

  it('turns the 1.3 dynamic primer times into partial dates', () => {
    const g = parseFile('gephi-gexf-spec/primer_1.3_dynwebgraph.gexf');
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    expect(byId.get('0')!.start).toBe('2009-03-01');
    expect(byId.get('0')!.end).toBeNull();
    expect(byId.get('2')!.end).toBe('2009-03-10');
    expect(g.edges[1]).toMatchObject({ start: '2009-03-01', end: '2009-03-10', id: null, directed: true });
    // The declared default applies where the node has no value of its own.
    expect(byId.get('0')!.attributes.frog).toBe(true);
    expect(byId.get('3')!.attributes.frog).toBe(false);
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
    const g = parseFile('graphology/liststring.gexf');
    expect(g.nodes[0]!.attributes.types).toEqual(['cooking', 'money']);
    expect(g.nodes[1]!.attributes.types).toEqual(['money']);
    expect(g.nodes[0]!.attributes.indegree).toBe(1);
  });

  it('reads GEXF 1.3 bracketed lists as arrays', () => {
    const g = parseFile('graphology/v1_3.gexf');
    const a = g.nodes[0]!.attributes;
    expect(a.raw).toEqual(['a', 'b', 'c']);
    expect(a.double).toEqual(['a', 'b', 'c']);
    expect(a.mixed).toEqual(['a', 'b', 'c']);
    expect(a.pipe).toEqual(['a', 'b', 'c']);
    expect(a.booleans).toEqual([true, false, false]);
    expect(a.numbers).toEqual([1, 1.5, 2]);
    expect(g.edges[0]!.attributes.kind).toBe('likes');
  });

  it('keeps ids that differ only in case distinct', () => {
    // case.gexf's trap is capitalised attribute ids (Gender, Position) that a case-insensitive
    // lookup would confuse with the viz <position> element or merge with lower-case keys.
    const g = parseFile('graphology/case.gexf');
    expect(new Set(g.nodes.map((n) => n.id)).size).toBe(10);
    expect(g.nodes[0]!.attributes).toEqual({
      name: 'Britta Witzel',
      status: 'Submitted',
      list: 'Respondent',
      Gender: 'Female',
      Position: 'VP',
    });
    expect(g.nodes[0]!.position).toBeNull();
    const both = parseGexf(`<gexf xmlns="http://www.gexf.net/1.2draft"><graph>
      <attributes class="node"><attribute id="k" title="k"/><attribute id="K" title="K"/></attributes>
      <nodes><node id="a"><attvalues><attvalue for="k" value="1"/><attvalue for="K" value="2"/></attvalues></node><node id="A"/></nodes>
      <edges><edge source="a" target="A"/></edges></graph></gexf>`);
    expect(both.nodes.map((n) => n.id)).toEqual(['a', 'A']);
    expect(both.nodes[0]!.attributes).toEqual({ k: '1', K: '2' });
    expect(both.warnings).toEqual([]);
  });

  it('keeps edges to undeclared nodes and names the missing nodes', () => {
    const g = parseFile('graphology/missing_nodes.gexf');
    expect(g.nodes.map((n) => n.id)).toEqual(['0', '1']);
    expect(g.edges).toHaveLength(4);
    const text = g.warnings.map((w) => w.message).join('\n');
    for (const missing of ['2', '4', '5', '6']) expect(text).toContain(`node "${missing}"`);
    expect(text).toContain('edge "3"');
  });

  it('keeps undeclared attvalues under their id with a warning', () => {
    const g = parseFile('networkx-tests/key_raises.gexf');
    expect(g.nodes[0]!.attributes['0']).toBe('1');
    expect(g.warnings.some((w) => /"0".*not declared/.test(w.message))).toBe(true);
  });

  it('lets the edge type override the default', () => {
    expect(parseFile('networkx-tests/undirected_edge_in_directed.gexf')).toMatchObject({
      directed: true,
      edges: [{ directed: false }],
    });
    expect(parseFile('networkx-tests/directed_edge_in_undirected.gexf')).toMatchObject({
      directed: false,
      edges: [{ directed: true }],
    });
    const mixed = parseFile('graphology/mixed.gexf');
    expect(mixed.edges.map((e) => e.directed)).toEqual([true, true, false]);
    expect(mixed.edges[1]).toMatchObject({ weight: 4.56, label: 'Nice edge' });
  });

  it('reads weights from the weight attribute or a weight attvalue', () => {
    const g = parseGexf(`<gexf xmlns="http://www.gexf.net/1.2draft"><graph>
      <attributes class="edge"><attribute id="w" title="weight" type="double"/></attributes>
      <nodes><node id="a"/><node id="b"/></nodes>
      <edges><edge source="a" target="b"><attvalues><attvalue for="w" value="2.5"/></attvalues></edge></edges>
    </graph></gexf>`);
    expect(g.edges[0]!.weight).toBe(2.5);
    expect(g.directed).toBe(false);
  });

  it('flattens nested nodes, keeping the enclosing node as parent', () => {
    const g = parseFile('jgrapht-tests/SimpleGEXFImporterTest_testIgnoringNested.gexf');
    expect(g.nodes.find((n) => n.id === '4')!.parent).toBe('1');
    expect(g.nodes.find((n) => n.id === '2')!.parent).toBeNull();
    expect(g.warnings.filter((w) => /flattened/.test(w.message))).toHaveLength(1);
    const pid = parseGexf(`<gexf xmlns="http://www.gexf.net/1.2draft"><graph><nodes>
      <node id="p"/><node id="c" pid="p"/></nodes></graph></gexf>`);
    expect(pid.nodes[1]!.parent).toBe('p');
  });

  it('accepts the old gephi.org namespace and a broken viz namespace', () => {
    const arctic = parseFile('graphology/arctic.gexf');
    expect(arctic.nodes[0]!.position).toEqual({ x: -113.203964, y: 30.300962 });
    expect(arctic.nodes[0]!.attributes.occurrences).toBe(1);
    expect(parseFile('graphology/pedantic.gexf').nodes).toHaveLength(0);
  });

  it('refuses a duplicate node id with its line', () => {
    const e = refusal(() =>
      parseGexf(`<gexf xmlns="http://www.gexf.net/1.2draft"><graph><nodes>
<node id="a"/>
<node id="a"/>
</nodes></graph></gexf>`),
    );
    expect(e.message).toMatch(/line 3.*duplicate node id "a"/);
    expect(e.location.line).toBe(3);
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
