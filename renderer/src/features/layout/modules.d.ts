// Types for the two untyped modules the layouts use.
declare module 'graphology-layout-forceatlas2/iterate.js' {
  /** One ForceAtlas2 iteration over graphology's flat matrices (10 floats a node, 3 an edge), in place. */
  export default function iterate(
    settings: {
      linLogMode: boolean;
      outboundAttractionDistribution: boolean;
      adjustSizes: boolean;
      edgeWeightInfluence: number;
      scalingRatio: number;
      strongGravityMode: boolean;
      gravity: number;
      slowDown: number;
      barnesHutOptimize: boolean;
      barnesHutTheta: number;
    },
    nodes: Float32Array,
    edges: Float32Array,
  ): unknown;
}

declare module 'cytoscape-fcose' {
  const ext: cytoscape.Ext;
  export default ext;
}
