// The Cytoscape stylesheet. Colours, sizes and widths come from element data (set by
// appearance.ts for the chosen styling); classes mark level of detail (`labelled`), hand-made
// emphasis (`faded`, `pinned`), the shortest path and the aggregated view's groups.
import type { StylesheetJson } from 'cytoscape';
import { LABEL_TEXT } from './labels';
import { EDGE_OPACITY, FADED_OPACITY, OFF_PATH_OPACITY, PATH_COLOUR, themeOf } from './theme';

export function graphStyle(dark: boolean): StylesheetJson {
  const { text, halo, edge, strong } = themeOf(dark);
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        width: 'data(size)',
        height: 'data(size)',
        'border-width': 1,
        'border-color': halo,
      },
    },
    {
      // Text properties only where text is drawn: every property costs per element restyled.
      selector: 'node.labelled, node:selected, node.path',
      style: {
        color: text,
        'font-size': LABEL_TEXT.fontSize,
        'text-valign': 'bottom',
        'text-margin-y': LABEL_TEXT.marginY,
        'text-wrap': 'wrap',
        'text-max-width': `${LABEL_TEXT.maxWidth}px`,
        'text-outline-color': halo,
        'text-outline-width': LABEL_TEXT.outline,
      },
    },
    { selector: 'node.labelled', style: { label: 'data(label)' } },
    { selector: 'node.partnership', style: { shape: 'diamond' } },
    { selector: 'node.event', style: { shape: 'round-rectangle' } },
    {
      // Groups are labelled like nodes, by level of detail (largest first, as many as fit).
      selector: 'node.group',
      style: {
        'text-valign': 'center',
        'text-wrap': 'wrap',
        'font-size': 12,
        'font-weight': 600,
        'background-opacity': 0.85,
        'border-width': 2,
      },
    },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-style': 'double', 'border-color': strong } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': edge,
        opacity: EDGE_OPACITY,
        'curve-style': 'haystack',
      },
    },
    { selector: 'edge[?typed]', style: { 'line-color': 'data(edgeColour)' } },
    {
      selector: 'edge.relation',
      style: { 'line-style': 'dashed', 'curve-style': 'straight', 'target-arrow-shape': 'triangle', 'target-arrow-color': edge },
    },
    // Haystack, like every tie: the 53-country view has over a thousand of them, and a straight
    // edge's endpoints are computed per edge at each change (a third of that view's first frame).
    // Not hit-tested: nothing answers a click on them, and Cytoscape measured the pointer against
    // every one of them at each press (30 ms of the double-click that opens a country).
    { selector: 'edge.aggregate', style: { opacity: 0.45, 'line-color': edge, events: 'no' } },
    { selector: '.faded', style: { opacity: FADED_OPACITY, 'text-opacity': 0 } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': PATH_COLOUR, 'z-index': 20, label: 'data(label)' } },
    { selector: 'edge.path', style: { 'line-color': PATH_COLOUR, width: 5, opacity: 1, 'z-index': 20 } },
    { selector: '.off-path', style: { opacity: OFF_PATH_OPACITY } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': strong, 'z-index': 10, label: 'data(label)' } },
    { selector: 'edge:selected', style: { 'line-color': strong, opacity: 1 } },
  ];
}
