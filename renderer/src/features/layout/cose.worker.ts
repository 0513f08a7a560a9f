// Cytoscape's cose, off the main thread: a headless Cytoscape holding what the page draws (sizes,
// positions, ties, pinned nodes locked) runs it to the end and sends the positions back. On the main
// thread cose held the window for 825 ms on a country of 229 organisations (issue 17).
import cytoscape, { type ElementDefinition, type LayoutOptions } from 'cytoscape';
import type { CoseAnswer, CoseStart } from './cose-protocol';

/** Cose settings that read well on the seed network: room between nodes, components apart. */
const COSE = {
  name: 'cose',
  animate: false,
  nodeRepulsion: () => 400000,
  idealEdgeLength: () => 140,
  nodeOverlap: 40,
  componentSpacing: 120,
  padding: 40,
  randomize: false,
  fit: false,
};

function run(m: CoseStart): Float64Array {
  const n = m.ids.length;
  const elements: ElementDefinition[] = [];
  for (let i = 0; i < n; i++)
    elements.push({
      group: 'nodes',
      data: { id: m.ids[i]!, size: m.sizes[i]! },
      position: { x: m.xy[2 * i]!, y: m.xy[2 * i + 1]! },
      locked: m.locked[i] === 1,
    });
  for (let k = 0; k < m.pairs.length; k += 2)
    elements.push({ group: 'edges', data: { id: `e${k}`, source: m.ids[m.pairs[k]!]!, target: m.ids[m.pairs[k + 1]!]! } });
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
    elements,
  });
  // Cose pulls towards the middle of the canvas (cy.width() × cy.height()); a headless instance
  // is 1 × 1, so it is given the page's size. Not cose's `boundingBox` option: that squeezes the
  // result into the box. (`sizeCache` is where Cytoscape keeps its size, as of 3.x.)
  (cy as unknown as { _private: { sizeCache: { width: number; height: number } } })._private.sizeCache = {
    width: Math.max(1, m.width),
    height: Math.max(1, m.height),
  };
  cy.layout(COSE as LayoutOptions).run();
  const out = new Float64Array(n * 2);
  cy.nodes().forEach((node, i) => {
    const p = node.position();
    out[2 * i] = p.x;
    out[2 * i + 1] = p.y;
  });
  cy.destroy();
  return out;
}

self.onmessage = (e: MessageEvent<CoseStart>) => {
  const t0 = performance.now();
  let answer: CoseAnswer;
  try {
    answer = { xy: run(e.data), millis: performance.now() - t0 };
  } catch (err) {
    answer = { error: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as Worker).postMessage(answer, 'xy' in answer ? [answer.xy.buffer] : []);
};
