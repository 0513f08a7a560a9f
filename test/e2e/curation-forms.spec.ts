// The curation forms in Chromium, through the browser mode on a real database: every validation
// error beside its field, creating and editing each record type, members with roles, citing a new
// source while editing, delete with what goes with it, undo and redo of each (Ctrl/Cmd+Z,
// Ctrl/Cmd+Shift+Z), and undo across a restart of the server on the same file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startWebServer } from '../../electron/web/server';
import { clickNode, expect, mod, test } from './fixtures';

async function menu(page: Page, item: string) {
  await page.getByTestId('edit-menu').locator('summary').click();
  await page.getByTestId(item).click();
}

/** The first change asks the analyst's name once. */
async function giveName(page: Page, name = 'Amina Diallo') {
  const ask = page.getByTestId('name-dialog');
  await expect(ask).toBeVisible();
  await ask.getByTestId('analyst-name').fill(name);
  await ask.getByTestId('analyst-save').click();
}

const field = (page: Page, type: string, key: string) => page.getByTestId(`field-${type}-${key}`);
const error = (page: Page, type: string, key: string) => page.getByTestId(`field-${type}-${key}-error`);

test('the organisation form shows each validation error beside its field, then adds, and undo and redo take it back and bring it again', async ({
  app,
}) => {
  const graph = app.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await menu(app, 'menu-new-organisation');
  const form = app.getByTestId('form-organisation');
  await form.getByTestId('form-save').click();
  await expect(error(app, 'organisation', 'name')).toHaveText('A name is required');
  await expect(error(app, 'organisation', 'sector')).toHaveText('This is required');
  await field(app, 'organisation', 'name').fill('Ghana Cyber Security Authority');
  await field(app, 'organisation', 'sector').selectOption('government');
  await field(app, 'organisation', 'country').fill('Ghanaland');
  await field(app, 'organisation', 'website').fill('csa.gov.gh');
  await field(app, 'organisation', 'acronym').fill('X'.repeat(61));
  await form.getByTestId('form-save').click();
  await expect(error(app, 'organisation', 'name')).toHaveCount(0);
  await expect(error(app, 'organisation', 'country')).toContainText('No country is called “Ghanaland”');
  await expect(error(app, 'organisation', 'website')).toHaveText('A website starts with http:// or https://');
  await expect(error(app, 'organisation', 'acronym')).toHaveText('At most 60 characters');
  await expect(field(app, 'organisation', 'acronym')).toBeFocused();
  await field(app, 'organisation', 'acronym').fill('CSA');
  await field(app, 'organisation', 'website').fill('https://csa.gov.gh');
  // A country by name or by code, offered as the name is typed.
  await field(app, 'organisation', 'country').fill('ghana');
  await form.getByTestId('form-save').click();
  await giveName(app);
  await expect(form).toBeHidden();
  await expect(graph).toHaveAttribute('data-node-count', '8');
  await expect(app.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText('Ghana Cyber Security Authority (CSA)');
  await expect(app.getByTestId('details')).toContainText('Ghana');
  await expect(app.getByTestId('created-by')).toContainText('Added by Amina Diallo');

  await app.getByTestId('graph').focus();
  await app.keyboard.press(`${mod}+z`);
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await expect(app.getByTestId('undo-toast')).toContainText('Undone: Add organisation ‘Ghana Cyber Security Authority’');
  await app.keyboard.press(`${mod}+Shift+z`);
  await expect(graph).toHaveAttribute('data-node-count', '8');
  await expect(app.getByTestId('undo-toast')).toContainText('Redone');
});

test('editing, history with an earlier value put back, and delete with what goes with it', async ({ app }) => {
  const graph = app.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  const id = await app.evaluate(async () => {
    const r = await fetch('/api/organisation.list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('atlas-token')}` },
      body: JSON.stringify({ text: 'Microsoft' }),
    });
    return ((await r.json()) as { value: { items: { id: string }[] } }).value.items[0]!.id;
  });
  await clickNode(app, id);
  await app.getByTestId('edit-record').click();
  const form = app.getByTestId('form-organisation');
  await field(app, 'organisation', 'city').fill('Redmond');
  await field(app, 'organisation', 'tags').fill('private sector, cloud');
  await form.getByTestId('form-save').click();
  await giveName(app, 'Li Wei');
  await expect(form).toBeHidden();
  await expect(app.getByTestId('details')).toContainText('Redmond');
  await expect(app.getByTestId('details')).toContainText('cloud');
  const history = app.getByTestId('history');
  await history.locator('summary').click();
  await expect(history).toContainText('Li Wei');
  await expect(history).toContainText('City: — → Redmond');
  await history.getByTestId('restore-city').first().click();
  await expect(app.getByTestId('details').locator('dl.fields')).not.toContainText('Redmond');
  await expect(history).toContainText('City: Redmond → —');

  // Delete says what goes with it, and asks.
  await app.getByTestId('edit-record').click();
  await form.getByTestId('form-delete').click();
  const impact = form.getByTestId('delete-impact');
  await expect(impact).toContainText('With it go');
  await expect(impact).toContainText('participation');
  await expect(impact).toContainText('citation');
  await impact.getByText('Keep it').click();
  await expect(impact).toBeHidden();
  await form.getByTestId('form-delete').click();
  await form.getByTestId('confirm-delete').click();
  await expect(form).toBeHidden();
  await expect(graph).toHaveAttribute('data-node-count', '6');
  await app.keyboard.press(`${mod}+z`);
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await clickNode(app, id);
  await expect(app.getByTestId('details')).toContainText('Organiser');
});

