// Layout choice for what this version draws. Force-directed cose is fine for the small networks
// typed in by hand; beyond that it takes too long on the main thread, so larger slices get a
// concentric layout by degree until the explorer's ForceAtlas2 worker arrives.
import type { Core, LayoutOptions } from 'cytoscape';

export function layoutFor(cy: Core): LayoutOptions {
  const n = cy.nodes().length;
  if (n <= 300) {
    return { name: 'cose', animate: false, nodeRepulsion: () => 400000, idealEdgeLength: () => 140, nodeOverlap: 40, componentSpacing: 120, padding: 40, randomize: false } as LayoutOptions;
  }
  return {
    name: 'concentric',
    animate: false,
    concentric: (node: { data(key: string): number }) => node.data('degree'),
    levelWidth: () => 4,
    minNodeSpacing: 6,
    padding: 30,
  } as LayoutOptions;
}
