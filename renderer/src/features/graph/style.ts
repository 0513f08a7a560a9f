// The Cytoscape stylesheet. Labels fade out below a readable size (level of detail), edges are as
// wide as their ties are heavy, and the selection is marked without changing colour meaning.
import type { StylesheetJson } from 'cytoscape';

export function graphStyle(dark: boolean): StylesheetJson {
  const text = dark ? '#e8e8ea' : '#1d1f24';
  const halo = dark ? '#1b1d22' : '#ffffff';
  const edge = dark ? '#6b7080' : '#a3a8b4';
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        color: text,
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '130px',
        'text-outline-color': halo,
        'text-outline-width': 2,
        'min-zoomed-font-size': 7,
        'border-width': 1,
        'border-color': halo,
      },
    },
    { selector: 'node.partnership', style: { shape: 'diamond' } },
    { selector: 'node.event', style: { shape: 'round-rectangle' } },
    {
      selector: 'edge',
      style: {
        width: 'mapData(weight, 1, 6, 1.5, 7)',
        'line-color': edge,
        opacity: 0.75,
        'curve-style': 'haystack',
      },
    },
    { selector: 'edge.relation', style: { 'line-style': 'dashed', 'curve-style': 'straight', 'target-arrow-shape': 'triangle', 'target-arrow-color': edge } },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': dark ? '#ffffff' : '#1d1f24', 'z-index': 10 },
    },
    { selector: 'edge:selected', style: { 'line-color': dark ? '#ffffff' : '#1d1f24', opacity: 1 } },
  ];
}
