// GraphML import on our own fixtures (test/fixtures/graphml), written in the shapes yEd, Gephi,
// gephi-lite, networkx and igraph write, and broken the ways files break: every fixture against
// graphology's counts, the cases each one holds, and the refusals. The same runs over other tools'
// real files in test/interop/graphml.test.ts.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { parseGraphml } from '../../electron/engine/interchange/formats/graphml/read';
import { ImportRefused, type ParsedGraph } from '../../electron/engine/interchange/model/parsed';
import { corpusFiles, everyGraphmlFile, type CountsFromFile } from './corpus-checks';
import { refusal } from './helpers';

const FIXTURES = resolve(__dirname, '../fixtures/graphml');
const read = (rel: string): string => readFileSync(join(FIXTURES, rel), 'utf8');

const refused = (text: string): ImportRefused => refusal(() => parseGraphml(text));

/** Fixtures refused on purpose, with a pattern the message (and its place) must match. */
const REFUSED: Record<string, RegExp> = {
  // Ports and hyperedges cannot be represented as node-to-node edges.
  'refused/key-declared-twice-for-nodes.graphml': /^line 4, column 3: key id "d0" is declared twice for <node> \(first at line 3\)/,
  'refused/hyperedge.graphml': /^line 18, column 5: hyperedges are not supported/,
  // Stray text between elements, as graphinout's invalid samples have.
  'refused/stray-text.graphml': /^line 8, column 5: unexpected text "=+" inside <graph>/,
  // GraphML requires unique key ids, even across domains.
  'refused/unknown-element.graphml': /^line 6, column 5: unknown GraphML element <organisation>/,
  'refused/misspelt-node.graphml': /^line 5, column 5: unknown GraphML element <Node>/,
  'refused/wrong-root.graphml': /^line 2, column 1: not a GraphML file: the root element is <network>/,
  'refused/node-without-id.graphml': /^line 5, column 5: <node> without an id/,
  // networkx raises on both: a non-numeric double, and a foreign namespace on <graphml>.
  'refused/invalid-double.graphml': /^line 14, column 7: invalid double value "élevé" for key "weight"/,
  'refused/foreign-namespace.graphml':
    /^line 2, column 1: not a GraphML file: <graphml> is in namespace "https:\/\/example\.org\/not-graphml"/,
  'refused/doctype-entities.graphml': /^line 6, column 2: DOCTYPE declares entities/,
  'refused/truncated.graphml': /^line 8, column 1: malformed XML: unclosed tag <graph> \(opened on line 4\)/,
};

/**
 * Fixtures graphology-graphml cannot be compared with, so the counts are those of the file itself
 * (its <node> and <edge> elements).
 */
const EXPECTED: CountsFromFile = {
  'duplicate-node-id.graphml': { nodes: 2, edges: 0, why: 'graphology throws on a node declared again; we leave it out and list it' },
  'no-graph.graphml': { nodes: 0, edges: 0, why: 'no <graph>; graphology throws' },
  'edgedefault-invalid.graphml': { nodes: 3, edges: 3, why: 'edgedefault="edgedefault": graphology throws, we warn' },
  'keys-for-all.graphml': { nodes: 3, edges: 3, why: 'graphology throws on for="all"' },
  'yed-diagram.graphml': { nodes: 3, edges: 2, why: 'graphology throws on yFiles keys' },
  'yed-groups.graphml': { nodes: 6, edges: 4, why: 'graphology throws on yFiles keys' },
  'yed-ports.graphml': { nodes: 3, edges: 3, why: 'graphology throws on yFiles keys' },
  // graphology (addMissingNodes) invents the undeclared endpoint; we list declared nodes only.
  'undeclared-node.graphml': { nodes: 4, edges: 3, why: 'undeclared endpoint not added as a node' },
};

describe('parseGraphml on every fixture', () => {
  const files = corpusFiles(FIXTURES, { ext: '.graphml' });

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(32);
  });

  it('lists as exceptions only fixtures that exist', () => {
    for (const rel of [...Object.keys(REFUSED), ...Object.keys(EXPECTED)]) expect(files).toContain(rel);
  });

  everyGraphmlFile({ dir: FIXTURES, files, refused: REFUSED }, EXPECTED);
});

