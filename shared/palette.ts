// Colours for sectors and record types: the Okabe-Ito palette, readable with colour blindness and
// on both the light and the dark theme. The graph view and the exported files share it, so an
// export looks like the app.
import type { Sector } from './domain';

export const SECTOR_COLOURS: Record<Sector, string> = {
  government: '#0072B2',
  intergovernmental: '#56B4E9',
  civil_society: '#009E73',
  academia: '#CC79A7',
  private_sector: '#E69F00',
  other: '#999999',
};
export const PARTNERSHIP_COLOUR = '#F0E442';
export const EVENT_COLOUR = '#D55E00';

/** UN M49 regions; organisations without a country (international bodies) are grey. */
export const REGION_COLOURS: Record<string, string> = {
  Africa: '#D55E00',
  Americas: '#0072B2',
  Asia: '#E69F00',
  Europe: '#56B4E9',
  Oceania: '#009E73',
};
export const NO_REGION_COLOUR = '#999999';

/** Communities: twelve distinguishable colours, then grey for the small rest. */
export const COMMUNITY_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#6A3D9A',
  '#B15928',
  '#1B9E77',
  '#E7298A',
  '#66A61E',
  '#A6761D',
];

/** What a tie mostly runs through. */
export const TIE_COLOURS = { partnership: '#C9A400', event: '#D55E00', relation: '#7B61FF' } as const;
export type TieKind = keyof typeof TIE_COLOURS;
