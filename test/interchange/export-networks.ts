// The networks the export tests write (the hand-worked fixture and the seed, as the graph parts of
// a Bundle) and the hostile text that must survive them; shared with the interoperability suite's
// XSD checks.
import { join } from 'node:path';
import type { Engine } from '../../electron/engine/engine';
import { emptyBundle, type Bundle } from '../../electron/engine/interchange/model/bundle';
import { buildFixture, openEngine, tempDir } from '../engine/helpers';

export const LISTS = {
  organisations: 'organisation.list',
  partnerships: 'partnership.list',
  memberships: 'membership.list',
  events: 'event.list',
  participations: 'participation.list',
  relations: 'relation.list',
} as const;

export function bundleOf(engine: Engine): Bundle {
  const bundle = emptyBundle();
  for (const [part, call] of Object.entries(LISTS) as [keyof typeof LISTS, (typeof LISTS)[keyof typeof LISTS]][]) {
    (bundle[part] as unknown[]) = engine.call(call, { limit: 10000 }).items;
  }
  return bundle;
}

export function withEngine<T>(fill: (engine: Engine) => void, use: (engine: Engine) => T): T {
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

export function exportNetworks(): Record<'fixture' | 'seed', Bundle> {
  return { fixture: withEngine(buildFixture, bundleOf), seed: withEngine((e) => e.seed(), bundleOf) };
}

export const HOSTILE = `<&>"' \u0001\u0008\u000b\u001f tab\there\r\nnew 😀 \uFFFE\uD800 end`;
// XML 1.0 cannot hold C0 controls other than tab, LF and CR, nor U+FFFE or a lone surrogate, and
// they cannot be escaped: text fields lose them. JSON-encoded fields escape them and keep them.
export const XML_SAFE = `<&>"'  tab\there\r\nnew 😀  end`;
export const TAGS = ['a, b', '"quoted"', "it's", '[x]', 'back\\slash', 'semi;colon|pipe'];

/**
 * The network with its first organisation's name, description, tags and attributes made hostile.
 * A list attribute is a list of text in every export (GEXF's liststring), so it is written text.
 */
export function hostile(base: Bundle, text: string, json = text): Bundle {
  const [first, ...rest] = base.organisations;
  const org = { ...first!, name: text, description: text, tags: TAGS, attributes: { note: json, list: [json, '1', 'true'] } };
  return { ...base, organisations: [org, ...rest] };
}

/** Exported GEXF without its viz elements, which the official XSD rejects (see test/interop/gexf-xsd.test.ts). */
export const withoutViz = (gexf: string): string => gexf.replace(/<viz:[a-z]+ [^>]*\/>/g, '');
