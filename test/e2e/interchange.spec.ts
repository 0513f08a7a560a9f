// Import and export through the window, as an analyst would: pick files, read the preview, import,
// see the new organisations drawn; export the view and a picture of it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clickNode, expect, syntheticSnapshot, test } from './fixtures';

const nodesCsv = [
  'Name;Country;Sector;Focus',
  'Accra Cyber Response Team;Ghana;government;incident response',
  'Lagos Digital Rights Hub;NGA;civil society;rights',
  'Nairobi Security Lab;Kenya;university;research',
].join('\n');
const edgesCsv = [
  'source;target;type',
  'Accra Cyber Response Team;Lagos Digital Rights Hub;collaborates_with',
  'Lagos Digital Rights Hub;Nairobi Security Lab;collaborates_with',
].join('\n');

test('import a CSV node and edge list through the preview and see it drawn', async ({ app }) => {
  const graph = app.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await app.getByTestId('import-input').setInputFiles([
    { name: 'nodes.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${nodesCsv}`) },
    { name: 'edges.csv', mimeType: 'text/csv', buffer: Buffer.from(edgesCsv) },
  ]);
  const dialog = app.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  const plan = dialog.getByTestId('import-plan');
  await expect(plan).toContainText('Organisations');
  await expect(plan.getByRole('row', { name: /Organisations/ })).toContainText('3');
  await expect(plan.getByRole('row', { name: /Relations/ })).toContainText('2');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(graph).toHaveAttribute('data-node-count', '10');
  await expect(graph).toHaveAttribute('data-edge-count', '10');
  await expect(app.getByTestId('counts')).toHaveText('10 of 10 organisations · 10 of 10 ties');
});

test('import a Gephi file: its organisations are drawn, the largest labelled at a readable size, and its own layout is offered', async ({
  app,
}) => {
  const graph = app.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  // A Gephi 0.10 export of 80 organisations named in Arabic, Chinese, Russian, French, Spanish and English.
  const file = fileURLToPath(new URL('../fixtures/gexf/gephi-0.10-stakeholders.gexf', import.meta.url));
  await app
    .getByTestId('import-input')
    .setInputFiles([{ name: 'gephi-0.10-stakeholders.gexf', mimeType: 'application/xml', buffer: readFileSync(file) }]);
  const dialog = app.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-plan').getByRole('row', { name: /Organisations/ })).toContainText('80');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(graph).toHaveAttribute('data-node-count', '87');
  // Fitted, 87 nodes need a zoom well under 1; their labels are scaled to stay 11 px on screen,
  // and only as many as the screen has room for are shown.
  const sizes = () => app.evaluate(() => window.atlasGraph!.labelled().map((id) => window.atlasGraph!.labelPx(id)));
  // Labels are rescaled once the view settles (the layout may still be fitting it), so poll.
  const readable = async () => {
    const px = await sizes();
    return px.length > 10 && px.length < 87 && px.every((p) => Math.abs(p - 11) < 0.5);
  };
  await expect.poll(readable).toBe(true);
  await app.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(readable).toBe(true);

  // The file's own layout is offered; taken, Kestrel Threat Intelligence Lab stands where the file put it.
  const banner = app.getByTestId('imported-layout');
  await expect(banner).toContainText('gephi-0.10-stakeholders.gexf came with its own layout');
  await banner.getByRole('button', { name: 'Use it' }).click();
  await expect(banner).toBeHidden();
  await expect(graph).toHaveAttribute('data-layout', 'preset');
  const search = app.getByRole('combobox', { name: 'Search by name or acronym' });
  await search.fill('Kestrel');
  await expect(app.getByTestId('search-results').getByRole('option').first()).toContainText('Kestrel Threat Intelligence Lab');
  await search.press('Enter');
  await expect.poll(() => app.evaluate(() => window.atlasGraph!.selected().length)).toBe(1);
  const kestrel = await app.evaluate(() => window.atlasGraph!.selected()[0]!);
  const at = await app.evaluate((id) => window.atlasGraph!.position(id), kestrel);
  expect(at!.x).toBeCloseTo(-429.69447, 2);
  expect(Math.abs(at!.y)).toBeCloseTo(248.76325, 2);
});

test('a file with errors is refused in the preview and nothing changes', async ({ app }) => {
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', /^[1-9]\d*$/);
  const before = await app.getByTestId('graph').getAttribute('data-node-count');
  await app
    .getByTestId('import-input')
    .setInputFiles([{ name: 'broken.gexf', mimeType: 'application/xml', buffer: Buffer.from('<gexf><graph><nodes><node id="1"') }]);
  const dialog = app.getByTestId('import-dialog');
  await expect(dialog.getByRole('alert')).toContainText('refused');
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', before!);
});

test('export the network as GEXF and as a PNG that is not blank', async ({ app }) => {
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', /^[1-9]\d*$/);
  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByTestId('export-dialog');
  const gexfDownload = app.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const gexf = await gexfDownload;
  expect(gexf.suggestedFilename()).toMatch(/\.gexf$/);
  const text = readFileSync((await gexf.path())!, 'utf8');
  expect(text).toContain('<gexf');
  expect(text).toContain('UNODC Civil Society Unit');
  await expect(dialog.getByTestId('export-message')).toContainText('Exported');

  await dialog.getByLabel('Format').selectOption('png');
  await dialog.getByLabel('Resolution').selectOption('4');
  const pngDownload = app.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const png = readFileSync((await (await pngDownload).path())!);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  // Decode it in the page and count distinct colours: a blank image has one.
  const colours = await app.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return { width: img.width, height: img.height, distinct: seen.size };
  }, png.toString('base64'));
  expect(colours.width).toBeGreaterThan(1000);
  expect(colours.distinct).toBeGreaterThan(5);
  // The dialog said about how large the picture would be (Cytoscape rounds its bounds its own way).
  const [width, height] = (await dialog.getByTestId('png-size').innerText()).replace(/,/g, '').match(/\d+/g)!.map(Number);
  expect(Math.abs(width! - colours.width) / colours.width).toBeLessThan(0.01);
  expect(Math.abs(height! - colours.height) / colours.height).toBeLessThan(0.01);
});

