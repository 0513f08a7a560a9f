// Failing inputs kept by the long fuzz run (npm run fuzz), one folder each under test/fuzz/found/,
// for found.test.ts to replay: case.json says what was tried and what went wrong, and an import
// case's files sit beside it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding, ImportCase } from './bed';
import type { CallCase } from './calls';

const FOUND_DIR = fileURLToPath(new URL('found', import.meta.url));

interface Kept {
  finding: Finding;
  call?: CallCase;
  import?: { kind: ImportCase['kind']; files: string[] };
}

export function keep(finding: Finding, c: { call: CallCase } | { import: ImportCase }): string {
  const body = 'call' in c ? JSON.stringify(c.call) : Buffer.concat(c.import.files.map((f) => f.bytes));
  const id = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const at = join(FOUND_DIR, id);
  mkdirSync(join(at, 'files'), { recursive: true });
  const kept: Kept = { finding };
  if ('call' in c) kept.call = c.call;
  else {
    kept.import = { kind: c.import.kind, files: c.import.files.map((f) => f.name) };
    for (const f of c.import.files) writeFileSync(join(at, 'files', f.name), f.bytes);
  }
  writeFileSync(join(at, 'case.json'), `${JSON.stringify(kept, null, 2)}\n`);
  return at;
}

/** Every kept case, ready to try again. */
export function keptCases(): { id: string; finding: Finding; call?: CallCase; import?: ImportCase }[] {
  if (!existsSync(FOUND_DIR)) return [];
  return readdirSync(FOUND_DIR)
    .filter((id) => existsSync(join(FOUND_DIR, id, 'case.json')))
    .map((id) => {
      const kept = JSON.parse(readFileSync(join(FOUND_DIR, id, 'case.json'), 'utf8')) as Kept;
      const files = kept.import?.files.map((name) => ({ name, bytes: readFileSync(join(FOUND_DIR, id, 'files', name)) }));
      return {
        id,
        finding: kept.finding,
        ...(kept.call ? { call: kept.call } : {}),
        ...(kept.import && files ? { import: { kind: kept.import.kind, files } } : {}),
      };
    });
}
