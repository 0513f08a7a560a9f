// GEXF, GraphML and Cytoscape JSON exports: valid for the tools that read them (the official GEXF
// XSD, graphology, cytoscape.js), and lossless for this app when read back through its importers.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MultiGraph } from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import cytoscape from 'cytoscape';
import type { Engine } from '../../electron/engine/engine';
import { emptyBundle, type Bundle } from '../../electron/engine/interchange/model/bundle';
import { parseCyjs } from '../../electron/engine/interchange/formats/cyjs/read';
import { parseGexf } from '../../electron/engine/interchange/formats/gexf/read';
import { parseGraphml } from '../../electron/engine/interchange/formats/graphml/read';
import type { ParsedGraph } from '../../electron/engine/interchange/model/parsed';
import { graphToBundle } from '../../electron/engine/interchange/model/atlas-graph';
import { writeCyjs } from '../../electron/engine/interchange/formats/cyjs/write';
import { writeGexf } from '../../electron/engine/interchange/formats/gexf/write';
import { writeGraphml } from '../../electron/engine/interchange/formats/graphml/write';
import { buildFixture, openEngine, tempDir } from '../engine/helpers';

const GEXF_XSD = resolve(__dirname, '../../../shared/datasets/gexf/gephi-gexf-spec/xsd-1.3/gexf.xsd');

const LISTS = {
  organisations: 'organisation.list',
  partnerships: 'partnership.list',
  memberships: 'membership.list',
  events: 'event.list',
  participations: 'participation.list',
  relations: 'relation.list',
} as const;

function bundleOf(engine: Engine): Bundle {
  const bundle = emptyBundle();
  for (const [part, call] of Object.entries(LISTS) as [keyof typeof LISTS, (typeof LISTS)[keyof typeof LISTS]][]) {
    (bundle[part] as unknown[]) = engine.call(call, { limit: 10000 }).items;
  }
  return bundle;
}

function withEngine<T>(fill: (engine: Engine) => void, use: (engine: Engine) => T): T {
  const { dir, cleanup } = tempDir();
  const engine = openEngine(join(dir, 'atlas.sqlite'));
  try {
    fill(engine);
    return use(engine);
  } finally {
    engine.close();
    cleanup();
  }
}

const NETWORKS: Record<string, Bundle> = {
  fixture: withEngine(buildFixture, bundleOf),
  seed: withEngine((e) => e.seed(), bundleOf),
};

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

// ---------- xmllint ----------

const VIZ_NOT_EXPECTED = /Element '\{http:\/\/gexf\.net\/1\.3\/viz\}(color|size|position)': This element is not expected/;

function xmllint(text: string): string[] {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'export.gexf');
    writeFileSync(file, text);
    const run = spawnSync('xmllint', ['--noout', '--schema', GEXF_XSD, file], { encoding: 'utf8' });
    if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
      throw new Error('xmllint is not installed, so the GEXF export cannot be checked against the XSD: apt-get install libxml2-utils');
    }
    if (run.error) throw run.error;
    return run.stderr.split('\n').filter((l) => /error/i.test(l));
  } finally {
    cleanup();
  }
}

