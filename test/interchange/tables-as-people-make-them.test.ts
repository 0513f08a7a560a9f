// Tables as people make them (test/fixtures/csv/tables-as-people-make-them/): a directory whose
// columns are ngo_id and english_name, a node list keyed by SPRVD_id with its edge list, a central
// bank's export with lines before its header, a members' list with IDs typed twice, countries and
// sectors as people write them. Each goes through the engine's preview and run, as the window and
// the CLI call them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvGraphFile } from '../../electron/engine/interchange/formats/csv/node-edge-lists';
import { sectorOf } from '../../electron/engine/interchange/import/values';
import { useEngines } from './helpers';

const DIR = resolve(__dirname, '../fixtures/csv/tables-as-people-make-them');
const at = (name: string) => resolve(DIR, name);
const orgs = (e: ReturnType<ReturnType<typeof useEngines>['open']>) => e.call('organisation.list', { limit: 1000 }).items;

describe('any node list reaches the mapping, its columns mapped by what they are called', () => {
  const engines = useEngines();

  it('an ngo_id / english_name directory in Excel’s CSV is a node list, its pays and type of actor mapped', async () => {
    const e = engines.open('ngo');
    const preview = await e.call('import.preview', { path: at('ngo-directory.csv') });
    expect(preview.columns?.mapping.nodes).toEqual({ id: 'ngo_id', name: 'english_name', country: 'pays', sector: 'type of actor' });
    expect(preview.organisations).toEqual({ create: 8, merge: 0, skip: 0 });
    // The sector column's values with the sectors they would become.
    expect(Object.fromEntries(preview.sectorValues.map((v) => [v.value, [v.sector, v.how]]))).toEqual({
      'NGO-CSO': ['civil_society', 'guessed'],
      'Think tank': ['academia', 'guessed'],
      'Universities and secondary schools': ['academia', 'guessed'],
      Companies: ['private_sector', 'guessed'],
      'Government agencies': ['government', 'guessed'],
    });
    // The countries are written in French: listed, for the person to map.
    expect(new Set(preview.countryValues.map((v) => v.value))).toEqual(new Set(['Égypte', 'Jordanie', 'Liban', 'Maroc', 'Tunisie']));

    const values = {
      sectors: { 'Think tank': 'civil_society' as const },
      countries: { Égypte: 'EG', Jordanie: 'JO', Liban: 'LB', Maroc: 'MA', Tunisie: 'TN' },
    };
    const mapped = await e.call('import.preview', { path: at('ngo-directory.csv'), values });
    expect(mapped.countryValues.every((v) => v.how === 'chosen')).toBe(true);
    expect(mapped.sectorValues.find((v) => v.value === 'Think tank')).toMatchObject({ sector: 'civil_society', how: 'chosen' });
    expect(mapped.warnings.filter((w) => /Unknown country/.test(w.message))).toEqual([]);
    await e.call('import.run', { path: at('ngo-directory.csv'), values });
    const byName = new Map(orgs(e).map((o) => [o.name, o]));
    expect(byName.get('Cairo Institute for Human Rights Studies')).toMatchObject({ country: 'EG', sector: 'civil_society' });
    expect(byName.get('Arab Digital Rights Observatory')).toMatchObject({ country: 'JO', sector: 'civil_society' });
    expect(byName.get('Maroc Telecom')).toMatchObject({ country: 'MA', sector: 'private_sector' });
    expect(byName.get('American University of Beirut')).toMatchObject({ country: 'LB', sector: 'academia' });
    // The sector as the file wrote it stays beside the guess; the Arabic name is kept as an attribute.
    expect(byName.get('SMEX')!.attributes).toMatchObject({ 'sector (as written)': 'NGO-CSO', الاسم: 'سمكس', 'id in file': 'LB-001' });
  });

  it('a folder whose edge list names its ends by the node list’s SPRVD_id keeps every edge, country and sector', async () => {
    const e = engines.open('supervisors');
    const preview = await e.call('import.preview', { path: at('supervisors') });
    expect(preview.file).toBe('authorities.csv + cooperation.csv');
    expect(preview.columns?.mapping).toEqual({
      nodes: { id: 'SPRVD_id', name: 'Name', country: 'país', sector: 'Sector' },
      edges: { source: 'from_id', target: 'to_id', refersTo: 'SPRVD_id' },
    });
    const done = await e.call('import.run', { path: at('supervisors') });
    expect(done.relations.create).toBe(7);
    expect(done.landed).toMatchObject({ organisations: 8, relations: 7 });
    const all = orgs(e);
    expect(all.filter((o) => o.country === null)).toEqual([]);
    expect(new Set(all.map((o) => o.country))).toEqual(new Set(['CL', 'CO', 'MX', 'PE']));
    expect(all.filter((o) => o.sector === 'government')).toHaveLength(7);
  });

  it('edge ends that name nodes by their name, beside an ID column, are read as names', async () => {
    const e = engines.open('by-name');
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const folder = resolve(engines.dir(), 'by-name');
    mkdirSync(folder);
    writeFileSync(resolve(folder, 'a.csv'), 'code,label\nK1,Kestrel Lab\nK2,Osprey Team\nK3,Heron Unit\n');
    writeFileSync(resolve(folder, 'b.csv'), 'source,target\nKestrel Lab,Osprey Team\nOsprey Team,Heron Unit\n');
    const preview = await e.call('import.preview', { path: folder });
    expect(preview.columns?.mapping.edges?.refersTo).toBe('label');
    expect(preview.relations.create).toBe(2);
    // The person may say otherwise: read as codes, the ends name no node.
    const asCodes = await e.call('import.preview', {
      path: folder,
      mapping: { ...preview.columns!.mapping, edges: { source: 'source', target: 'target', refersTo: 'code' } },
    });
    expect(asCodes.relations.create).toBe(0);
  });

  it('a single column of names under a header saying so is a node list', () => {
    const read = readCsvGraphFile({ name: 'names.csv', text: 'Nom\nCERT-FR\nCERT Santé\n' });
    expect(read.graph.nodes.map((n) => n.label)).toEqual(['CERT-FR', 'CERT Santé']);
    expect(read.edges).toBeNull();
  });

  it('x and y columns are the nodes’ positions, kept as a saved layout', async () => {
    const e = engines.open('xy');
    const done = await e.call('import.run', { path: at('node-positions.csv') });
    expect(done.layout).toBe(true);
    expect(done.layoutView).not.toBeNull();
    const view = e.call('savedView.get', { id: done.layoutView!.id });
    expect(Object.values(view.positions).sort((a, b) => a.x - b.x)).toEqual([
      { x: -120.5, y: 44.25 },
      { x: 10.75, y: 130 },
      { x: 80, y: -15.5 },
    ]);
    expect(orgs(e).every((o) => !('x' in o.attributes) && !('y' in o.attributes))).toBe(true);
  });
});

