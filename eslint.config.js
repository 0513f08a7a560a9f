// Lint: JavaScript's and typescript-eslint's recommended rules (syntax only, no type information,
// so `npm test` stays fast), React's hook rules in the renderer, and the layering of
// ARCHITECTURE.md: which folder may import which, what each may take from npm and Node, and no
// import cycles (import-x/no-cycle skips type-only imports; scripts/check-cycles.mjs, also run by
// `npm run lint`, counts them). test/lint/layering.test.ts proves the layering rules bite.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Where each folder's code runs, and the folders it may import besides its own. A folder's own
// subfolders are its own; every other folder of the project is out of bounds (test/, scripts/ and
// bin/ included), which also keeps main, preload and renderer out of everyone else's reach.
const layers = {
  shared: { dir: 'shared', may: [] },
  engine: { dir: 'electron/engine', may: ['shared'] },
  host: { dir: 'electron/host', may: ['shared', 'engine'] },
  web: { dir: 'electron/web', may: ['shared', 'engine', 'host'] },
  cli: { dir: 'electron/cli', may: ['shared', 'engine', 'host'] },
  main: { dir: 'electron/main', may: ['shared', 'engine', 'host'] },
  preload: { dir: 'electron/preload', may: ['shared'] },
  renderer: { dir: 'renderer', may: ['shared'] },
};
// Not layers: they may import any layer except the three that nothing outside imports.
const tools = ['scripts', 'bin'];
const closed = ['main', 'preload', 'renderer'];

const zones = [
  ...Object.entries(layers).map(([name, { dir, may }]) => ({
    target: dir,
    from: [
      ...Object.entries(layers)
        .filter(([other]) => other !== name && !may.includes(other))
        .map(([, l]) => l.dir),
      'test',
      ...tools,
    ],
    message: `${dir}/ may import only ${[name, ...may].join(', ')} (ARCHITECTURE.md, "Folders").`,
  })),
  { target: tools, from: closed.map((n) => layers[n].dir), message: 'Nothing outside main, preload and renderer imports them.' },
];

const files = (dir) => [`${dir}/**/*.{ts,tsx,js,mjs,cjs}`];
const nodeGlobals = (message) =>
  ['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({ name, message }));
const domGlobals = (message) =>
  ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'self', 'fetch'].map((name) => ({ name, message }));
const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload run in Electron.' };

export default defineConfig([
  globalIgnores(['out/', 'dist/', '.native/', 'resources/', 'test-results/', 'playwright-report/', '**/*.tmp.mjs']),

  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${import.meta.dirname}/tsconfig.json`, alwaysTryTypes: true })],
    },
    rules: {
      // The formats' readers and writers and the text fold match control characters on purpose.
      'no-control-regex': 'off',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Plain JavaScript has no type checker behind it to catch undefined names (TypeScript files do).
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Playwright's idioms: a fixture's first parameter must be a destructuring pattern (`async ({}, use)`,
    // Playwright reads it), and `base.extend<{}, WorkerFixtures>` says "no test fixtures".
    files: ['test/e2e/**'],
    rules: {
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
      '@typescript-eslint/no-empty-object-type': ['error', { allowObjectTypes: 'always' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  {
    // Runs anywhere: no Node, no DOM, and from npm only zod.
    files: files(layers.shared.dir),
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod(/|$)|\\.\\.?/)', message: 'shared/ imports only zod and its own files.' }] },
      ],
      'no-restricted-globals': [
        'error',
        ...nodeGlobals('shared/ runs anywhere: no Node.'),
        ...domGlobals('shared/ runs anywhere: no DOM.'),
      ],
    },
  },
  ...['engine', 'host', 'web', 'cli'].map((name) => ({
    files: files(layers[name].dir),
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  })),
  {
    // Sandboxed: the contract from shared, and Electron's renderer-side API.
    files: files(layers.preload.dir),
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!electron$|\\.\\.?/)', message: 'electron/preload imports only electron and shared.' }] },
      ],
    },
  },
  {
    // The two rules of hooks; the React Compiler's rules (refs in render, setState in effects) are
    // for code the compiler rewrites, which this renderer is not, and took 70% of lint's time.
    files: files(layers.renderer.dir),
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Chromium without Node: the engine is reached through window.atlas or fetch, never imported.
    files: files(layers.renderer.dir),
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [{ ...noElectron, message: 'The renderer reaches Electron only through window.atlas.' }] },
      ],
      'no-restricted-globals': ['error', ...nodeGlobals('The renderer runs in Chromium, without Node.')],
    },
  },
]);
