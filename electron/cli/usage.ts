// The one help text: `atlas --help`, `atlas help` and `atlas COMMAND --help` all print it. The
// formats come from shared/formats.ts, so a new format is in the help without touching it.
import { EXPORTABLE, IMPORTABLE, isFolderFormat } from '../../shared/formats';

const DESCRIPTION_AT = 29;
const WIDTH = 100;

/** "a, b or c". */
const inWords = (items: string[]): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);

/** A name never broken across lines. */
const unbroken = (name: string): string => name.replace(/ /g, '\u00a0');

/** One entry: the name, then its description wrapped under itself. */
function entry(name: string, text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && DESCRIPTION_AT + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.map((l, i) => (i ? ' '.repeat(DESCRIPTION_AT) : `  ${name}`.padEnd(DESCRIPTION_AT)) + l.replace(/\u00a0/g, ' ')).join('\n');
}

const importNames = IMPORTABLE.map((f) => (isFolderFormat(f) ? `${f.name} or a folder of ${f.name}s` : unbroken(f.name)));
const IMPORT_FILE = entry('import FILE', `Import a file (${importNames.join(', ')}): shows the preview, then imports it`);
const EXPORT = entry(
  'export --format F --out P',
  `Export to ${inWords(EXPORTABLE.map((f) => (isFolderFormat(f) ? `${f.id} (a folder)` : f.id)))}`,
);
const IMPORT_FORMAT = entry('--format FORMAT', `${inWords(IMPORTABLE.map((f) => f.id))}, when the name does not say`);
const EXPORT_FORMAT = entry('--format FORMAT', inWords(EXPORTABLE.map((f) => f.id)));

export const USAGE = `Usage: atlas <command> [options]

Commands:
  stats                      Count records and ties, per region and per sector
  query [filters]            Print a graph slice as JSON
  generate --orgs N          Add a synthetic network of N organisations (1 to 1,000,000)
  seed                       Load the shipped seed network (records already present are skipped)
${IMPORT_FILE}
${EXPORT}
  help                       Show this help

Options for every command:
  --db PATH                  Database file (default: $ATLAS_DB, else the app's own database)
  --json                     Machine-readable output on stdout
  -h, --help                 Show this help

query options:
  --view organisations|full  Organisations only, or with partnerships and events (default: organisations)
  --ego ID                   Only the network around this organisation
  --depth N                  How many ties out from --ego (1 to 3, default 1)
  --region NAME              Africa, Americas, Asia, Europe, Oceania (repeatable)
  --sub-region NAME          UN M49 sub-region, e.g. "Western Africa" (repeatable)
  --country CODE             ISO 3166-1 alpha-2, e.g. GH (repeatable)
  --sector SECTOR            government, intergovernmental, civil_society, academia,
                             private_sector, other (repeatable)
  --partnership-kind KIND    public_private, multistakeholder, network, expert_group,
                             agreement, project, funding (repeatable)
  --focus-area TAG           e.g. ransomware (repeatable)
  --event-kind KIND          consultation, negotiating_session, side_event, workshop,
                             conference, webinar (repeatable)
  --tag TAG                  Organisation tag (repeatable)
  --from DATE, --to DATE     Only ties active in this period (YYYY, YYYY-MM or YYYY-MM-DD)
  --text STRING              Organisations whose name or acronym contains STRING
  --min-weight N             Only ties sharing at least N partnerships, events and relations,
                             and the organisations that have one

import options:
  --dry-run                  Show the preview only; write nothing (exit 1 if an import would be refused)
  --on-duplicate MODE        merge (default), skip or create, for organisations already present
${IMPORT_FORMAT}
  --max-mb N                 Refuse files larger than N MB (default 200)
  --skip-bad-rows            Leave out the rows the preview lists as bad, and import the rest
  --merge-same-names         Merge nodes of the file with the same name and country (kept apart by default)
  --skip-lines N             CSV: lines before the header to skip (detected by default)

export options (and every query filter above):
${EXPORT_FORMAT}
  --out PATH                 The file to write (for csv, a folder)
  --ego ID [--depth N]       Only the network around this organisation
  --saved-view NAME          What a saved view shows, with the view itself in a snapshot
  --overwrite                Replace an existing file
  --omit FIELD               Leave a field out of every record (repeatable): description, website,
                             city, acronym, tags…, an attribute's name, or contact (websites, cities
                             and attributes that hold e-mail addresses, phone numbers or people)

generate options:
  --orgs N                   How many organisations (required)
  --ties M                   How many tied pairs (default: about five per organisation)
  --seed S                   Random seed; the same seed gives the same network (default 1)

Exit codes: 0 success, 1 error, 2 bad usage.
`;
