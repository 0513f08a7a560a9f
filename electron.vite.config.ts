// One build for the three places code runs in the app: main (plus the engine's worker thread, and
// the CLI and the browser mode, which run the same engine under plain Node),
// the sandboxed preload (one CommonJS file, as a sandbox requires), and the renderer.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'engine-worker': resolve(__dirname, 'electron/engine/worker.ts'),
          // The two hosts that run under plain Node, built like main so nothing runs TypeScript at run time.
          cli: resolve(__dirname, 'electron/cli/main.ts'),
          web: resolve(__dirname, 'electron/web/serve.ts'),
        },
        external: ['electron', 'better-sqlite3'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), testHooks()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      minify: true,
      // Loaded from disk, never over a network: one bundle is fine.
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});

/**
 * `--mode test` builds the renderer with the hooks end-to-end tests and benchmarks drive
 * (`window.atlasGraph`, `window.atlasLayout`, the layout stats; renderer/src/features/graph/test-hooks.ts),
 * and cytoscape-fcose, which only they reach; any other mode leaves them out by dead-code elimination.
 * The mode is written beside the bundle (build-mode.txt), so scripts/build-if-stale.mjs can tell a
 * test build from a shipped one.
 */
function testHooks(): import('vite').Plugin {
  let mode = 'production';
  return {
    name: 'atlas-test-hooks',
    config: (_config, env) => ({ define: { __ATLAS_TEST_HOOKS__: JSON.stringify(env.mode === 'test') } }),
    configResolved(config) {
      mode = config.mode;
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'build-mode.txt', source: `${mode}\n` });
    },
  };
}
