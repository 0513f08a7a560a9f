// What people expect of the explorer (issue 18): the work kept across reloads and restarts, per
// database; readable labels; ForceAtlas2 without overlaps; a view that re-fits when a panel opens;
// a theme switch; "Clear all" that clears the search too and says what it cleared.
import { readFileSync, rmSync } from 'node:fs';
import { startWebServer } from '../../electron/web/server';
import { expect, test as seedTest } from './fixtures';
import {
  allInView,
  check,
  drawn,
  fixtureDatabase,
  fixtureTest as test,
  overlapping,
  settled,
  touchingNodes,
  zoomOf,
} from './walkthrough.helpers';
import { clickNode, layoutLanded } from './fixtures';

const seed = JSON.parse(readFileSync('resources/seed/seed.json', 'utf8')) as {
  organisations: { id: string; name: string; acronym: string | null }[];
};
const alliance = seed.organisations.find((o) => o.name.startsWith('Alliance of NGOs'))!;

test('the work is kept per database: filters, selection, view, styling and layout come back after a reload and a restart', async ({
  page: app,
  dbPath,
}) => {
  const harness = await startWebServer({ dbPath, seedIfEmpty: false });
  await app.goto(harness.url);
  await drawn(app, 6, 6);
  await check(app, 'regions', 'Africa');
  await drawn(app, 2, 1);
  await clickNode(app, 'A');
  await app.getByTestId('style-menu').locator('summary').click();
  await app.getByTestId('colour-by').selectOption('region');
  await app.getByTestId('style-menu').locator('summary').click();
  await app.getByTestId('layout').selectOption('grid');
  await expect(app.getByTestId('graph')).toHaveAttribute('data-layout', 'grid');
  await settled(app);
  const where = () => app.evaluate(() => ({ a: window.atlasGraph!.position('A'), b: window.atlasGraph!.position('B') }));
  const before = await where();

  const expectKept = async () => {
    await drawn(app, 2, 1);
    await expect(app.getByTestId('filter-regions').getByRole('checkbox', { name: /^Africa/ })).toBeChecked();
    await expect(app.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText('Alpha Ministry of Communications (AMC)');
    await expect(app.getByTestId('colour-by')).toHaveValue('region');
    await expect.poll(where).toEqual(before);
  };
  await app.reload();
  await expectKept();

  // A restart: a new engine and server on the same database (and the same address).
  const port = harness.port;
  await harness.close();
  const again = await startWebServer({ dbPath, port, seedIfEmpty: false });
  try {
    // (Only the fragment would differ from the page's address: leave it first, so that it loads anew.)
    await app.goto('about:blank');
    await app.goto(again.url);
    await expectKept();
  } finally {
    await again.close();
  }
  // Another database at the same address starts from its own state, not this one's.
  const other = fixtureDatabase();
  const third = await startWebServer({ dbPath: other.dbPath, port, seedIfEmpty: false });
  try {
    await app.goto('about:blank');
    await app.goto(third.url);
    await drawn(app, 6, 6);
    await expect(app.getByTestId('filter-regions').getByRole('checkbox', { name: /^Africa/ })).not.toBeChecked();
  } finally {
    await third.close();
    rmSync(other.dir, { recursive: true, force: true });
  }
});

seedTest(
  'labels do not overlap, long names are shortened on the graph and whole on hover, the selected label is on top',
  async ({ app }) => {
    await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '7');
    await layoutLanded(app);
    await settled(app);
    const text = await app.evaluate((id) => window.atlasGraph!.labelText(id), alliance.id);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThan(alliance.name.length);
    // Crowded: zoomed out, fewer labels are shown rather than drawn over each other.
    for (let i = 0; i < 6; i++) await app.getByRole('button', { name: 'Zoom out' }).click();
    await settled(app);
    await expect.poll(async () => overlapping(await app.evaluate(() => window.atlasGraph!.labelBoxes()))).toEqual([]);
    // Hovering a node shows its whole name.
    const at = await app.evaluate((id) => window.atlasGraph!.renderedPosition(id), alliance.id);
    await app.mouse.move(at!.x, at!.y);
    await expect(app.getByTestId('node-tooltip')).toHaveText(alliance.name);
    // Selected: its label is shown, and no other label is drawn over it.
    await app.mouse.click(at!.x, at!.y);
    await expect(app.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText(alliance.name);
    await expect.poll(() => app.evaluate((id) => window.atlasGraph!.labelText(id), alliance.id)).not.toBe('');
    const boxes = await app.evaluate(() => window.atlasGraph!.labelBoxes());
    expect(overlapping(boxes).filter((pair) => pair.includes(alliance.id))).toEqual([]);
  },
);

seedTest('ForceAtlas2 prevents overlaps by default on a small network', async ({ app }) => {
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '7');
  await app.getByTestId('layout').selectOption('forceatlas2');
  await expect(app.getByRole('checkbox', { name: 'Prevent overlap' })).toBeChecked();
  await expect(app.getByTestId('graph')).toHaveAttribute('data-layout', 'forceatlas2');
  await expect(app.getByTestId('layout-stop')).toHaveCount(0, { timeout: 20_000 });
  await settled(app);
  expect(touchingNodes(await app.evaluate(() => window.atlasGraph!.nodeBoxes()))).toEqual([]);
});

test('the view re-fits when a side panel opens or widens, unless the person moved it', async ({ app }) => {
  await settled(app);
  await app.getByRole('button', { name: 'Collapse the side panel' }).click();
  await settled(app);
  await app.getByTestId('show-side').click();
  await allInView(app);
  await app.getByTestId('tab-charts').click();
  await allInView(app);
  const fitted = await zoomOf(app);
  const box = (await app.getByTestId('graph').boundingBox())!;
  await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await app.mouse.wheel(0, -300);
  await settled(app);
  const moved = await zoomOf(app);
  expect(moved).not.toBeCloseTo(fitted, 3);
  await app.getByRole('button', { name: 'Collapse the side panel' }).click();
  await app.waitForTimeout(500);
  expect(await zoomOf(app)).toBeCloseTo(moved, 5);
});

test('a theme switch in the preferences: system, light or dark, kept after a reload', async ({ app }) => {
  const background = () => app.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await background();
  await app.getByRole('button', { name: 'Preferences' }).click();
  const prefs = app.getByTestId('preferences');
  await prefs.getByRole('radio', { name: 'Dark' }).check();
  await expect.poll(background).not.toBe(light);
  const dark = await background();
  await app.reload();
  await drawn(app, 6, 6);
  expect(await background()).toBe(dark);
  await app.getByRole('button', { name: 'Preferences' }).click();
  await expect(prefs.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await prefs.getByRole('radio', { name: 'Same as the system' }).check();
  await expect.poll(background).toBe(light); // Playwright's page prefers light
  await app.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).toBe(dark);
});

test('"Clear all" clears the search box too, and says what it cleared', async ({ app }) => {
  const search = app.getByRole('combobox', { name: 'Search by name or acronym' });
  await search.fill('alpha');
  await check(app, 'regions', 'Africa');
  await check(app, 'sectors', 'Government');
  await drawn(app, 1, 0);
  await app.getByTestId('clear-filters').click();
  await drawn(app, 6, 6);
  await expect(search).toHaveValue('');
  await expect(app.getByTestId('cleared')).toHaveText('Cleared the region (Africa), the sector (Government) and the search “alpha”.');
});
