// The parts of the window loaded on first use (renderer/src/app/lazy.ts; issue 17, so that the
// open evaluates less in one task): each opens from where a person opens it, on the seed network,
// with no error in the page. The record forms and their shared schemas (the `fields` chunk) are
// not fetched at the open, only when a form is first asked for.
import { expect, test } from './fixtures';

const fetched = (page: import('@playwright/test').Page, part: RegExp) =>
  page.evaluate((source) => performance.getEntriesByType('resource').some((e) => new RegExp(source).test(e.name)), part.source);

test('every part loaded on first use opens: the forms, quick add, duplicates, records citing no source, backups, bulk edit, the tabs, export', async ({
  app,
}) => {
  const errors: string[] = [];
  app.on('pageerror', (e) => errors.push(e.message));
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', /^[1-9]\d*$/);
  expect(await fetched(app, /\/assets\/fields-[^/]*\.js$/), 'the forms’ schemas are not fetched at the open').toBe(false);

  const fromEditMenu = async (item: string, dialog: string) => {
    await app.getByTestId('edit-menu').locator('summary').click();
    await app.getByTestId(item).click();
    await expect(app.getByTestId(dialog)).toBeVisible();
    await app.keyboard.press('Escape');
    await expect(app.getByTestId(dialog)).toHaveCount(0);
  };
  await fromEditMenu('menu-new-organisation', 'form-organisation');
  expect(await fetched(app, /\/assets\/fields-[^/]*\.js$/)).toBe(true);
  await fromEditMenu('menu-quick-add', 'quick-add');
  await fromEditMenu('menu-duplicates', 'duplicates-dialog');
  await fromEditMenu('menu-unsourced', 'unsourced-dialog');
  await fromEditMenu('menu-backups', 'backups-dialog');

  // Bulk edit, in the table's tab.
  await app.getByTestId('tab-table').click();
  await expect(app.getByTestId('bulk-open')).toBeVisible();
  await app.getByTestId('bulk-open').click();
  await expect(app.getByTestId('bulk-edit')).toBeVisible();
  await app.keyboard.press('Escape');

  // The side panel's tabs but Details, and the export dialog (the import dialog opens on a file:
  // import-tables.spec.ts and interchange.spec.ts pick them).
  await app.getByTestId('tab-table').click();
  await expect(app.getByTestId('node-table')).toBeVisible();
  await app.getByTestId('tab-analysis').click();
  await expect(app.getByTestId('metrics-summary')).toBeVisible();
  await app.getByTestId('tab-charts').click();
  await expect(app.getByTestId('charts')).toBeVisible();
  await app.getByTestId('tab-views').click();
  await expect(app.getByTestId('saved-views')).toBeVisible();
  await app.getByRole('button', { name: 'Export…' }).click();
  await expect(app.getByTestId('export-dialog')).toBeVisible();

  expect(errors).toEqual([]);
});
