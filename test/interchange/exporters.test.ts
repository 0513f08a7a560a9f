// GEXF, GraphML and Cytoscape JSON exports: well-formed for readers that are not ours (xmllint,
// @xmldom/xmldom), read with the same counts and values by the tools that read them (graphology,
// cytoscape.js), and lossless for this app when read back through its importers. The official GEXF
// XSD lives with the datasets, so that check is in the interoperability suite (test/interop/gexf-xsd.test.ts).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MultiGraph } from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import cytoscape from 'cytoscape';
import { DOMParser, type Document } from '@xmldom/xmldom';
import { emptyBundle, type Bundle } from '../../electron/engine/interchange/model/bundle';
import { parseCyjs } from '../../electron/engine/interchange/formats/cyjs/read';
import { parseGexf } from '../../electron/engine/interchange/formats/gexf/read';
import { parseGraphml } from '../../electron/engine/interchange/formats/graphml/read';
import type { ParsedGraph } from '../../electron/engine/interchange/model/parsed';
import { graphToBundle } from '../../electron/engine/interchange/model/atlas-graph';
import { isDirectedRelation } from '../../electron/engine/interchange/model/direction';
import { writeCyjs } from '../../electron/engine/interchange/formats/cyjs/write';
import { writeGexf } from '../../electron/engine/interchange/formats/gexf/write';
import { writeGraphml } from '../../electron/engine/interchange/formats/graphml/write';
import { tempDir } from '../engine/helpers';
import { bundleOf, exportNetworks, HOSTILE, hostile as withHostile, LISTS, TAGS, withEngine, XML_SAFE } from './export-networks';

const NETWORKS = exportNetworks();

const FORMATS: Record<string, { write: (b: Bundle) => string; parse: (text: string) => ParsedGraph }> = {
  GEXF: { write: writeGexf, parse: parseGexf },
  GraphML: { write: writeGraphml, parse: parseGraphml },
  'Cytoscape JSON': { write: writeCyjs, parse: parseCyjs },
};

function roundTrip(bundle: Bundle, format: keyof typeof FORMATS): Bundle {
  const { write, parse } = FORMATS[format]!;
  const back = graphToBundle(parse(write(bundle)));
  expect(back).not.toBeNull();
  return back!;
}

function expectSameRecords(actual: Bundle, expected: Bundle): void {
  for (const part of Object.keys(LISTS) as (keyof typeof LISTS)[]) {
    expect(actual[part], part).toEqual(expected[part]);
  }
  expect([actual.sources, actual.citations, actual.savedViews]).toEqual([[], [], []]);
}

// ---------- readers that are not ours ----------

const GEXF_NS = 'http://gexf.net/1.3';
const VIZ_NS = 'http://gexf.net/1.3/viz';
const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

const XMLLINT = !spawnSync('xmllint', ['--version']).error;

/** What `xmllint --noout` says of the text: nothing at all when it is well-formed. */
function xmllint(text: string): { status: number | null; stderr: string } {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'export.xml');
    writeFileSync(file, text);
    const run = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
    if (run.error) throw run.error;
    return { status: run.status, stderr: run.stderr };
  } finally {
    cleanup();
  }
}

/** The document as @xmldom/xmldom reads it, failing on any warning or error it reports. */
function xmldom(text: string): Document {
  const complaints: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void complaints.push(`${level}: ${message}`) }).parseFromString(
    text,
    'text/xml',
  );
  expect(complaints).toEqual([]);
  return doc;
}

const count = (doc: Document, ns: string, name: string): number => doc.getElementsByTagNameNS(ns, name).length;

