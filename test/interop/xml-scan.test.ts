// Our XML scanner against saxes on every XML file of the datasets (../shared/datasets): the same
// events, and an error wherever saxes finds one. test/interchange/xml-scan.test.ts does the same on our fixtures.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ours, theirs, xmlFiles } from '../interchange/saxes-agreement';
import { DATASETS } from './datasets';

describe('XmlScanner agrees with saxes on the datasets', () => {
  for (const file of xmlFiles(DATASETS)) {
    it(relative(DATASETS, file), () => {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const a = ours(text);
      const b = theirs(text);
      expect(a.error).toBe(b.error);
      if (!a.error) expect(a.events).toEqual(b.events);
    });
  }
});