describe('a few bad rows do not sink a file', () => {
  const engines = useEngines();

  it('lists repeated IDs and a too-long name with their lines, once each, and imports the rest when asked to skip them', async () => {
    const e = engines.open('repeats');
    const path = at('members-with-repeats.csv');
    const preview = await e.call('import.preview', { path });
    expect(preview.badRowsSkippable).toBe(true);
    expect(preview.errors.map((x) => [x.line, x.message])).toEqual([
      [8, 'members-with-repeats.csv: node "M03" is listed again (first on line 4)'],
      [10, "node 'M08': name: At most 300 characters"],
      [13, 'members-with-repeats.csv: node "M06" is listed again (first on line 7)'],
    ]);
    expect(preview.warnings.filter((w) => /300/.test(w.message))).toEqual([]);
    await expect(e.call('import.run', { path })).rejects.toThrow(/3 error\(s\), so nothing was imported.*Skip those rows/);
    expect(orgs(e)).toEqual([]);

    const skipping = await e.call('import.preview', { path, skipBadRows: true });
    expect(skipping.errorCount).toBe(0);
    expect(skipping.skippedRows).toBe(3);
    expect(skipping.organisations.create).toBe(11);
    const done = await e.call('import.run', { path, skipBadRows: true });
    expect(done.organisations).toEqual(skipping.organisations);
    expect(orgs(e).map((o) => o.name)).toContain('Национальный координационный центр по компьютерным инцидентам');
    expect(orgs(e)).toHaveLength(11);
  });

  it('a file where most rows fail is broken as a whole and cannot be skipped through', async () => {
    const e = engines.open('broken');
    const { writeFileSync } = await import('node:fs');
    const file = resolve(engines.dir(), 'broken.csv');
    writeFileSync(file, 'id,name\nA,One\nA,Two\nA,Three\nA,Four\n');
    const preview = await e.call('import.preview', { path: file, skipBadRows: true });
    expect(preview.badRowsSkippable).toBe(false);
    expect(preview.errorCount).toBe(3);
    await expect(e.call('import.run', { path: file, skipBadRows: true })).rejects.toThrow(/nothing was imported/);
  });
});

describe('the preview’s numbers are the run’s', () => {
  const engines = useEngines();

  it('a re-import of more organisations than the list shows counts them all, and the run reports the same', async () => {
    const e = engines.open('recount');
    const { writeFileSync } = await import('node:fs');
    const file = resolve(engines.dir(), 'many.csv');
    const rows = Array.from({ length: 617 }, (_, i) => `Organisation ${i + 1},government`);
    writeFileSync(file, ['name,sector', ...rows].join('\n'));
    await e.call('import.run', { path: file });
    const preview = await e.call('import.preview', { path: file });
    expect(preview.organisations).toEqual({ create: 0, merge: 617, skip: 0 });
    expect(preview.duplicateCount).toBe(617);
    expect(preview.duplicates).toHaveLength(200);
    const done = await e.call('import.run', { path: file });
    expect(done.organisations).toEqual(preview.organisations);
    expect(done.records).toEqual(preview.records);
    expect(done.duplicateCount).toBe(617);
    expect(done.landed?.organisations).toBe(617);
  });
});

