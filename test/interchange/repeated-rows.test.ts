// A folder of this app's CSV files in which one record appears twice (an event's row pasted again)
// is refused, naming the file, the line and the line it repeats, into an empty database and into a
// network alike, and nothing is written.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useEngines } from './helpers';

const { dir, open } = useEngines();

async function folderWithRepeatedEvent(): Promise<{ folder: string; line: number }> {
  const source = open('source');
  source.seed();
  const folder = `${dir()}/export`;
  await source.call('export.run', { format: 'csv', path: folder });
  const events = `${folder}/events.csv`;
  const lines = readFileSync(events, 'utf8').split('\r\n');
  const last = lines.findLastIndex((l) => l.trim() !== '');
  lines.splice(last + 1, 0, lines[1]!);
  writeFileSync(events, lines.join('\r\n'));
  return { folder, line: last + 2 };
}

describe('a repeated row in a folder of Atlas CSV files', () => {
  for (const into of ['an empty database', 'a network'] as const) {
    it(`is refused with its line, into ${into}`, async () => {
      const { folder, line } = await folderWithRepeatedEvent();
      const target = open('target');
      if (into === 'a network') target.seed();
      const before = target.call('stats.get', {});
      const message = new RegExp(
        `^export was refused: events\\.csv: id: \\S+ is already the ID of the record on line 2; a file holds each record once \\(line ${line}, column 1\\)`,
      );
      await expect(target.call('import.preview', { path: folder })).rejects.toMatchObject({ code: 'validation', message });
      await expect(target.call('import.run', { path: folder })).rejects.toMatchObject({ code: 'validation', message });
      expect(target.call('stats.get', {})).toEqual(before);
    });
  }
});
