// Looking at a snapshot read-only before (or instead of) merging it: the engine answers every read
// from the snapshot until the window goes back to the network, so the whole explorer works on it.
import { call } from '../../api/client';
import { useAtlas } from '../../store/atlas';

/** The staged snapshot being shown, so the banner can offer to import it. */
let shownPath: string | null = null;

/** A failure shows in the window's error state rather than vanishing. */
const reported = (work: () => Promise<void>) => () =>
  work().catch((err: Error) => useAtlas.setState({ status: 'error', error: err.message }));

export async function showSnapshot(path: string): Promise<void> {
  await call('snapshot.view', { path });
  shownPath = path;
  await useAtlas.getState().load();
}

async function showNetwork(): Promise<void> {
  await call('snapshot.view', { path: null });
  shownPath = null;
  await useAtlas.getState().load();
}

export const backToNetwork = reported(showNetwork);

/** Merges the snapshot being shown into the network, then shows the network. */
export const importShown = reported(async () => {
  if (shownPath) await call('import.run', { path: shownPath, onDuplicate: 'merge' });
  await showNetwork();
});