test("what is typed into a new record's form while it loads stays there", async ({ app }) => {
  // The country list is held back on its way (as on a busy laptop), so the event is typed into
  // before the form has what it loads: its name and kind used to be emptied when the list came.
  await app.route('**/api/country.list', async (route) => {
    await new Promise((done) => setTimeout(done, 800));
    await route.continue();
  });
  await menu(app, 'menu-new-event');
  await field(app, 'event', 'name').fill('Consulta regional sobre ciberdelincuencia, Lima');
  await field(app, 'event', 'kind').selectOption('consultation');
  // The list has come once the country field offers countries.
  await expect(app.locator('#country-options option').first()).toBeAttached({ timeout: 10_000 });
  await expect(field(app, 'event', 'name')).toHaveValue('Consulta regional sobre ciberdelincuencia, Lima');
  await expect(field(app, 'event', 'kind')).toHaveValue('consultation');
});

test('partnerships and events with members, participants and roles, relations and sources, each validated', async ({ app }) => {
  const graph = app.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await menu(app, 'menu-new-partnership');
  const p = app.getByTestId('form-partnership');
  await field(app, 'partnership', 'name').fill('West Africa Cyber Response Network');
  await p.getByTestId('form-save').click();
  await expect(error(app, 'partnership', 'kind')).toHaveText('This is required');
  await field(app, 'partnership', 'kind').selectOption('network');
  await field(app, 'partnership', 'startDate').fill('2023-13');
  await field(app, 'partnership', 'endDate').fill('21/01/2024');
  await p.getByTestId('form-save').click();
  await expect(error(app, 'partnership', 'startDate')).toHaveText('This date does not exist');
  await expect(error(app, 'partnership', 'endDate')).toHaveText('Dates are written YYYY, YYYY-MM or YYYY-MM-DD');
  await field(app, 'partnership', 'startDate').fill('2024');
  await field(app, 'partnership', 'endDate').fill('2023-06');
  await p.getByTestId('form-save').click();
  await giveName(app);
  // The engine's own rule, shown beside the field it names.
  await expect(error(app, 'partnership', 'endDate')).toHaveText('The end date 2023-06 is before the start date 2024');
  await field(app, 'partnership', 'endDate').fill('');
  await p.getByTestId('form-save').click();
  await expect(p.getByTestId('form-message')).toContainText('Partnership added');
  // Members and their roles.
  await p.getByTestId('add-membership').fill('Micro');
  await p.getByRole('option', { name: /Microsoft/ }).click();
  await p.getByTestId('add-membership-role').selectOption('funder');
  await p.getByTestId('add-membership-button').click();
  await expect(p.getByTestId('links')).toContainText('Microsoft');
  // Keyboard only: the first match is taken with Enter.
  await p.getByTestId('add-membership').fill('CyberPeace');
  await expect(p.getByRole('option', { name: /CyberPeace/ })).toBeVisible();
  await p.getByTestId('add-membership').press('Enter');
  await p.getByTestId('add-membership-button').click();
  await expect(p.getByTestId('links').getByRole('listitem')).toHaveCount(2);
  await p.getByLabel('Role of Microsoft').selectOption('lead');
  // A new source, cited while editing.
  await p.getByTestId('cite-source').selectOption('new');
  await p.getByTestId('new-source-title').fill('Network charter, 2024');
  await p.getByTestId('cite-button').click();
  await expect(p.getByTestId('form-sources')).toContainText('Network charter, 2024');
  await p.getByRole('button', { name: 'Done' }).click();
  await app.getByRole('button', { name: 'With partnerships and events' }).click();
  await expect(graph).toHaveAttribute('data-node-count', '13');

  // An event with a participant, its count validated.
  await menu(app, 'menu-new-event');
  const ev = app.getByTestId('form-event');
  await field(app, 'event', 'name').fill('Atelier de Dakar sur la cybercriminalité');
  await field(app, 'event', 'kind').selectOption('workshop');
  await field(app, 'event', 'participantCount').fill('about 40');
  await field(app, 'event', 'country').fill('SN');
  await ev.getByTestId('form-save').click();
  await expect(error(app, 'event', 'participantCount')).toHaveText('A whole number, such as 50');
  await field(app, 'event', 'participantCount').fill('40');
  await ev.getByTestId('form-save').click();
  await ev.getByTestId('add-participation').fill('Microsoft');
  await ev.getByRole('option', { name: /Microsoft/ }).click();
  await ev.getByTestId('add-participation-role').selectOption('speaker');
  await ev.getByTestId('add-participation-button').click();
  await expect(ev.getByTestId('links')).toContainText('Microsoft');
  await ev.getByRole('button', { name: 'Done' }).click();
  await expect(graph).toHaveAttribute('data-node-count', '14');

  // A relation: both ends required and different.
  await menu(app, 'menu-new-relation');
  const rel = app.getByTestId('form-relation');
  await rel.getByTestId('form-save').click();
  await expect(error(app, 'relation', 'sourceId')).toBeVisible();
  await expect(error(app, 'relation', 'type')).toHaveText('This is required');
  await field(app, 'relation', 'sourceId').fill('Microsoft');
  await rel.getByRole('option', { name: /Microsoft/ }).click();
  await field(app, 'relation', 'targetId').fill('Microsoft');
  await rel.getByRole('option', { name: /Microsoft/ }).click();
  await field(app, 'relation', 'type').selectOption('funds');
  await rel.getByTestId('form-save').click();
  await expect(error(app, 'relation', 'targetId')).toHaveText('A relation joins two different organisations');
  await field(app, 'relation', 'targetId').fill('CyberPeace');
  await rel.getByRole('option', { name: /CyberPeace/ }).click();
  await rel.getByTestId('form-save').click();
  await expect(rel).toBeHidden();

  // A source on its own: a title is required, a web address checked.
  await menu(app, 'menu-new-source');
  const src = app.getByTestId('form-source');
  await field(app, 'source', 'url').fill('ftp://example.org');
  await src.getByTestId('form-save').click();
  await expect(error(app, 'source', 'title')).toHaveText('A title is required');
  await expect(error(app, 'source', 'url')).toHaveText('A website starts with http:// or https://');
  await field(app, 'source', 'title').fill('Rapport annuel 2024');
  await field(app, 'source', 'url').fill('https://example.org/rapport');
  await src.getByTestId('form-save').click();
  await expect(src).toBeHidden();

  // Undo walks back through each, in order; the Edit menu says what comes next.
  await app.getByTestId('edit-menu').locator('summary').click();
  await expect(app.getByTestId('menu-undo')).toContainText('Undo: Add source ‘Rapport annuel 2024’');
  await app.getByTestId('edit-menu').locator('summary').click();
  await app.getByTestId('graph').focus();
  await app.keyboard.press(`${mod}+z`); // the source
  await app.keyboard.press(`${mod}+z`); // the relation
  await expect(app.getByTestId('undo-toast')).toContainText('relation ‘Microsoft’ → ‘CyberPeace Institute’');
  await app.keyboard.press(`${mod}+z`); // the participation
  await app.keyboard.press(`${mod}+z`); // the event
  await expect(graph).toHaveAttribute('data-node-count', '13');
});