describe.each(Object.entries(NETWORKS))('exports of the %s network', (_name, bundle) => {
  it('has records to export', () => {
    expect(bundle.organisations.length).toBeGreaterThan(5);
    expect(bundle.memberships.length + bundle.participations.length + bundle.relations.length).toBeGreaterThan(0);
  });

  it.runIf(XMLLINT)('writes GEXF and GraphML that xmllint finds well-formed', () => {
    const positions = Object.fromEntries(bundle.organisations.map((o, i) => [o.id, { x: i * 10.5, y: -i }]));
    expect(xmllint(writeGexf(bundle, { positions, sizes: { [bundle.organisations[0]!.id]: 3 } }))).toEqual({ status: 0, stderr: '' });
    expect(xmllint(writeGraphml(bundle))).toEqual({ status: 0, stderr: '' });
  });

  it('writes GEXF that xmldom reads as GEXF 1.3, its viz elements in the viz namespace', () => {
    const positions = Object.fromEntries(bundle.organisations.map((o, i) => [o.id, { x: i * 10.5, y: -i }]));
    const sizes = Object.fromEntries(bundle.organisations.map((o, i) => [o.id, i + 1]));
    const doc = xmldom(writeGexf(bundle, { positions, sizes, colours: { [bundle.organisations[0]!.id]: '#123' } }));
    const root = doc.documentElement!;
    expect([root.namespaceURI, root.localName, root.getAttribute('version')]).toEqual([GEXF_NS, 'gexf', '1.3']);
    const nodes = bundle.organisations.length + bundle.partnerships.length + bundle.events.length;
    expect(count(doc, GEXF_NS, 'node')).toBe(nodes);
    expect(count(doc, GEXF_NS, 'edge')).toBe(bundle.memberships.length + bundle.participations.length + bundle.relations.length);
    expect(count(doc, VIZ_NS, 'color')).toBe(nodes);
    expect(count(doc, VIZ_NS, 'size')).toBe(bundle.organisations.length);
    expect(count(doc, VIZ_NS, 'position')).toBe(bundle.organisations.length);
    const first = doc.getElementsByTagNameNS(VIZ_NS, 'color')[0]!;
    expect([first.getAttribute('r'), first.getAttribute('g'), first.getAttribute('b')]).toEqual(['17', '34', '51']);
  });

  it('writes GraphML that xmldom reads as GraphML, one key per attribute', () => {
    const doc = xmldom(writeGraphml(bundle));
    const root = doc.documentElement!;
    expect([root.namespaceURI, root.localName]).toEqual([GRAPHML_NS, 'graphml']);
    expect(count(doc, GRAPHML_NS, 'node')).toBe(bundle.organisations.length + bundle.partnerships.length + bundle.events.length);
    expect(count(doc, GRAPHML_NS, 'edge')).toBe(bundle.memberships.length + bundle.participations.length + bundle.relations.length);
    const keys = Array.from(doc.getElementsByTagNameNS(GRAPHML_NS, 'key'));
    const ids = keys.map((k) => k.getAttribute('id'));
    expect(new Set(ids).size).toBe(ids.length);
    const used = new Set(Array.from(doc.getElementsByTagNameNS(GRAPHML_NS, 'data')).map((d) => d.getAttribute('key')));
    for (const key of used) expect(ids).toContain(key);
  });

  it('writes GEXF that graphology reads with the same counts and values', () => {
    const text = writeGexf(bundle);
    const g = gexf.parse(MultiGraph, text);
    expect(g.order).toBe(bundle.organisations.length + bundle.partnerships.length + bundle.events.length);
    expect(g.size).toBe(bundle.memberships.length + bundle.participations.length + bundle.relations.length);
    const org = bundle.organisations[0]!;
    expect(g.getNodeAttributes(org.id)).toMatchObject({
      label: org.name,
      name: org.name,
      atlas_type: 'organisation',
      sector: org.sector,
      tags: org.tags,
      synthetic: org.synthetic,
      // Each attribute is an attribute of its own, under its name.
      ...org.attributes,
      createdAt: org.createdAt,
      color: expect.stringMatching(/^(#|rgb)/),
    });
    const rel = bundle.relations[0];
    if (rel) expect(g.getEdgeAttributes(rel.id)).toMatchObject({ atlas_type: 'relation', type: rel.type });
    if (rel) expect(g.isDirected(rel.id)).toBe(isDirectedRelation(rel));
  });

  it('writes GraphML that graphology reads with the same counts and typed values', () => {
    const g = graphml.parse(MultiGraph, writeGraphml(bundle));
    expect(g.order).toBe(bundle.organisations.length + bundle.partnerships.length + bundle.events.length);
    expect(g.size).toBe(bundle.memberships.length + bundle.participations.length + bundle.relations.length);
    const org = bundle.organisations[0]!;
    expect(g.getNodeAttributes(org.id)).toMatchObject({
      label: org.name,
      atlas_type: 'organisation',
      synthetic: org.synthetic,
      tags: JSON.stringify(org.tags),
    });
    const counted = bundle.events.find((e) => e.participantCount !== null);
    if (counted) expect(g.getNodeAttribute(counted.id, 'participantCount')).toBe(counted.participantCount);
    const rel = bundle.relations[0];
    if (rel) expect(g.isDirected(rel.id)).toBe(isDirectedRelation(rel));
  });

  it('writes Cytoscape JSON that cytoscape.js loads with the same counts', () => {
    const doc = JSON.parse(writeCyjs(bundle, { positions: { [bundle.organisations[0]!.id]: { x: 3, y: 4 } } }));
    expect(doc).toMatchObject({ format_version: '1.0', generated_by: 'Stakeholder Atlas' });
    // preset: without a layout option cytoscape.js runs grid, which moves every node.
    const cy = cytoscape({ headless: true, styleEnabled: true, layout: { name: 'preset' }, elements: doc.elements, style: doc.style });
    expect(cy.nodes().length).toBe(bundle.organisations.length + bundle.partnerships.length + bundle.events.length);
    expect(cy.edges().length).toBe(bundle.memberships.length + bundle.participations.length + bundle.relations.length);
    expect(cy.getElementById(bundle.organisations[0]!.id).position()).toEqual({ x: 3, y: 4 });
    cy.destroy();
  });

  it.each(Object.keys(FORMATS))('round-trips every record through %s', (format) => {
    expectSameRecords(roundTrip(bundle, format), bundle);
  });
});

describe('GEXF details', () => {
  const fixture = NETWORKS.fixture;

  it('writes partial dates as whole dates on the element and exactly in the attvalue', () => {
    const text = writeGexf(fixture);
    expect(text).toContain('mode="dynamic" timeformat="date"');
    // P1 runs 2018 to 2020; P2 starts 2021-03.
    expect(text).toMatch(/<node id="P1" label="Ransomware PPP" start="2018-01-01" end="2020-12-31">/);
    expect(text).toMatch(/<node id="P2" label="Capacity Network" start="2021-03-01">/);
    expect(text).toContain('<attvalue for="startDate" value="2021-03"/>');
  });

  it('writes a static graph when no record has a date', () => {
    const undated = { ...emptyBundle(), organisations: fixture.organisations };
    const text = writeGexf(undated);
    expect(text).toContain('mode="static"');
    expect(text).not.toContain('timeformat');
    const graph = xmldom(text).getElementsByTagNameNS(GEXF_NS, 'graph')[0]!;
    expect([graph.getAttribute('mode'), graph.hasAttribute('timeformat')]).toEqual(['static', false]);
    if (XMLLINT) expect(xmllint(text)).toEqual({ status: 0, stderr: '' });
  });
});

describe('round trips of generated networks', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`keeps every record of seed ${seed} in every format`, () => {
      const bundle = withEngine((e) => e.generate({ organisations: 60, seed }), bundleOf);
      expect(bundle.organisations.length).toBeGreaterThanOrEqual(60);
      for (const format of Object.keys(FORMATS)) expectSameRecords(roundTrip(bundle, format), bundle);
    });
  }
});

