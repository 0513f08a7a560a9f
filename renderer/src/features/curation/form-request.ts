// Which record form is open, and the country list the forms share. The form itself is loaded when
// one first opens (EditMenu's RecordForms, app/lazy.ts): it and its fields read the shared zod schemas.
import { create } from 'zustand';
import type { Country } from '../../../../shared/schemas';
import { call } from '../../api/client';
import type { EditableType } from './fields';

export interface FormRequest {
  type: EditableType;
  id: string | null;
  /** Values a new record starts with (a relation's ends, drawn in the graph). */
  preset?: Record<string, unknown>;
}

export const useForms = create<{ form: FormRequest | null }>()(() => ({ form: null }));
export const openForm = (form: FormRequest) => useForms.setState({ form });

let countryCache: Promise<Country[]> | null = null;
export function countries(): Promise<Country[]> {
  countryCache ??= call('country.list', {}).catch((err) => {
    countryCache = null;
    throw err;
  });
  return countryCache;
}
