// Cells that hold lists, as pandas, Excel users and other tools write them, become clean tags.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listItems } from '../../electron/engine/interchange/import/list-cells';
import { useEngines } from './helpers';

describe('listItems', () => {
  it('reads JSON arrays, Python lists and separated items alike', () => {
    for (const cell of ['["a", "b"]', "['a', 'b']", '[a, b]', 'a; b', 'a | b', 'a,b', ' "a" ; \'b\' ']) {
      expect(listItems(cell), cell).toEqual(['a', 'b']);
    }
    expect(listItems(['a', ' b '])).toEqual(['a', 'b']);
    expect(listItems('[]')).toEqual([]);
    expect(listItems('')).toEqual([]);
    expect(listItems(null)).toEqual([]);
    expect(listItems('["x;y"]')).toEqual(['x;y']);
  });
});

describe('list-like cells', () => {
  const engines = useEngines();

  it('become tags, without brackets or quotes, however the list was written', async () => {
    const e = engines.open('tags');
    const done = await e.call('import.run', { path: resolve(__dirname, '../fixtures/csv/tags-as-lists.csv') });
    expect(done.organisations.create).toBe(7);
    const tags = Object.fromEntries(e.call('organisation.list', { limit: 10 }).items.map((o) => [o.name, o.tags]));
    for (const name of [
      'Centre for Internet and Society',
      'Derechos Digitales',
      'Access Now',
      'Red en Defensa de los Derechos Digitales',
      'Observatoire des libertés et du numérique',
    ]) {
      expect(tags[name], name).toEqual(['governance', 'international']);
    }
    expect(tags['Мониторинг цифровых прав']).toEqual(['governance']);
    expect(tags['Digital Rights Watch']).toEqual([]);
  });
});