describe('hostile text', () => {
  const hostile = (text: string, json = text): Bundle => withHostile(NETWORKS.fixture, text, json);

  it.each(['GEXF', 'GraphML'])('%s keeps markup, quotes, whitespace and emoji, and drops what XML cannot hold', (format) => {
    // Text attributes are text columns, not JSON text, so they lose what XML cannot hold too; GraphML
    // has no list type, so its lists are JSON text, which keeps every character.
    const expected = hostile(XML_SAFE, XML_SAFE);
    if (format === 'GraphML') expected.organisations[0]!.attributes.list = [HOSTILE, '1', 'true'];
    expectSameRecords(roundTrip(hostile(HOSTILE), format), expected);
  });

  it('Cytoscape JSON keeps every character', () => {
    expectSameRecords(roundTrip(hostile(HOSTILE), 'Cytoscape JSON'), hostile(HOSTILE));
  });

  it('graphology reads the hostile GEXF list and name as written', () => {
    const g = gexf.parse(MultiGraph, writeGexf(hostile(HOSTILE)));
    const id = NETWORKS.fixture.organisations[0]!.id;
    expect(g.getNodeAttribute(id, 'tags')).toEqual(TAGS);
    expect(g.getNodeAttribute(id, 'name')).toBe(XML_SAFE);
  });

  it.runIf(XMLLINT)('writes GEXF and GraphML that xmllint reads without complaint', () => {
    expect(xmllint(writeGexf(hostile(HOSTILE)))).toEqual({ status: 0, stderr: '' });
    expect(xmllint(writeGraphml(hostile(HOSTILE)))).toEqual({ status: 0, stderr: '' });
  });

  it('writes GEXF and GraphML whose hostile name xmldom reads as XML can hold it', () => {
    const id = NETWORKS.fixture.organisations[0]!.id;
    const gexfNode = Array.from(xmldom(writeGexf(hostile(HOSTILE))).getElementsByTagNameNS(GEXF_NS, 'node')).find(
      (n) => n.getAttribute('id') === id,
    )!;
    // Tab, CR and LF are written as character references, so attribute normalisation keeps them.
    expect(gexfNode.getAttribute('label')).toBe(XML_SAFE);
    const graphmlNode = Array.from(xmldom(writeGraphml(hostile(HOSTILE))).getElementsByTagNameNS(GRAPHML_NS, 'node')).find(
      (n) => n.getAttribute('id') === id,
    )!;
    const texts = Array.from(graphmlNode.getElementsByTagNameNS(GRAPHML_NS, 'data')).map((d) => d.textContent);
    expect(texts).toContain(XML_SAFE);
  });
});

