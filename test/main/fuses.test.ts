// Electron's fuses are set for the packaged app through electron-builder's `electronFuses`: the
// configuration file is read as electron-builder reads it (one YAML mapping), and the fuse names are
// checked against electron-builder's own type, so a misspelt fuse does not compile.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';

const WANTED = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} satisfies NonNullable<Configuration['electronFuses']>;

/** The `electronFuses` block of electron-builder.yml: a flat mapping of names to true or false. */
function fusesBlock(yaml: string): Record<string, unknown> {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l));
  if (start < 0) return {};
  const fuses: Record<string, unknown> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = /^\s+(\w+):\s*(\S+)\s*$/.exec(line);
    if (m) fuses[m[1]!] = m[2] === 'true' ? true : m[2] === 'false' ? false : m[2];
  }
  return fuses;
}

describe('Electron fuses', () => {
  it('electron-builder flips the fuses a packaged app should have', () => {
    const config = readFileSync(resolve(__dirname, '../../electron-builder.yml'), 'utf8');
    expect(fusesBlock(config)).toEqual(WANTED);
  });
});
