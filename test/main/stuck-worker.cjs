// A stand-in for the engine's worker that speaks its protocol (engine/worker.ts) and, asked for
// 'stuck', enters one SQLite statement that never returns: native code, where terminate() cannot
// reach it. What a worker reading a hostile snapshot did before snapshots were read as untrusted.
const { parentPort } = require('node:worker_threads');
const Database = require('better-sqlite3');

const db = new Database(':memory:');
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', (m) => {
  if (m.name === 'stuck') db.prepare('WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r').get();
  parentPort.postMessage({ type: 'result', id: m.id, ok: true, value: { answered: m.name } });
});
