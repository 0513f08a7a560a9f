// What people call the columns and attributes an organisation's fields come from, in the
// languages the files we see are written in. One list for the CSV reader's default mapping and the
// planner's reading of any format's attributes, so a column the window maps by default is the one
// the CLI reads too. Names are compared as `columnKey` writes them: folded, spaces as underscores.
import { matchKey } from '../../../../shared/text-fold';

export const NAME_COLUMNS = [
  'name',
  'label',
  'title',
  'organisation',
  'organization',
  'organisation_name',
  'organization_name',
  'org_name',
  'english_name',
  'name_en',
  'name_english',
  'full_name',
  'nom',
  'nombre',
  'nome',
];
export const ID_COLUMNS = ['id', 'node', 'node_id', 'key', 'code', 'identifier', 'uid'];
export const COUNTRY_COLUMNS = [
  'country',
  'country_code',
  'country_name',
  'countries',
  'iso',
  'iso2',
  'iso3',
  'iso_code',
  'iso_a2',
  'iso_a3',
  'nation',
  'nationality',
  'pays',
  'pais',
  'land',
  'strana',
];
export const SECTOR_COLUMNS = [
  'sector',
  'sectors',
  'type',
  'category',
  'kind',
  'type_of_actor',
  'actor_type',
  'type_of_organisation',
  'type_of_organization',
  'organisation_type',
  'organization_type',
  'org_type',
  'stakeholder_type',
  'stakeholder_group',
  'secteur',
  'tipo',
  'tipo_de_actor',
];

const forms = new Map<string, string>();
/** A column or attribute name as the lists above write it; a file repeats a handful, so each is folded once. */
export function columnKey(name: string): string {
  let form = forms.get(name);
  if (form === undefined) {
    form = matchKey(name).replace(/ /g, '_');
    if (forms.size < 10_000) forms.set(name, form);
  }
  return form;
}

/** A name ending in `_id` or starting `id_` is an identifier whatever it identifies (`ngo_id`, `SPRVD_id`). */
export const isIdLike = (name: string): boolean => ID_COLUMNS.includes(columnKey(name)) || /(^|_)id$|^id_/.test(columnKey(name));
