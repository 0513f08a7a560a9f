// Exported GEXF against the official GEXF 1.3 XSD (gephi/gexf's, in ../shared/datasets), with xmllint.
// test/interchange/exporters.test.ts checks the same exports with readers that are not ours.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyBundle } from '../../electron/engine/interchange/model/bundle';
import { writeGexf } from '../../electron/engine/interchange/formats/gexf/write';
import { tempDir } from '../engine/helpers';
import { exportNetworks, HOSTILE, hostile, withoutViz } from '../interchange/export-networks';
import { DATASETS } from './datasets';

const GEXF_XSD = join(DATASETS, 'gexf/gephi-gexf-spec/xsd-1.3/gexf.xsd');
const NETWORKS = exportNetworks();

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

describe.each(Object.entries(NETWORKS))('GEXF export of the %s network', (_name, bundle) => {
  it('is accepted by the official 1.3 XSD, apart from its viz namespace bug', () => {
    const positions = Object.fromEntries(bundle.organisations.map((o, i) => [o.id, { x: i * 10.5, y: -i }]));
    const sizes = Object.fromEntries(bundle.organisations.map((o, i) => [o.id, i + 1]));
    const text = writeGexf(bundle, { positions, sizes, colours: { [bundle.organisations[0]!.id]: '#123' } });
    // The official viz.xsd has no targetNamespace, so the XSD rejects every viz:* element, Gephi's
    // own output included (gephi/gexf#19). Everything else must be valid: the file is checked once
    // whole, where viz elements may be the only complaint, and once without them, where none may be.
    const whole = xmllint(text).filter((l) => !/fails to validate/.test(l));
    expect(whole.filter((l) => !VIZ_NOT_EXPECTED.test(l))).toEqual([]);
    expect(whole.length).toBeGreaterThan(0);
    const stripped = withoutViz(text);
    expect(stripped).not.toContain('<viz:');
    expect(xmllint(stripped)).toEqual([]);
  });
});

describe('GEXF exports the XSD accepts', () => {
  it('a static graph, when no record has a date', () => {
    const text = writeGexf({ ...emptyBundle(), organisations: NETWORKS.fixture.organisations });
    expect(text).toContain('mode="static"');
    expect(xmllint(withoutViz(text))).toEqual([]);
  });

  it('hostile text', () => {
    expect(xmllint(withoutViz(writeGexf(hostile(NETWORKS.fixture, HOSTILE))))).toEqual([]);
  });
});
