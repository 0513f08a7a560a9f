// Cytoscape's cose on the drawn graph, computed in a Web Worker (cose.worker.ts): the page reads
// what is drawn (a few hundred nodes: no long task), the worker runs cose to the end, and the
// positions land in one batch (land.ts). Pinned nodes stay where they are. Cancelling before the
// answer leaves the drawing as it was.
import type { CoseAnswer, CoseStart } from './cose-protocol';
import type { LayoutNode, LayoutSurface } from './surface';
import type { LayoutResult, LayoutRun } from './types';

function diameter(node: LayoutNode): number {
  const size = Number(node.data('size'));
  return size > 0 ? size : node.width();
}

export function runCose(drawing: LayoutSurface): LayoutRun & { cancel(): void } {
  const started = performance.now();
  const list = drawing.nodes();
  const n = list.length;
  const index = new Map<string, number>();
  const start: CoseStart = {
    ids: new Array<string>(n),
    xy: new Float64Array(2 * n),
    sizes: new Float64Array(n),
    locked: new Uint8Array(n),
    pairs: new Uint32Array(0),
    width: drawing.width(),
    height: drawing.height(),
  };
  list.forEach((node, i) => {
    const id = node.id();
    index.set(id, i);
    start.ids[i] = id;
    const p = node.position();
    start.xy[2 * i] = p.x;
    start.xy[2 * i + 1] = p.y;
    start.sizes[i] = diameter(node);
    if (node.hasClass('pinned')) start.locked[i] = 1;
  });
  const pairs: number[] = [];
  for (const e of drawing.edges()) {
    if (e.removed()) continue;
    const { source, target } = e.data();
    const s = index.get(source);
    const t = index.get(target);
    if (s !== undefined && t !== undefined) pairs.push(s, t);
  }
  start.pairs = Uint32Array.from(pairs);

  let ended = false;
  const worker = new Worker(new URL('./cose.worker.ts', import.meta.url), { type: 'module', name: 'cose' });
  const release = drawing.hold();
  let settle!: (r: LayoutResult) => void;
  let fail!: (e: Error) => void;
  const done = new Promise<LayoutResult>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const result = (how: { converged: boolean; stopped: boolean }): LayoutResult => ({
    name: 'cose',
    iterations: 1,
    millis: Math.round(performance.now() - started),
    ...how,
  });
  const end = () => {
    ended = true;
    worker.terminate();
    release();
  };
  worker.onmessage = (e: MessageEvent<CoseAnswer>) => {
    if (ended) return;
    end();
    const answer = e.data;
    if ('error' in answer) {
      fail(new Error(`cose failed: ${answer.error}`));
      return;
    }
    drawing.land(list, answer.xy, start.locked).then(
      () => settle({ ...result({ converged: true, stopped: false }), computeMillis: Math.round(answer.millis) }),
      (err: unknown) => fail(err instanceof Error ? err : new Error(String(err))),
    );
  };
  worker.onerror = (e) => {
    if (ended) return;
    end();
    fail(new Error(`cose worker failed: ${e.message}`));
  };
  // `locked` is copied, not transferred: the landing needs it.
  worker.postMessage(start, [start.xy.buffer, start.sizes.buffer, start.pairs.buffer]);
  // Cose gives no positions before its end (a few hundred milliseconds on 300 nodes), so stopping
  // it keeps what it reaches: the answer still lands. Cancelling (another layout takes over, the
  // drawing goes) drops it.
  const cancel = () => {
    if (ended) return;
    end();
    settle(result({ converged: false, stopped: true }));
  };
  return { stop() {}, cancel, done };
}
