// Input nested 100,000 deep (a Cytoscape JSON file, an Atlas CSV cell, a GraphML attribute this
// app would read as JSON) is refused as invalid input with a message, never a stack overflow.
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useEngines } from './helpers';

const { dir, open } = useEngines();
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('deep nesting', () => {
  it('a Cytoscape JSON file nested 100,000 deep is refused with where', async () => {
    const engine = open('target');
    engine.seed();
    const path = `${dir()}/deep.cyjs`;
    writeFileSync(path, `{"elements":{"nodes":[{"data":{"id":"n1","name":"Alpha","nest":${deep(100_000)}}}],"edges":[]}}`);
    await expect(engine.call('import.preview', { path })).rejects.toMatchObject({
      code: 'validation',
      message: /^deep\.cyjs was refused: nested deeper than 64 levels; Cytoscape JSON nests a few \(line 1, column \d+\)/,
    });
    writeFileSync(`${dir()}/whole.json`, deep(100_000));
    await expect(engine.call('import.preview', { path: `${dir()}/whole.json`, format: 'cyjs' })).rejects.toMatchObject({
      code: 'validation',
      message: /nested deeper than 64 levels/,
    });
    // Nesting a few levels is kept, as JSON text in its attribute.
    writeFileSync(path, `{"elements":{"nodes":[{"data":{"id":"n1","name":"Alpha","nest":${deep(20)}}}],"edges":[]}}`);
    expect((await engine.call('import.preview', { path })).organisations.create).toBe(1);
    expect(engine.call('stats.get', {}).organisations).toBe(7);
  });

  it('an Atlas CSV cell nested 100,000 deep is refused naming its field', async () => {
    const engine = open('target');
    const folder = `${dir()}/atlas-csv`;
    mkdirSync(folder);
    writeFileSync(
      `${folder}/organisations.csv`,
      `id,name,acronym,sector,country,city,website,description,tags,attributes,synthetic,created_at,updated_at\n` +
        `0190a0b0-0000-7000-8000-000000000001,Alpha,,other,,,,,"${deep(100_000)}",{},false,2024-01-01T00:00:00.000Z,2024-01-01T00:00:00.000Z\n`,
    );
    const summary = await engine.call('import.preview', { path: folder }).catch((e: Error) => e);
    const text = JSON.stringify(summary instanceof Error ? summary.message : summary.errors);
    expect(text).toMatch(/tags/);
    expect(text).not.toMatch(/call stack/i);
  });
});