test('export the selected organisation with its ties as a snapshot', async ({ app }) => {
  const seed = JSON.parse(readFileSync('resources/seed/seed.json', 'utf8')) as { organisations: { id: string; acronym: string | null }[] };
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', /^[1-9]\d*$/);
  await clickNode(app, seed.organisations.find((o) => o.acronym === 'CSU')!.id);
  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByTestId('export-dialog');
  await dialog.getByLabel('Format').selectOption('snapshot');
  await dialog.getByLabel(/selected organisation/).check();
  const download = app.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = readFileSync((await (await download).path())!);
  expect(file.subarray(0, 15).toString()).toBe('SQLite format 3');
  await expect(dialog.getByTestId('export-message')).toContainText('Exported 6 organisations');
});

test('the column mapping step: say which column is the sector before importing', async ({ app }) => {
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '7');
  const nodes = 'Organisation,Nation,Field\nCape Town Cyber Lab,South Africa,academia\nDakar Data Forum,Senegal,academia\n';
  await app.getByTestId('import-input').setInputFiles([{ name: 'partners.csv', mimeType: 'text/csv', buffer: Buffer.from(nodes) }]);
  const dialog = app.getByTestId('import-dialog');
  const columns = dialog.getByTestId('column-mapping');
  await expect(columns.getByLabel('Name column')).toHaveValue('Organisation');
  await expect(columns.getByLabel('Country column')).toHaveValue('Nation');
  await expect(columns.getByLabel('Sector column')).toHaveValue('');
  await expect(dialog.getByText(/no recognised sector/)).toBeVisible();
  await columns.getByLabel('Sector column').selectOption('Field');
  await expect(dialog.getByText(/no recognised sector/)).toBeHidden();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '9');
  await expect(app.getByRole('region', { name: 'Legend' })).toContainText('Academia');
});

test('an import shows how far it has got, and cancelling it leaves the network as it was', async ({ app }) => {
  test.setTimeout(120_000); // staging and previewing take a while on a busy 2-core machine
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '7');
  // A node and edge list large enough that its import takes several seconds. A pair of CSV files
  // is read again by the run (a single file's run would carry out its preview's plan at once).
  const nodes = ['id,name,sector,country', ...Array.from({ length: 40_000 }, (_, i) => `n${i},Organisation ${i},academia,KE`)].join('\n');
  const edges = [
    'source,target,weight',
    ...Array.from({ length: 160_000 }, (_, i) => `n${i % 40_000},n${(i * 7 + 1 + Math.floor(i / 40_000)) % 40_000},${1 + (i % 5)}`),
  ].join('\n');
  await app.getByTestId('import-input').setInputFiles([
    { name: 'nodes.csv', mimeType: 'text/csv', buffer: Buffer.from(nodes) },
    { name: 'edges.csv', mimeType: 'text/csv', buffer: Buffer.from(edges) },
  ]);
  const dialog = app.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-plan')).toBeVisible({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('progressbar')).toBeVisible();
  // A determinate bar with a percentage once the engine counts records.
  const progress = dialog.getByTestId('import-progress');
  await expect(progress).toHaveAttribute('data-phase', /checking|writing/, { timeout: 20_000 });
  await expect(progress).toContainText(/(Checking|Writing) records: [\d,]+ of [\d,]+ \(\d+%\)/);
  await dialog.getByTestId('import-cancel').click();
  await expect(dialog.getByRole('alert')).toContainText('Cancelled', { timeout: 30_000 });
  // The plan is still there, to import after all or to close.
  await expect(dialog.getByTestId('import-plan')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeEnabled();
  await dialog.getByTestId('import-cancel').click();
  await app.getByRole('button', { name: 'With partnerships and events' }).click();
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '12', { timeout: 20_000 });
  // The full view's header counts its partnerships and events too (issue 18).
  await expect(app.getByTestId('counts')).toHaveText('7 of 7 organisations · 1 of 1 partnership · 4 of 4 events · 8 of 8 ties');
});

test('a snapshot from another laptop is shown read-only, then imported from the banner', async ({ app }) => {
  await expect(app.getByTestId('counts')).toHaveText('7 of 7 organisations · 8 of 8 ties');
  const snapshot = await syntheticSnapshot(30, 'workshop.atlas', 3);
  await app.getByTestId('import-input').setInputFiles([snapshot]);
  const dialog = app.getByTestId('import-dialog');
  await dialog.getByTestId('snapshot-show').click();
  const banner = app.getByTestId('snapshot-banner');
  await expect(banner).toContainText('Showing the snapshot workshop.atlas, read-only');
  await expect(app.getByTestId('counts')).toContainText('30 of 30 organisations');
  await banner.getByRole('button', { name: 'Back to my network' }).click();
  await expect(banner).toBeHidden();
  await expect(app.getByTestId('counts')).toHaveText('7 of 7 organisations · 8 of 8 ties');
  // Shown again, then merged from the banner: the network now holds both.
  await app.getByTestId('import-input').setInputFiles([snapshot]);
  await dialog.getByTestId('snapshot-show').click();
  await banner.getByRole('button', { name: 'Import it into my network' }).click();
  await expect(banner).toBeHidden();
  await expect(app.getByTestId('counts')).toContainText('37 of 37 organisations');
});