describe.each(Object.entries(NETWORKS))('exports of the %s network', (_name, bundle) => {
  it('has records to export', () => {
    expect(bundle.organisations.length).toBeGreaterThan(5);
    expect(bundle.memberships.length + bundle.participations.length + bundle.relations.length).toBeGreaterThan(0);
  });

  it('writes GEXF that the official 1.3 XSD accepts, apart from its viz namespace bug', () => {
    const positions = Object.fromEntries(bundle.organisations.map((o, i) => [o.id, { x: i * 10.5, y: -i }]));
    const sizes = Object.fromEntries(bundle.organisations.map((o, i) => [o.id, i + 1]));
    const text = writeGexf(bundle, { positions, sizes, colours: { [bundle.organisations[0]!.id]: '#123' } });
    // The official viz.xsd has no targetNamespace, so the XSD rejects every viz:* element, Gephi's
    // own output included (gephi/gexf#19). Everything else must be valid: the file is checked once
    // whole, where viz elements may be the only complaint, and once without them, where none may be.
    const whole = xmllint(text).filter((l) => !/fails to validate/.test(l));
    expect(whole.filter((l) => !VIZ_NOT_EXPECTED.test(l))).toEqual([]);
    expect(whole.length).toBeGreaterThan(0);
    const withoutViz = text.replace(/<viz:[a-z]+ [^>]*\/>/g, '');
    expect(withoutViz).not.toContain('<viz:');
    expect(xmllint(withoutViz)).toEqual([]);
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
      attributes: JSON.stringify(org.attributes),
      createdAt: org.createdAt,
      color: expect.stringMatching(/^(#|rgb)/),
    });
    const rel = bundle.relations[0];
    if (rel) expect(g.getEdgeAttributes(rel.id)).toMatchObject({ atlas_type: 'relation', type: rel.type });
    if (rel) expect(g.isDirected(rel.id)).toBe(true);
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
    if (rel) expect(g.isDirected(rel.id)).toBe(true);
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
  const fixture = NETWORKS.fixture!;

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
    expect(xmllint(text.replace(/<viz:[a-z]+ [^>]*\/>/g, ''))).toEqual([]);
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
  const HOSTILE = `<&>"' \u0001\u0008\u000b\u001f tab\there\r\nnew 😀 \uFFFE\uD800 end`;
  // XML 1.0 cannot hold C0 controls other than tab, LF and CR, nor U+FFFE or a lone surrogate, and
  // they cannot be escaped: text fields lose them. JSON-encoded fields escape them and keep them.
  const XML_SAFE = `<&>"'  tab\there\r\nnew 😀  end`;
  const TAGS = ['a, b', '"quoted"', "it's", '[x]', 'back\\slash', 'semi;colon|pipe'];

  function hostile(text: string, json = text): Bundle {
    const base = NETWORKS.fixture!;
    const [first, ...rest] = base.organisations;
    const org = { ...first!, name: text, description: text, tags: TAGS, attributes: { note: json, list: [json, 1, true, null] } };
    return { ...base, organisations: [org, ...rest] };
  }

  it.each(['GEXF', 'GraphML'])('%s keeps markup, quotes, whitespace and emoji, and drops what XML cannot hold', (format) => {
    expectSameRecords(roundTrip(hostile(HOSTILE), format), hostile(XML_SAFE, HOSTILE));
  });

  it('Cytoscape JSON keeps every character', () => {
    expectSameRecords(roundTrip(hostile(HOSTILE), 'Cytoscape JSON'), hostile(HOSTILE));
  });

  it('graphology reads the hostile GEXF list and name as written', () => {
    const g = gexf.parse(MultiGraph, writeGexf(hostile(HOSTILE)));
    const id = NETWORKS.fixture!.organisations[0]!.id;
    expect(g.getNodeAttribute(id, 'tags')).toEqual(TAGS);
    expect(g.getNodeAttribute(id, 'name')).toBe(XML_SAFE);
  });

  it('writes XML that xmllint reads without complaint', () => {
    expect(xmllint(writeGexf(hostile(HOSTILE)).replace(/<viz:[a-z]+ [^>]*\/>/g, ''))).toEqual([]);
  });
});

describe('graphToBundle on graphs that are not Atlas exports', () => {
  const parsed = (text: string) => parseCyjs(text);

  it('returns null when a node has no atlas_type', () => {
    expect(graphToBundle(parsed('[{"data":{"id":"a","atlas_type":"organisation"}},{"data":{"id":"b"}}]'))).toBeNull();
    expect(graphToBundle(parsed('[]'))).toBeNull();
  });

  it('refuses an Atlas graph that was edited into something it cannot hold', () => {
    const org = JSON.parse(writeCyjs(NETWORKS.fixture!)).elements.nodes[0].data;
    const one = (extra: object, edges: object[] = []) => JSON.stringify({ nodes: [{ data: { ...org, ...extra } }], edges });
    expect(() => graphToBundle(parsed(one({ atlas_type: 'planet' })))).toThrow(/unknown atlas_type "planet"/);
    expect(() => graphToBundle(parsed(one({ synthetic: 'perhaps' })))).toThrow(/field "synthetic" is not true or false/);
    expect(() => graphToBundle(parsed(one({ sector: null })))).toThrow(/field "sector" is missing/);
    expect(() => graphToBundle(parsed(one({ tags: '[oops' })))).toThrow(new RegExp(`node "${org.id}": field "tags" is not valid JSON`));
    expect(() => graphToBundle(parsed(one({}, [{ data: { source: org.id, target: org.id } }])))).toThrow(/no known atlas_type/);
  });
});
