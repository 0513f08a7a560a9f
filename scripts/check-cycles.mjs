// Import cycles among the TypeScript sources, type-only imports included: ESLint's
// import-x/no-cycle skips `import type`, and a cycle of types still ties two modules into one.
// Part of `npm run lint`; prints each cycle and exits 1 if there is any.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Each source file of tsconfig.json and the project files it imports (statically, dynamically or as types). */
function importGraph() {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')) };
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, host);
  const files = new Set(config.fileNames.map((f) => ts.sys.resolvePath(f)));
  const graph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(ts.sys.readFile(file) ?? '', true, true);
    const deps = new Set();
    for (const { fileName } of importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, config.options, ts.sys).resolvedModule;
      if (resolved && !resolved.isExternalLibraryImport && files.has(resolved.resolvedFileName)) deps.add(resolved.resolvedFileName);
    }
    graph.set(file, deps);
  }
  return graph;
}

/** Strongly connected components of more than one file (Tarjan), each as one cycle through its first file. */
function cycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = new Set();
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.add(w);
    } while (w !== v);
    if (component.size > 1) found.push(cycleThrough(v, component, graph));
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** The shortest way from start back to itself inside its component. */
function cycleThrough(start, component, graph) {
  const from = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of graph.get(v)) {
      if (w === start) {
        const path = [v];
        for (let p = from.get(v); p !== null; p = from.get(p)) path.unshift(p);
        return [...path, start];
      }
      if (component.has(w) && !from.has(w)) {
        from.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const found = cycles(importGraph());
if (found.length > 0) {
  const lines = found.map((cycle) => `  ${cycle.map((f) => relative(root, f)).join(' → ')}`);
  fail(`${found.length} import cycle${found.length === 1 ? '' : 's'} (type-only imports count too):\n${lines.join('\n')}`);
}
