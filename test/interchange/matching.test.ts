// Matching on import: names in every script keep their own keys, nodes of one file are never
// merged into one another, and an acronym is a match reason of its own. Files written here by
// hand as Gephi 0.10 writes them (test/fixtures/gexf/).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../electron/engine/interchange/import/matching';
import { useEngines } from './helpers';

const FIXTURES = resolve(__dirname, '../fixtures/gexf');
const SCRIPTS = resolve(FIXTURES, 'names-in-every-script.gexf');
const SAME_NAMES = resolve(FIXTURES, 'same-names-in-one-file.gexf');

describe('name keys', () => {
  it('are never empty, and keep names in other scripts apart', () => {
    const names = [
      'المنظمة العربية لحقوق الإنسان',
      'مركز القاهرة لدراسات حقوق الإنسان',
      '中国互联网络信息中心',
      '中国网络空间安全协会',
      '情報処理推進機構',
    ];
    const keys = names.map((n) => nameKey(n, 'EG'));
    expect(keys.every((k) => k !== null && k.length > 3)).toBe(true);
    expect(new Set(keys).size).toBe(names.length);
    expect(nameKey('Лаборатория Касперского', 'RU')).toBe(nameKey('ЛАБОРАТОРИЯ  касперского', 'RU'));
    expect(nameKey('Agence nationale de la sécurité', 'FR')).toBe(nameKey('AGENCE NATIONALE DE LA SECURITE', 'FR'));
    expect(nameKey('—', 'FR')).toBeNull();
    expect(nameKey('  ', null)).toBeNull();
  });
});

describe('importing names in every script', () => {
  const engines = useEngines();

  it('creates every organisation, and matches each to itself, not to its neighbours, when the file comes again', async () => {
    const e = engines.open('scripts');
    const first = await e.call('import.run', { path: SCRIPTS });
    expect(first.organisations).toEqual({ create: 18, merge: 0, skip: 0 });
    const names = e.call('organisation.list', { limit: 100 }).items.map((o) => o.name);
    expect(names).toContain('情報処理推進機構');
    expect(names).toContain('Εθνική Αρχή Κυβερνοασφάλειας');
    expect(new Set(names).size).toBe(18);

    const again = await e.call('import.preview', { path: SCRIPTS });
    expect(again.organisations).toEqual({ create: 0, merge: 18, skip: 0 });
    expect(again.duplicates.every((d) => d.matchedBy === 'name')).toBe(true);
    // Each merges into the organisation of its own name.
    const byId = new Map(e.call('organisation.list', { limit: 100 }).items.map((o) => [o.id, o.name]));
    expect(again.duplicates.map((d) => byId.get(d.existingId))).toEqual(again.duplicates.map((d) => d.name));
  });
});

describe('nodes of one file that share a name', () => {
  const engines = useEngines();

  it('stay distinct, keep their edges, and are named in a warning', async () => {
    const e = engines.open('same');
    const preview = await e.call('import.preview', { path: SAME_NAMES });
    expect(preview.organisations).toEqual({ create: 6, merge: 0, skip: 0 });
    expect(preview.duplicates).toEqual([]);
    const warning = preview.warnings.find((w) => w.message.includes('"Municipal"'));
    expect(warning?.message).toMatch(
      /^3 nodes of this file are named "Municipal" in US \(lines \d+, \d+, \d+\), with different IDs: they may be one organisation, and are kept apart$/,
    );

    const done = await e.call('import.run', { path: SAME_NAMES, onDuplicate: 'skip' });
    expect(done.organisations).toEqual({ create: 6, merge: 0, skip: 0 });
    const orgs = e.call('organisation.list', { limit: 100 }).items;
    expect(orgs.filter((o) => o.name === 'Municipal')).toHaveLength(3);
    expect(orgs.filter((o) => o.name.startsWith('x.org'))).toHaveLength(2);
    // No edge was rewired onto one "Municipal" or dropped as a self-loop.
    expect(e.call('relation.list', { limit: 100 }).items).toHaveLength(5);
  });

  it('are listed with their lines, and merged into one each when the person chooses to', async () => {
    const e = engines.open('merge');
    const preview = await e.call('import.preview', { path: SAME_NAMES });
    expect(preview.inFileDuplicateCount).toBe(preview.inFileDuplicates.length);
    const municipal = preview.inFileDuplicates.find((d) => d.name === 'Municipal');
    expect(municipal).toMatchObject({ country: 'US', count: 3 });
    expect(municipal!.lines).toHaveLength(3);

    const merging = await e.call('import.preview', { path: SAME_NAMES, inFileDuplicates: 'merge' });
    const done = await e.call('import.run', { path: SAME_NAMES, inFileDuplicates: 'merge' });
    expect(done.organisations).toEqual(merging.organisations);
    const orgs = e.call('organisation.list', { limit: 100 }).items;
    expect(orgs.filter((o) => o.name === 'Municipal')).toHaveLength(1);
    expect(done.landed!.organisations).toBe(orgs.length);
    expect(merging.warnings.find((w) => w.message.includes('"Municipal"'))?.message).toMatch(/they are merged into one organisation$/);
    // Edges between merged nodes are self-loops now, and left out with a warning.
    expect(e.call('relation.list', { limit: 100 }).items.length).toBe(done.landed!.relations);
  });

  it('match the network already there, each on its own', async () => {
    const e = engines.open('again');
    await e.call('import.run', { path: SAME_NAMES });
    const again = await e.call('import.preview', { path: SAME_NAMES });
    expect(again.organisations.create + again.organisations.merge).toBe(6);
    const done = await e.call('import.run', { path: SAME_NAMES });
    expect(done.organisations).toEqual(again.organisations);
  });
});

describe('acronyms', () => {
  const engines = useEngines();

  it('a node named by an organisation’s acronym matches it, and says so', async () => {
    const e = engines.open('acronym');
    const unodc = e.call('organisation.create', {
      name: 'United Nations Office on Drugs and Crime',
      acronym: 'UNODC',
      sector: 'intergovernmental',
    });
    const { writeFileSync } = await import('node:fs');
    const file = resolve(engines.dir(), 'acronym.csv');
    writeFileSync(file, 'name,sector\nUNODC,intergovernmental\nInterpol,intergovernmental\n');
    const preview = await e.call('import.preview', { path: file });
    expect(preview.duplicates).toEqual([{ name: 'UNODC', existingId: unodc.id, matchedBy: 'acronym', action: 'merge' }]);
    expect(preview.organisations).toEqual({ create: 1, merge: 1, skip: 0 });
    const done = await e.call('import.run', { path: file });
    expect(done.organisations).toEqual(preview.organisations);
    expect(
      e
        .call('organisation.list', { limit: 10 })
        .items.map((o) => o.name)
        .sort(),
    ).toEqual(['Interpol', 'United Nations Office on Drugs and Crime']);
  });

  it('two nodes of one file never merge into the same organisation: the second is its own', async () => {
    const e = engines.open('twice');
    e.call('organisation.create', { name: 'United Nations Office on Drugs and Crime', acronym: 'UNODC', sector: 'intergovernmental' });
    const { writeFileSync } = await import('node:fs');
    const file = resolve(engines.dir(), 'twice.csv');
    writeFileSync(file, 'name,sector\nUNODC,intergovernmental\nunodc,intergovernmental\n');
    const done = await e.call('import.run', { path: file });
    expect(done.organisations).toEqual({ create: 1, merge: 1, skip: 0 });
  });
});