describe('lines before the header', () => {
  const engines = useEngines();

  it('a central bank’s three lines of metadata are detected and skipped, with the lines counted as the file has them', async () => {
    const e = engines.open('preamble');
    const preview = await e.call('import.preview', { path: at('central-bank-export.csv') });
    expect(preview.skippedLines).toBe(3);
    expect(preview.columns?.mapping.edges).toMatchObject({ source: 'origen', target: 'destino' });
    expect(preview.relations.create).toBe(4);
    const read = readCsvGraphFile({ name: 'x.csv', text: readFileSync(at('central-bank-export.csv'), 'utf8') });
    expect(read.graph.edges.at(0)).toMatchObject({ source: 'Banco Nación', target: 'Banco Galicia', line: 5 });
  });

  it('or skipped by a count the person gives', async () => {
    const e = engines.open('preamble-count');
    const { writeFileSync } = await import('node:fs');
    const file = resolve(engines.dir(), 'export.csv');
    // A two-cell preamble line that looks like a header of its own.
    writeFileSync(file, 'Exported by,Registry v2\nname,country,sector\nCERT-GH,Ghana,government\nngCERT,Nigeria,government\n');
    const skipped = await e.call('import.preview', { path: file, skipLines: 1 });
    expect(skipped.skippedLines).toBe(1);
    expect(skipped.columns?.mapping.nodes).toMatchObject({ name: 'name', country: 'country' });
    expect(skipped.organisations.create).toBe(2);
  });
});

describe('countries and sectors as people write them', () => {
  const engines = useEngines();

  it('NA, n/a and - are no country; an unknown name is listed to map; NA is Namibia in a column of ISO codes', async () => {
    const e = engines.open('countries');
    const preview = await e.call('import.preview', { path: at('countries-as-written.csv') });
    expect(preview.unknownCountries).toEqual([{ value: 'Freedonia', count: 1 }]);
    expect(preview.countryValues.map((v) => v.value).sort()).toEqual(['-', 'Freedonia', 'NA', 'n/a']);
    await e.call('import.run', { path: at('countries-as-written.csv'), values: { countries: { Freedonia: 'GH' } } });
    const byName = new Map(orgs(e).map((o) => [o.name, o]));
    expect(byName.get('Namibia University of Science and Technology')!.country).toBeNull();
    expect(byName.get('Hacker Collective of Nowhere')!.country).toBeNull();
    expect(byName.get('Digital Rights Watch')!.attributes).not.toHaveProperty('country (as written)');
    expect(byName.get('Centre Ivoirien de Réponse aux Incidents')!.country).toBe('CI');
    expect(byName.get('Freedonia Cyber Agency')!.country).toBe('GH');

    const iso = engines.open('iso');
    await iso.call('import.run', { path: at('iso-codes.csv') });
    expect(
      orgs(iso)
        .map((o) => o.country)
        .sort(),
    ).toEqual(['KE', 'MU', 'NA', 'ZA']);
  });

  it('sector words are guessed in the order that keeps them apart', () => {
    expect(sectorOf('Intergovernmental organisations').sector).toBe('intergovernmental');
    expect(sectorOf('Non-governmental organisation').sector).toBe('civil_society');
    expect(sectorOf('Ministry of the Interior').sector).toBe('government');
    expect(sectorOf('Private companies')).toEqual({ sector: 'private_sector', how: 'guessed' });
    expect(sectorOf('civil_society')).toEqual({ sector: 'civil_society', how: 'exact' });
    expect(sectorOf('Faith groups')).toEqual({ sector: 'other', how: 'none' });
  });
});

describe('messages', () => {
  const engines = useEngines();

  it('a header-only CSV is reported as empty, not imported', async () => {
    const e = engines.open('empty');
    await expect(e.call('import.preview', { path: at('header-only.csv') })).rejects.toThrow(
      /header-only\.csv has a header \(name, country, sector\) but no rows: there is nothing to import/,
    );
  });

  it('a file of unknown format is told what to do without a CLI flag', async () => {
    const e = engines.open('unknown');
    const { writeFileSync } = await import('node:fs');
    const file = resolve(engines.dir(), 'notes');
    writeFileSync(file, 'hello world\n');
    await expect(e.call('import.preview', { path: file })).rejects.toThrow(/give it one of the endings/);
    await expect(e.call('import.preview', { path: file })).rejects.not.toThrow(/pass/);
  });
});