describe('parseGraphml specifics', () => {
  it('reads a gephi-lite export with positions', () => {
    const g = parseGraphml(read('gephi-lite-positions.graphml'));
    expect(g.nodes).toHaveLength(24);
    expect(g.edges).toHaveLength(72);
    expect(g.directed).toBe(false);
    expect(g.warnings).toEqual([]);
    expect(g.nodes[0]!.position).toEqual({ x: -174.9, y: -147.4 });
    expect(g.nodes[0]!.attributes.tooltip).toBe('DKR(lngx=-17.49,laty=14.74)');
    expect(g.nodes.every((n) => n.position !== null && n.label === null)).toBe(true);
  });

  it('reads a Gephi export with labels, colours, positions and weights', () => {
    const g = parseGraphml(read('gephi-export.graphml'));
    expect(g.nodes).toHaveLength(8);
    expect(g.edges).toHaveLength(10);
    expect(g.warnings).toEqual([]);
    expect(g.nodes.every((n) => typeof n.label === 'string' && n.position !== null)).toBe(true);
    expect([...g.edges].every((e) => typeof e.weight === 'number')).toBe(true);
    expect(g.nodes[2]).toMatchObject({
      id: '55',
      label: 'Центр цифровых прав',
      position: { x: 387.89572, y: -110.462326 },
      attributes: { 'Modularity Class': 2, size: 28, r: 91, g: 245, b: 91 },
    });
    expect(g.edges.at(6)).toMatchObject({ source: '25', target: '23', weight: 2, label: null, attributes: { 'Edge Label': 'شراكة' } });
  });

  it('reads what igraph writes, keeping NaN as text with a warning', () => {
    const g = parseGraphml(read('igraph.graphml'));
    expect(g.nodes.map((n) => n.label)).toEqual([
      'Centre national de lutte contre la fraude',
      'Unidad de Investigación de Fraudes',
      'Отдел по борьбе с мошенничеством',
      '反诈骗中心',
      'وحدة مكافحة الاحتيال',
    ]);
    expect(g.nodes[0]!.attributes).toEqual({ name: 'Centre national de lutte contre la fraude', country: 'FR', founded: 2009 });
    expect(g.nodes[2]!.attributes.founded).toBe('NaN');
    expect(g.warnings).toEqual([{ message: 'value "NaN" for key "founded" is not a finite number; kept as text', line: 28, column: 7 }]);
    expect([...g.edges].map((e) => [e.weight, e.attributes.type])).toEqual([
      [2, 'collaborates_with'],
      [1, 'trains'],
      [0.5, 'collaborates_with'],
      [3, 'funds'],
      [1, 'collaborates_with'],
    ]);
  });

  it('keeps data for undeclared keys with a warning', () => {
    const g = parseGraphml(read('undeclared-key.graphml'));
    expect(g.nodes).toHaveLength(3);
    expect(g.warnings.map((w) => [w.line, w.message])).toEqual([
      [12, 'data for undeclared key "label" kept as text under that name'],
      [20, 'data for undeclared key "strength" kept as text under that name'],
    ]);
    expect(g.nodes[0]!.label).toBe('Agence de régulation des télécommunications');
    expect(g.nodes[2]!.label).toBeNull();
    expect(g.edges.at(0)!.attributes).toEqual({ strength: '1.0' });
  });

  it('converts typed keys and applies defaults', () => {
    const g = parseGraphml(read('typed-keys.graphml'));
    const n1 = g.nodes.find((n) => n.id === 'n1')!;
    expect(n1.attributes.region).toBe('Africa'); // default
    expect(g.nodes.find((n) => n.id === 'n0')!.attributes.region).toBe('Americas');
    const e0 = [...g.edges].find((e) => e.id === 'e0')!;
    expect(e0.attributes.weight).toBe(1);
    expect(e0.weight).toBe(1);
    expect([...g.edges].map((e) => e.weight)).toEqual([1, 2.5, null, -5]);
  });

  it('applies defaults of every type (networkx)', () => {
    const g = parseGraphml(read('networkx-typed-defaults.graphml'));
    expect(g.directed).toBe(true);
    for (const n of g.nodes.slice(0, 2)) {
      expect(n.attributes).toEqual({ verified: false, staff: 0, reports: 0, score: 0, budget: 0, name: 'sin nombre' });
      expect(n.label).toBe('sin nombre');
    }
    expect(g.nodes[2]!.attributes).toEqual({
      verified: true,
      staff: 12,
      reports: 0,
      score: 0,
      budget: 0,
      name: 'Comisaría de Delitos Tecnológicos',
    });
  });

  it('reads booleans', () => {
    const g = parseGraphml(read('networkx-bool.graphml'));
    expect(g.nodes.map((n) => [n.id, n.attributes.signatory])).toEqual([
      ['Perú', true],
      ['Sénégal', false],
      ['Россия', false],
      ['中国', false],
      ['الأردن', true],
      ['Chile', false],
      ['Ghana', true],
    ]);
  });

  it('honours edge@directed over edgedefault', () => {
    const a = parseGraphml(read('networkx-directed-edge-in-undirected.graphml'));
    expect(a.directed).toBe(false);
    expect([...a.edges].map((e) => e.directed)).toEqual([false, true]);
    const b = parseGraphml(read('networkx-undirected-edge-in-directed.graphml'));
    expect(b.directed).toBe(true);
    expect([...b.edges].map((e) => e.directed)).toEqual([true, false]);
  });

  it('accepts a missing namespace and the 1.0rc one, and refuses a foreign one (as networkx)', () => {
    expect(parseGraphml(read('no-namespace.graphml')).nodes[0]!.attributes.member).toBe(true);
    const rc = parseGraphml(read('rc-namespace.graphml'));
    expect(rc.nodes.map((n) => n.label)).toEqual(['Agência Nacional de Proteção de Dados', 'Autoridad Nacional de Protección de Datos']);
    expect(rc.warnings.map((w) => w.message)).toEqual(['GraphML 1.0rc namespace; read as GraphML 1.0']);
    expect(refused(read('refused/foreign-namespace.graphml')).message).toMatch(/namespace/);
  });

  it('keeps edges to undeclared nodes, naming edge and node', () => {
    const g = parseGraphml(read('undeclared-node.graphml'));
    expect(g.edges).toHaveLength(3);
    expect(g.warnings).toEqual([{ message: 'edge accra → cotonou refers to undeclared node "cotonou"', line: 13, column: 5 }]);
  });

  it('refuses hyperedges', () => {
    const err = refused(read('refused/hyperedge.graphml'));
    expect(err.message).toMatch(/hyperedges/);
    expect(err.message).toMatch(/^line 18/);
  });

  it('reads a yEd diagram, whose labels are only in its graphics, with one warning', () => {
    const g = parseGraphml(read('yed-diagram.graphml'));
    expect(g.directed).toBe(true);
    expect(g.nodes.map((n) => [n.id, n.label])).toEqual([
      ['n0', null],
      ['n1', null],
      ['n2', null],
    ]);
    expect(g.nodes[0]!.attributes).toEqual({ url: 'https://example.org/cert' });
    expect(g.nodes[1]!.attributes).toEqual({ description: 'Ministerio de Justicia\nDirección de Cibercrimen' });
    expect(g.warnings.map((w) => w.message)).toEqual(['yFiles graphics data (shapes, colours, layout) was ignored']);
  });

  it('flattens yEd groups into parents', () => {
    const g = parseGraphml(read('yed-groups.graphml'));
    const parent = (id: string) => g.nodes.find((n) => n.id === id)!.parent;
    expect(parent('n0')).toBeNull();
    expect(parent('n1')).toBeNull();
    expect(parent('n1::n0')).toBe('n1');
    expect(parent('n1::n0::n0')).toBe('n1::n0');
    expect(parent('n1::n1')).toBe('n1');
    expect([...g.edges].map((e) => e.id)).toEqual(['n1::e0', 'e0', 'e1', 'e2']);
    expect(g.warnings.filter((w) => /flattened/.test(w.message))).toHaveLength(1);
    expect(g.warnings.filter((w) => /yFiles/.test(w.message))).toHaveLength(1);
  });

  it('merges several top-level graphs with a warning', () => {
    const g = parseGraphml(read('several-graphs.graphml'));
    expect(g.nodes.map((n) => n.id)).toEqual(['sn', 'ci', 'ke', 'ug']);
    expect([...g.edges].map((e) => [e.id, e.directed])).toEqual([
      ['w1', true],
      ['w2', true],
      ['e1', false],
    ]);
    expect(g.warnings.map((w) => [w.line, w.message])).toEqual([[11, 'the file holds several graphs; they were merged into one']]);
  });

  it('reads escaped text as text: &amp;Eacute; is not an entity, &#233; is a character', () => {
    const g = parseGraphml(read('escaped-entities.graphml'));
    expect(g.nodes[0]!.attributes).toEqual({ name: 'C&I Cyber', html: 'C&ocirc;te d&#39;Ivoire', note: '<b>Sécurité</b> "numérique"' });
  });

  it('records where nodes and edges are', () => {
    const g = parseGraphml(read('undeclared-key.graphml'));
    expect(g.nodes[0]).toMatchObject({ id: 'n0', line: 11, column: 5 });
    expect(g.edges.at(0)).toMatchObject({ id: 'e0', line: 19, column: 5 });
  });
});

