// How the last ForceAtlas2 run went on the page's side, for the benchmark hook (hook.ts). Collected
// in test builds only: every write is under __ATLAS_TEST_HOOKS__, so a production build keeps none.

/** Setup and landing times (ms), the moment it landed, and the progress paints. */
export const fa2Stats = { setupMs: 0, paints: 0, landMs: 0, landedAt: 0 };

/** The preview canvas's paints: how many, the longest and the total (ms). */
export const previewStats = { paints: 0, maxMs: 0, totalMs: 0 };
