// The layering rules of eslint.config.js bite: for each folder, imports it must not make and
// imports it may, linted as if they were a file of that folder.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
// Cycles are checked on the real tree (npm run lint); here they would only cost time.
const eslint = new ESLint({ cwd: root, overrideConfig: { rules: { 'import-x/no-cycle': 'off' } } });
const LAYERING = new Set(['import-x/no-restricted-paths', 'no-restricted-imports', 'import-x/no-nodejs-modules', 'no-restricted-globals']);

/** The layering rules a snippet breaks, were it the file at `path`. */
async function broken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  const fatal = result!.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(fatal.map((m) => m.message).join('; '));
  return result!.messages.filter((m) => m.ruleId && LAYERING.has(m.ruleId)).map((m) => m.ruleId!);
}

describe('the folders import only what ARCHITECTURE.md allows', () => {
  it.each([
    ['electron/engine/x.ts', 'engine imports electron', "import { app } from 'electron';\nexport const a = app;", 'no-restricted-imports'],
    [
      'electron/engine/x.ts',
      'engine imports main',
      "import * as main from '../main/index';\nexport const a = main;",
      'import-x/no-restricted-paths',
    ],
    ['electron/host/x.ts', 'host imports electron', "import { app } from 'electron';\nexport const a = app;", 'no-restricted-imports'],
    [
      'electron/cli/x.ts',
      'cli imports main',
      "import * as main from '../main/index';\nexport const a = main;",
      'import-x/no-restricted-paths',
    ],
    [
      'renderer/src/x.ts',
      'renderer imports the engine',
      "import { Engine } from '../../electron/engine/engine';\nexport const a = Engine;",
      'import-x/no-restricted-paths',
    ],
    [
      'renderer/src/x.ts',
      'renderer imports engine types',
      "import type { Engine } from '../../electron/engine/engine';\nexport type A = Engine;",
      'import-x/no-restricted-paths',
    ],
    [
      'renderer/src/x.ts',
      'renderer imports a Node builtin',
      "import { join } from 'node:path';\nexport const a = join;",
      'import-x/no-nodejs-modules',
    ],
    [
      'renderer/src/x.ts',
      'renderer imports electron',
      "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;",
      'no-restricted-imports',
    ],
    [
      'shared/x.ts',
      'shared imports a Node builtin',
      "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;",
      'no-restricted-imports',
    ],
    [
      'shared/x.ts',
      'shared imports an npm package other than zod',
      "import Papa from 'papaparse';\nexport const a = Papa;",
      'no-restricted-imports',
    ],
    [
      'shared/x.ts',
      'shared imports the engine',
      "import { Engine } from '../electron/engine/engine';\nexport const a = Engine;",
      'import-x/no-restricted-paths',
    ],
    ['shared/x.ts', 'shared uses process', 'export const where = process.cwd();', 'no-restricted-globals'],
    ['shared/x.ts', 'shared uses the DOM', 'export const title = () => document.title;', 'no-restricted-globals'],
    [
      'electron/preload/x.ts',
      'preload imports a Node builtin',
      "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;",
      'no-restricted-imports',
    ],
    [
      'scripts/x.mjs',
      'a script imports main',
      "import * as main from '../electron/main/index.ts';\nexport const a = main;",
      'import-x/no-restricted-paths',
    ],
  ])('%s: %s is refused', async (path, _what, code, rule) => {
    expect(await broken(path, code)).toContain(rule);
  });

  it.each([
    [
      'electron/engine/x.ts',
      'engine imports npm, Node and shared',
      "import Database from 'better-sqlite3';\nimport { join } from 'node:path';\nimport { AtlasError } from '../../shared/errors';\nexport const a = [Database, join, AtlasError];",
    ],
    [
      'electron/main/x.ts',
      'main imports electron and the engine',
      "import { app } from 'electron';\nimport { Engine } from '../engine/engine';\nexport const a = [app, Engine];",
    ],
    ['electron/cli/x.ts', 'cli imports the engine', "import { Engine } from '../engine/engine';\nexport const a = Engine;"],
    [
      'electron/preload/x.ts',
      'preload imports electron and shared',
      "import { contextBridge } from 'electron';\nimport { CALL_NAMES } from '../../shared/contract';\nexport const a = [contextBridge, CALL_NAMES];",
    ],
    [
      'renderer/src/x.ts',
      'renderer imports react and shared',
      "import { useState } from 'react';\nimport { AtlasError } from '../../shared/errors';\nexport const a = [useState, AtlasError];",
    ],
    [
      'shared/x.ts',
      'shared imports zod and itself',
      "import { z } from 'zod';\nimport { AtlasError } from './errors';\nexport const a = [z, AtlasError];",
    ],
    [
      'test/x.ts',
      'a test imports anything',
      "import { app } from 'electron';\nimport * as main from '../electron/main/index';\nexport const a = [app, main];",
    ],
  ])('%s: %s is allowed', async (path, _what, code) => {
    expect(await broken(path, code)).toEqual([]);
  });
});
