// Layout choice for what this version draws. Force-directed cose is fine for the small networks
// typed in by hand; beyond that it takes too long on the main thread, so larger slices get a grid
// ordered by ties until the explorer's ForceAtlas2 worker arrives.
import type { Core, LayoutOptions } from 'cytoscape';

export function layoutFor(cy: Core): LayoutOptions {
  const n = cy.nodes().length;
  if (n <= 300) {
    return { name: 'cose', animate: false, nodeRepulsion: () => 400000, idealEdgeLength: () => 140, nodeOverlap: 40, componentSpacing: 120, padding: 40, randomize: false } as LayoutOptions;
  }
  // Most connected first, in reading order: fast and predictable at any size.
  return {
    name: 'grid',
    animate: false,
    avoidOverlap: true,
    padding: 30,
    sort: (a: { data(key: string): number }, b: { data(key: string): number }) => b.data('degree') - a.data('degree'),
  } as LayoutOptions;
}