test('undo reaches changes made before a restart of the server on the same database', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-restart-'));
  const dbPath = join(dir, 'atlas.sqlite');
  try {
    let server = await startWebServer({ dbPath });
    let page = await browser.newPage();
    await page.goto(server.url);
    await expect(page.getByTestId('graph')).toHaveAttribute('data-node-count', '7');
    await menu(page, 'menu-new-organisation');
    await field(page, 'organisation', 'name').fill('Кибер-центр Казахстана');
    await field(page, 'organisation', 'sector').selectOption('government');
    await field(page, 'organisation', 'country').fill('Kazakhstan');
    await page.getByTestId('form-save').click();
    await giveName(page);
    await expect(page.getByTestId('graph')).toHaveAttribute('data-node-count', '8');
    await page.close();
    await server.close();

    server = await startWebServer({ dbPath });
    page = await browser.newPage();
    await page.goto(server.url);
    await expect(page.getByTestId('graph')).toHaveAttribute('data-node-count', '8');
    await page.getByTestId('graph').focus();
    await page.keyboard.press(`${mod}+z`);
    await expect(page.getByTestId('graph')).toHaveAttribute('data-node-count', '7');
    await expect(page.getByTestId('undo-toast')).toContainText('Кибер-центр Казахстана');
    await page.keyboard.press(`${mod}+Shift+z`);
    await expect(page.getByTestId('graph')).toHaveAttribute('data-node-count', '8');
    await page.close();
    await server.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
