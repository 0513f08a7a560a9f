// This app's own CSV files are recognised by their header, not their name: a spreadsheet someone
// saved as organisations.csv (Excel's "CSV UTF-8": a byte-order mark, semicolons, CRLF) is their
// node list, and imports as one.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEngines } from './helpers';

const FOLDER = resolve(__dirname, '../fixtures/csv/named-like-ours');

describe('a foreign CSV named like one of ours', () => {
  const engines = useEngines();

  it('imports alone as a node list', async () => {
    const e = engines.open('single');
    const done = await e.call('import.run', { path: resolve(FOLDER, 'organisations.csv') });
    expect(done.organisations).toEqual({ create: 3, merge: 0, skip: 0 });
    const orgs = e.call('organisation.list', { limit: 10 }).items;
    expect(orgs.map((o) => [o.name, o.country]).sort()).toEqual([
      ['CERT.br', 'BR'],
      ['Fundación Karisma', 'CO'],
      ['المرصد العربي للحقوق الرقمية', 'JO'],
    ]);
  });

  it('imports with its edge list from a folder, as nodes and edges', async () => {
    const e = engines.open('folder');
    const done = await e.call('import.run', { path: FOLDER });
    expect(done.organisations.create).toBe(3);
    expect(done.relations.create).toBe(2);
  });
});