describe('parseGraphml refuses dangerous or broken input', () => {
  const HEAD = '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="d0" for="node" attr.name="label" attr.type="string"/>';

  it('refuses an XXE file without leaking file contents', () => {
    const text = `<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
${HEAD}<graph edgedefault="directed"><node id="a"><data key="d0">&xxe;</data></node></graph></graphml>`;
    const err = refused(text);
    expect(err.message).toMatch(/DOCTYPE declares entities/);
    expect(err.message).not.toMatch(/root:/);
    expect(err.location.line).toBe(2);
  });

  it('refuses billion laughs', () => {
    const defs = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) defs.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const text = `<?xml version="1.0"?>\n<!DOCTYPE graphml [${defs.join('\n')}]>\n${HEAD}<graph><node id="a"><data key="d0">&lol9;</data></node></graph></graphml>`;
    expect(refused(text).message).toMatch(/DOCTYPE declares entities/);
  });

  it('refuses undefined entity references', () => {
    const text = `${HEAD}<graph><node id="a"><data key="d0">&nbsp;</data></node></graph></graphml>`;
    expect(refused(text).message).toMatch(/malformed XML.*entity/i);
  });

  it('accepts predefined entities and character references', () => {
    const text = `${HEAD}<graph><node id="a"><data key="d0">&lt;&amp;&#233;&#x41;</data></node></graph></graphml>`;
    expect(parseGraphml(text).nodes[0]!.label).toBe('<&éA');
  });

  it('refuses random bytes', () => {
    const bytes = randomBytes(4096);
    bytes[10] = 0; // make the binary check deterministic
    expect(refused(bytes.toString('latin1')).message).toMatch(/not a text file/);
    const noNul = randomBytes(4096).map((b) => (b === 0 ? 1 : b));
    noNul[0] = 0xff; // never a valid start of an XML document
    expect(refused(Buffer.from(noNul).toString('latin1')).message).toMatch(/malformed XML|not a GraphML/);
  });

  it('refuses malformed XML with a location', () => {
    const err = refused(`${HEAD}\n<graph>\n<node id="a">\n</graph></graphml>`);
    expect(err.message).toMatch(/malformed XML/);
    expect(err.location.line).toBe(4);
  });

  it('refuses a non-graphml root and empty input', () => {
    expect(refused('<gexf xmlns="http://gexf.net/1.3"/>').message).toMatch(/root element is <gexf>/);
    expect(refused('').message).toMatch(/no root element|malformed/);
  });

  it('keeps edges whose ends name ports, and drops the ports with one warning', () => {
    const text = `${HEAD}<graph><node id="a"/><node id="b"/><edge source="a" target="b" sourceport="p" targetport="q"/></graph></graphml>`;
    const g = parseGraphml(text);
    expect([...g.edges].map((e) => [e.source, e.target])).toEqual([['a', 'b']]);
    expect(g.warnings.map((w) => w.message)).toEqual(['ports (yEd) were dropped: their edges connect the nodes themselves']);
    const nested = parseGraphml(read('ports.graphml'));
    expect(nested.nodes.map((n) => n.id)).toEqual(['gateway', 'backbone']);
    expect(nested.edges).toHaveLength(1);
    expect(nested.warnings).toHaveLength(1);
  });

  it('reads yEd’s file with ports: every edge kept, the ports dropped with one warning, CDATA names whole', () => {
    const g = parseGraphml(read('yed-ports.graphml'));
    expect(g.nodes.map((n) => n.attributes.name)).toEqual([
      'CERT-In (भारतीय कंप्यूटर आपातकालीन प्रतिक्रिया दल)',
      'Sri Lanka CERT|CC',
      'bdCERT & <partners>',
    ]);
    expect([...g.edges].map((e) => [e.source, e.target])).toEqual([
      ['n0', 'n1'],
      ['n1', 'n2'],
      ['n0', 'n2'],
    ]);
    expect(g.warnings.filter((w) => /ports/.test(w.message))).toHaveLength(1);
  });

  it('reads igraph’s keys of one id for nodes and for edges, each for its own', () => {
    const g = parseGraphml(read('igraph-same-key-id.graphml'));
    expect(g.nodes.map((n) => n.attributes)).toEqual([
      { name: 'Ministerio de Tecnologías de la Información', weight: 3 },
      { name: 'Защита информации', weight: 1.5 },
      { name: 'Κέντρο Κυβερνοασφάλειας', weight: 2 },
    ]);
    expect([...g.edges].map((e) => [e.weight, e.label])).toEqual([
      [4, 'joint exercise'],
      [0.5, 'MoU'],
    ]);
  });

  it('leaves out a node declared again and lists it', () => {
    const g = parseGraphml(read('duplicate-node-id.graphml'));
    expect(g.nodes.map((n) => n.attributes.name)).toEqual(['Unidad de Cibercrimen', 'Unité cybercriminalité']);
    expect(g.rejected).toEqual([{ message: 'node id "1" is declared again; this node is left out', line: 7, column: 5 }]);
  });

  it('reads one key id declared for the graph and for nodes as two keys', () => {
    const g = parseGraphml(read('same-key-id-two-domains.graphml'));
    expect(g.nodes[0]!.attributes).toEqual({ name: 'Agence' });
    const twice = `${HEAD}<key id="k" for="node" attr.name="a"/><key id="k" for="node" attr.name="b"/><graph/></graphml>`;
    expect(refused(twice).message).toMatch(/key id "k" is declared twice for <node> \(first at line 1\)/);
  });

  it('returns typed results for a hand-written file', () => {
    const text = `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k0" for="node" attr.name="Name" attr.type="string"/>
  <key id="k1" for="node" attr.name="size" attr.type="int"><default>3</default></key>
  <key id="k2" for="edge" attr.name="Weight" attr.type="float"/>
  <key id="k3" for="edge" attr.name="ok" attr.type="boolean"/>
  <graph edgedefault="undirected">
    <node id="a"><data key="k0">Alpha</data><data key="k1">7</data></node>
    <node id="b"/>
    <edge source="a" target="b"><data key="k2">2.5e0</data><data key="k3">TRUE</data></edge>
  </graph>
</graphml>`;
    const g: ParsedGraph = parseGraphml(text);
    expect(g.nodes[0]).toMatchObject({ id: 'a', label: 'Alpha', attributes: { Name: 'Alpha', size: 7 }, line: 7, parent: null });
    expect(g.nodes[1]).toMatchObject({ id: 'b', label: null, attributes: { size: 3 } });
    expect(g.edges.at(0)).toMatchObject({ id: null, weight: 2.5, directed: false, attributes: { Weight: 2.5, ok: true } });
  });
});
