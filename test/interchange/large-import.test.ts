// A large import's plan holds its relations by columns (issue 17: a million edges within 1 GB):
// an edge of ends, a weight and a direction is numbers, never an object, and the records are
// made as they are written. Guards the structure, not a timing: a plan that went back to an
// object per edge would show here as kept objects, whatever the machine's speed.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGexf } from '../../electron/engine/interchange/formats/gexf/read';
import { planImport } from '../../electron/engine/interchange/import/plan-graph';
import { newId } from '../../electron/engine/ids';
import { useEngines } from './helpers';

const engines = useEngines();
const NODES = 5_000;
const EDGES = 50_000;
const NAMES = [
  'Centre national de cybersécurité',
  'Центр кибербезопасности',
  '网络安全中心',
  'مركز الأمن السيبراني',
  'Centro de ciberseguridad',
];

/** A GEXF as graphology writes one (weights on the edge tag), with a few edges that carry more. */
function gexf(): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft">',
    '<graph defaultedgetype="undirected">',
    '<attributes class="edge"><attribute id="0" title="programme" type="string"/></attributes>',
    '<nodes>',
  ];
  for (let k = 0; k < NODES; k++) lines.push(`<node id="${k}" label="${NAMES[k % NAMES.length]} ${k}"/>`);
  lines.push('</nodes>', '<edges>');
  for (let e = 0; e < EDGES; e++) {
    const s = e % NODES;
    const t = (s + 1 + Math.floor(e / NODES)) % NODES;
    if (e % 10_000 === 0) {
      lines.push(
        `<edge id="e${e}" source="${s}" target="${t}" label="MoU ${e}"><attvalues><attvalue for="0" value="GLACY+"/></attvalues></edge>`,
      );
    } else lines.push(`<edge id="e${e}" source="${s}" target="${t}" weight="${1 + (e % 5)}"/>`);
  }
  lines.push('</edges>', '</graph>', '</gexf>');
  return lines.join('\n');
}

describe('a large import', () => {
  it('plans 50,000 edges as columns, keeping objects only for the few that carry more, and writes every one', async () => {
    const text = gexf();
    const engine = engines.open('large');
    const plan = planImport(engine.db, parseGexf(text), {}, newId);
    expect(plan.relations.length).toBe(EDGES);
    // The five edges with a label and an attribute keep their checked fields; the rest are numbers.
    expect(plan.relations.kept).toBe(5);

    const path = `${engines.dir()}/large.gexf`;
    writeFileSync(path, text);
    const preview = await engine.call('import.preview', { path });
    const done = await engine.call('import.run', { path });
    expect(done.relations.create).toBe(preview.relations.create);
    expect(done.landed?.relations).toBe(EDGES);
    const rows = engine.db
      .prepare(
        `SELECT r.type, r.description, r.attributes, s.name AS source, t.name AS target
         FROM relation r JOIN organisation s ON s.id = r.source_id JOIN organisation t ON t.id = r.target_id
         WHERE t.name IN (?, ?) AND s.name IN (?, ?)`,
      )
      .all(`${NAMES[1]} 1`, `${NAMES[2]} 2`, `${NAMES[0]} 0`, `${NAMES[1]} 1`) as Record<string, unknown>[];
    expect(rows).toEqual(
      expect.arrayContaining([
        {
          type: 'other',
          description: 'MoU 0',
          attributes: '{"programme":"GLACY+","directed":false}',
          source: `${NAMES[0]} 0`,
          target: `${NAMES[1]} 1`,
        },
        { type: 'other', description: null, attributes: '{"weight":2,"directed":false}', source: `${NAMES[1]} 1`, target: `${NAMES[2]} 2` },
      ]),
    );
    const counts = engine.db.prepare(`SELECT count(*) AS n, sum(json_extract(attributes, '$.weight')) AS weights FROM relation`).get() as {
      n: number;
      weights: number;
    };
    expect(counts.n).toBe(EDGES);
    // Weights 1..5 in turn on every edge but the five that carry a programme (each would have had 1).
    expect(counts.weights).toBe((EDGES / 5) * 15 - 5);
    // Every relation the run made cites the file, as the records of a smaller import do.
    const cited = engine.db.prepare(`SELECT count(*) FROM citation WHERE record_type = 'relation'`).pluck().get();
    expect(cited).toBe(EDGES);
  });
});
