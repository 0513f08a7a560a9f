// Where the public datasets are: vitest.interop.config.ts finds them (beside the project, or where
// ATLAS_DATASETS says) and runs this suite only when they are there.
const folder = process.env.ATLAS_DATASETS;
if (!folder) throw new Error('the interoperability suite runs through its own config: npm run test:interop');

export const DATASETS: string = folder;
