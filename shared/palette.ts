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
