// Our XML scanner and saxes run over the same text, their events reduced to what both must agree on:
// the tests hold the scanner to saxes on every XML file we have (our fixtures, and the datasets).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { XmlScanner } from '../../electron/engine/interchange/formats/xml/scan';

export type Outcome = { events: string[]; error: boolean };
/** A tag as a string, or text as a one-element array. */
type Event = string | [string];

const tagLine = (tag: { name: string; uri: string; attributes: { name: string; uri: string; value: string }[] }): string =>
  `<${tag.name} {${tag.uri}}${tag.attributes.map((a) => ` ${a.name}{${a.uri}}=${JSON.stringify(a.value)}`).join('')}>`;

export function ours(text: string): Outcome {
  const out: Event[] = [];
  try {
    new XmlScanner(text, {
      openTag: (tag) => out.push(tagLine({ ...tag, attributes: [...tag.attributes] })),
      closeTag: (tag) => out.push(`</${tag.name}>`),
      wantsText: () => true,
      text: (t) => out.push([t]),
      doctype: () => {},
      unboundPrefix: () => {},
    }).run();
    return { events: merged(out), error: false };
  } catch {
    return { events: merged(out), error: true };
  }
}

export function theirs(text: string): Outcome {
  const out: Event[] = [];
  let error = false;
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (err) => {
    if (/unbound namespace prefix/.test(err.message)) return;
    error = true;
    throw err;
  });
  parser.on('opentag', (tag: SaxesTagNS) => out.push(tagLine({ ...tag, attributes: Object.values(tag.attributes) })));
  parser.on('closetag', (tag) => out.push(`</${tag.name}>`));
  parser.on('text', (t) => out.push([t]));
  parser.on('cdata', (t) => out.push([t]));
  try {
    parser.write(text).close();
  } catch {
    error = true;
  }
  return { events: merged(out), error };
}

/** Adjacent text pieces joined, whitespace-only text dropped: where the two may split or skip text differently. */
function merged(events: Event[]): string[] {
  const out: string[] = [];
  let text = '';
  for (const e of events) {
    if (typeof e === 'string') {
      if (text.trim() !== '') out.push(`text ${JSON.stringify(text)}`);
      text = '';
      out.push(e);
    } else text += e[0];
  }
  if (text.trim() !== '') out.push(`text ${JSON.stringify(text)}`);
  return out;
}

/** XML files under a folder (GEXF, GraphML and XSD), sorted. */
export function xmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? xmlFiles(p) : /\.(gexf|graphml|xsd)$/.test(f) ? [p] : [];
    });
}
