// The colours both drawings use, light and dark: Cytoscape's stylesheet (style.ts) and the large
// drawing's painter and pictures (large/). Node and tie colours come from the data (appearance.ts);
// these are the rest: label text and its halo, the neutral tie, the selection's ring, what is faded.

export interface Theme {
  /** Label text, and the halo around it (also the ring around every node). */
  text: string;
  halo: string;
  /** Ties not coloured by their type, and relation arrowheads. */
  edge: string;
  /** The selected node's ring and pinned nodes' border. */
  strong: string;
  /** What the large drawing paints faded nodes and ties in (Cytoscape lowers their opacity instead). */
  faded: string;
}

const LIGHT: Theme = { text: '#1d1f24', halo: '#ffffff', edge: '#a3a8b4', strong: '#1d1f24', faded: 'rgba(160,160,170,0.18)' };
const DARK: Theme = { text: '#e8e8ea', halo: '#1b1d22', edge: '#6b7080', strong: '#ffffff', faded: 'rgba(120,120,130,0.18)' };

export const themeOf = (dark: boolean): Theme => (dark ? DARK : LIGHT);

/** The shortest path, in either theme. */
export const PATH_COLOUR = '#ff2d55';
/** A node whose data carries no colour. */
export const NO_COLOUR = '#888888';
/** Ties are drawn see-through, so that dense parts read as dense. */
export const EDGE_OPACITY = 0.7;
/** Cytoscape's opacity for faded elements, and for what is off the shortest path while one is shown. */
export const FADED_OPACITY = 0.15;
export const OFF_PATH_OPACITY = 0.12;

/** The page's background (the stylesheet's --bg, light or dark), behind pictures of the drawing. */
export function backgroundColour(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';
}

/** The page's text, muted text and rule colours with its background: what a picture's title, legend and caption are painted in. */
export function frameColours(): { background: string; text: string; muted: string; line: string } {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { background: backgroundColour(), text: v('--text', '#1d1f24'), muted: v('--muted', '#5d6370'), line: v('--line', '#dfe2e8') };
}
