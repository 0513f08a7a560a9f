// Reads the shipped ISO 3166-1 / UN M49 reference table (resources/countries.csv).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Country } from '../../../shared/schemas';

/** RFC 4180 fields of one line; the reference file has no line breaks inside fields. */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

export function loadCountries(resourcesDir: string): Country[] {
  const text = readFileSync(join(resourcesDir, 'countries.csv'), 'utf8');
  const [header, ...rows] = text.split(/\r?\n/).filter((l) => l.length > 0);
  const expected = 'code,alpha3,numeric,name,region,sub_region,intermediate_region';
  if (header !== expected) throw new Error(`resources/countries.csv: expected header "${expected}"`);
  return rows.map((line, i) => {
    const f = splitCsvLine(line);
    if (f.length !== 7) throw new Error(`resources/countries.csv line ${i + 2}: expected 7 fields`);
    const [code, alpha3, numeric, name, region, subRegion, intermediateRegion] = f as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    return {
      code,
      alpha3,
      numeric,
      name,
      region: region || null,
      subRegion: subRegion || null,
      intermediateRegion: intermediateRegion || null,
    };
  });
}
