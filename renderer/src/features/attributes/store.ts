// The window's view of the attribute catalogue and of the attribute values it draws by: the list
// of attributes (with their types) for the menus and the filter panel, and each attribute's values
// for colouring, sizing and widths, asked once and kept until the network changes.
import { create } from 'zustand';
import type { AttributeKind } from '../../../../shared/attributes';
import type { CallOutput } from '../../../../shared/contract';
import { call, errorText } from '../../api/client';
import { valueKey } from './value-key';

export type AttributeInfo = CallOutput<'attributes.list'>[number];
export type AttributeValues = CallOutput<'attributes.values'>;

interface AttributesState {
  catalogue: AttributeInfo[];
  /** What the catalogue was read for: the network's size, which every import and edit changes. */
  version: string | null;
  values: Record<string, AttributeValues>;
  error: string | null;
  /** The relation attribute the analysis weighs ties by, or null for their count. */
  weight: string | null;
  setWeight(name: string | null): void;
  /** Reads the catalogue again if the network changed since (or always, with force). */
  refresh(version: string, force?: boolean): Promise<void>;
  /** Asks for one attribute's values if they are not here yet. */
  want(kind: AttributeKind, name: string): Promise<void>;
  setType(kind: AttributeKind, name: string, type: AttributeInfo['type'] | null): Promise<void>;
}

export const useAttributes = create<AttributesState>()((set, get) => ({
  catalogue: [],
  version: null,
  values: {},
  error: null,
  weight: null,
  setWeight: (weight) => set({ weight }),
  async refresh(version, force = false) {
    if (!force && version === get().version) return;
    try {
      const catalogue = await call('attributes.list', {});
      set({ catalogue, version, values: {}, error: null });
    } catch (err) {
      set({ error: errorText(err) });
    }
  },
  async want(kind, name) {
    const key = valueKey(kind, name);
    if (get().values[key]) return;
    try {
      const v = await call('attributes.values', { kind, name });
      set({ values: { ...get().values, [key]: v } });
    } catch (err) {
      set({ error: errorText(err) });
    }
  },
  async setType(kind, name, type) {
    await call('attributes.setType', { kind, name, type });
    await get().refresh(get().version ?? '', true);
  },
}));

/** The attributes of one kind, by name. */
export const attributesOf = (catalogue: readonly AttributeInfo[], kind: AttributeKind) => catalogue.filter((a) => a.kind === kind);