describe('graphToBundle on graphs that are not Atlas exports', () => {
  const parsed = (text: string) => parseCyjs(text);

  it('returns null when a node has no atlas_type', () => {
    expect(graphToBundle(parsed('[{"data":{"id":"a","atlas_type":"organisation"}},{"data":{"id":"b"}}]'))).toBeNull();
    expect(graphToBundle(parsed('[]'))).toBeNull();
  });

  it('refuses an Atlas graph that was edited into something it cannot hold', () => {
    const org = JSON.parse(writeCyjs(NETWORKS.fixture)).elements.nodes[0].data;
    const one = (extra: object, edges: object[] = []) => JSON.stringify({ nodes: [{ data: { ...org, ...extra } }], edges });
    expect(() => graphToBundle(parsed(one({ atlas_type: 'planet' })))).toThrow(/unknown atlas_type "planet"/);
    expect(() => graphToBundle(parsed(one({ synthetic: 'perhaps' })))).toThrow(/field "synthetic" is not true or false/);
    expect(() => graphToBundle(parsed(one({ sector: null })))).toThrow(/field "sector" is missing/);
    expect(() => graphToBundle(parsed(one({ tags: '[oops' })))).toThrow(new RegExp(`node "${org.id}": field "tags" is not valid JSON`));
    expect(() => graphToBundle(parsed(one({}, [{ data: { source: org.id, target: org.id } }])))).toThrow(/no known atlas_type/);
  });
});
