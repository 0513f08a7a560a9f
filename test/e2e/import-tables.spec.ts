// Importing tables as people make them, through the window: the mapping step for a node list whose
// columns are not called name, the sectors and countries its values become, a few bad rows to
// skip, nodes of one file that share a name, and what the window says once the import has landed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const fixture = (rel: string) => {
  const path = fileURLToPath(new URL(`../fixtures/${rel}`, import.meta.url));
  return { name: rel.split('/').pop()!, mimeType: rel.endsWith('.csv') ? 'text/csv' : 'application/xml', buffer: readFileSync(path) };
};

test('an ngo_id / english_name directory: its columns are mapped, its sectors and countries mapped by value, and what landed is shown alone', async ({
  app,
}) => {
  const graph = app.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await app.getByTestId('import-input').setInputFiles([fixture('csv/tables-as-people-make-them/ngo-directory.csv')]);
  const dialog = app.getByTestId('import-dialog');
  const columns = dialog.getByTestId('column-mapping');
  await expect(columns.getByLabel('Name column')).toHaveValue('english_name');
  await expect(columns.getByLabel('ID column')).toHaveValue('ngo_id');
  await expect(columns.getByLabel('Country column')).toHaveValue('pays');
  await expect(columns.getByLabel('Sector column')).toHaveValue('type of actor');

  // The sector column's values, each with the sector guessed for it; one is corrected.
  const sectors = dialog.getByTestId('sector-values');
  await expect(sectors.getByLabel('Sector for Companies')).toHaveValue('private_sector');
  await expect(sectors.getByLabel('Sector for NGO-CSO')).toHaveValue('civil_society');
  await expect(sectors.getByLabel('Sector for Universities and secondary schools')).toHaveValue('academia');
  await expect(sectors.getByLabel('Sector for Think tank')).toHaveValue('academia');
  await sectors.getByLabel('Sector for Think tank').selectOption('civil_society');
  await expect(sectors.getByLabel('Sector for Think tank')).toHaveValue('civil_society');

  // The countries the file writes in French are listed to map.
  const countries = dialog.getByTestId('country-values');
  await expect(countries.getByLabel('Country for Liban')).toHaveValue('');
  await countries.getByLabel('Country for Liban').selectOption('LB');
  await expect(countries.getByLabel('Country for Liban')).toHaveValue('LB');
  await expect(dialog.getByText('Unknown country "Liban"')).toBeHidden();
  await expect(dialog.getByText(/Unknown country "Maroc"/)).toBeVisible();

  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(graph).toHaveAttribute('data-node-count', '15');
  const landed = app.getByTestId('import-landed');
  await expect(landed).toContainText('Imported ngo-directory.csv: 8 organisations, 0 ties, 4 warnings.');
  await landed.getByRole('button', { name: 'Show just those' }).click();
  await expect(graph).toHaveAttribute('data-node-count', '8');

  const search = app.getByRole('combobox', { name: 'Search by name or acronym' });
  await search.fill('SMEX');
  await expect(app.getByTestId('search-results').getByRole('option').first()).toContainText(/SMEX\s*Organisation · Lebanon/);
});

test('a node list and an edge list picked together, its ends naming SPRVD_id: every tie lands, titled with both files', async ({ app }) => {
  const graph = app.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await app
    .getByTestId('import-input')
    .setInputFiles([
      fixture('csv/tables-as-people-make-them/supervisors/authorities.csv'),
      fixture('csv/tables-as-people-make-them/supervisors/cooperation.csv'),
    ]);
  const dialog = app.getByTestId('import-dialog');
  await expect(dialog.getByRole('heading', { name: 'Import authorities.csv + cooperation.csv' })).toBeVisible();
  const columns = dialog.getByTestId('column-mapping');
  await expect(columns.getByLabel('Edge ends name the nodes by column')).toHaveValue('SPRVD_id');
  await expect(dialog.getByTestId('import-plan').getByRole('row', { name: /Relations/ })).toContainText('7');
  // Said otherwise, the ends name no node: the plan says so before anything is written.
  await columns.getByLabel('Edge ends name the nodes by column').selectOption('Name');
  await expect(dialog.getByTestId('import-plan').getByRole('row', { name: /Relations/ })).toHaveCount(0);
  await columns.getByLabel('Edge ends name the nodes by column').selectOption('SPRVD_id');
  await expect(dialog.getByTestId('import-plan').getByRole('row', { name: /Relations/ })).toContainText('7');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(app.getByTestId('import-landed')).toContainText('Imported authorities.csv + cooperation.csv: 8 organisations, 7 ties');
  await expect(graph).toHaveAttribute('data-node-count', '15');
});

test('a few bad rows are listed with their lines, and skipped on request so the rest imports', async ({ app }) => {
  const graph = app.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await app.getByTestId('import-input').setInputFiles([fixture('csv/tables-as-people-make-them/members-with-repeats.csv')]);
  const dialog = app.getByTestId('import-dialog');
  const errors = dialog.getByTestId('bad-rows');
  await expect(errors).toContainText('3 rows cannot be imported as written');
  await expect(errors).toContainText('line 8: members-with-repeats.csv: node "M03" is listed again (first on line 4)');
  await expect(errors).toContainText("line 10: node 'M08': name: At most 300 characters");
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled();
  await errors.getByLabel('Skip the bad rows and import the rest').check();
  await expect(errors).toContainText('3 rows will be left out');
  await expect(dialog.getByText(/node "M03" is listed again \(first on line 4\); this row is skipped/)).toBeVisible();
  await expect(dialog.getByTestId('import-plan').getByRole('row', { name: /Organisations/ })).toContainText('11');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(graph).toHaveAttribute('data-node-count', '18');
  await expect(app.getByTestId('import-landed')).toContainText('11 organisations');
});

test('nodes of one file that share a name are listed, kept apart by default, merged when chosen', async ({ app }) => {
  const graph = app.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await app.getByTestId('import-input').setInputFiles([fixture('gexf/same-names-in-one-file.gexf')]);
  const dialog = app.getByTestId('import-dialog');
  const same = dialog.getByTestId('in-file-duplicates');
  await expect(same).toContainText('“Municipal” (US): 3 nodes');
  await expect(same.getByLabel(/Keep them apart/)).toBeChecked();
  const organisations = dialog.getByTestId('import-plan').getByRole('row', { name: /Organisations/ });
  await expect(organisations).toContainText('6');
  await same.getByLabel(/Merge each group/).check();
  await expect(dialog.getByText(/they are merged into one organisation/).first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  const landed = app.getByTestId('import-landed');
  await expect(landed).toContainText('Imported same-names-in-one-file.gexf:');
  const text = await landed.innerText();
  const count = Number(/: (\d+) organisations/.exec(text)![1]);
  expect(count).toBeLessThan(6);
  await expect(graph).toHaveAttribute('data-node-count', String(7 + count));
});
