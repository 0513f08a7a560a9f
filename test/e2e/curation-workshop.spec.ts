// Workshop and clean-up flows in Chromium: quick add from the keyboard alone (with the warning of a
// likely duplicate, the tie to the selected partnership, and the new node placed without moving
// the others), the duplicate finder and a merge undone, an import undone from the Edit menu, and a
// backup restored after the window said what it replaces.
import type { Page } from '@playwright/test';
import { api, expect, mod, test } from './fixtures';

async function nodePositions(page: Page, ids: string[]) {
  return page.evaluate((list) => Object.fromEntries(list.map((id) => [id, window.atlasGraph?.position(id) ?? null])), ids);
}

test('quick add from the keyboard alone: a warning of a likely duplicate, a tie to the selected partnership, nothing else moves', async ({
  app,
}) => {
  const graph = app.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await expect(graph).toHaveAttribute('data-layout', /.+/);
  await app.getByRole('button', { name: 'With partnerships and events' }).click();
  await expect(graph).toHaveAttribute('data-node-count', '12');
  const orgs = (await api<{ items: { id: string; name: string }[] }>(app, 'organisation.list', {})).items;
  const partnership = (await api<{ items: { id: string; name: string }[] }>(app, 'partnership.list', {})).items[0]!;
  // Wait for the layout to settle, then take note of where everything is.
  await app.waitForTimeout(1500);
  const before = await nodePositions(
    app,
    orgs.map((o) => o.id),
  );
  // Select the partnership (the keyboard way: search, Enter).
  await app.keyboard.press(`${mod}+f`);
  await app.keyboard.type(partnership.name.slice(0, 20));
  await expect(app.getByRole('option').first()).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText(partnership.name);
  await app.keyboard.press('Escape'); // leaves the search field; the selection stays
  await app.getByTestId('graph').focus();
  await app.keyboard.press('n');
  const quick = app.getByTestId('quick-add');
  await expect(quick).toBeVisible();
  await expect(quick.locator('#quick-name')).toBeFocused();
  // A name already in the network is named before anything is created.
  await app.keyboard.type('microsoft');
  await expect(quick.getByTestId('quick-likely')).toContainText('Microsoft');
  await expect(quick.getByTestId('quick-likely')).toContainText('the same name');
  await app.keyboard.press(`${mod}+a`);
  await app.keyboard.type('Ghana Computer Emergency Response Team');
  await app.keyboard.press('Tab');
  await app.keyboard.type('g'); // Government
  await app.keyboard.press('Tab');
  await app.keyboard.type('GH');
  await app.keyboard.press('Enter');
  await giveNameIfAsked(app);
  await expect(quick.getByTestId('quick-added')).toContainText('Ghana Computer Emergency Response Team');
  await expect(quick.locator('#quick-name')).toBeFocused();
  await expect(graph).toHaveAttribute('data-node-count', '13');
  // A second one straight after, the way a facilitator types them.
  await app.keyboard.type('Université Cheikh Anta Diop');
  await app.keyboard.press('Tab');
  await app.keyboard.type('a'); // Academia
  await app.keyboard.press('Tab');
  await app.keyboard.type('Senegal');
  await app.keyboard.press('Enter');
  // "Added" is said once the organisation and its tie are both written (the node is drawn before
  // the tie is: waiting for the count alone read the partnership too early).
  await expect(quick.getByTestId('quick-added')).toContainText('Université Cheikh Anta Diop');
  await expect(graph).toHaveAttribute('data-node-count', '14');
  await app.keyboard.press('Escape');
  await expect(quick).toBeHidden();
  const after = await nodePositions(
    app,
    orgs.map((o) => o.id),
  );
  expect(after).toEqual(before);
  // Both joined the selected partnership.
  const details = await api<{ connections: { name: string; role: string | null }[] }>(app, 'record.details', {
    type: 'partnership',
    id: partnership.id,
  });
  expect(details.connections.map((c) => c.name)).toEqual(
    expect.arrayContaining(['Ghana Computer Emergency Response Team', 'Université Cheikh Anta Diop']),
  );
  // Each is one undoable step (the organisation, then its membership).
  await app.getByTestId('graph').focus();
  for (let i = 0; i < 4; i++) await app.keyboard.press(`${mod}+z`);
  await expect(graph).toHaveAttribute('data-node-count', '12');
});

test('three in a row, typed faster than the engine writes: each is tied to the selected partnership and no keystroke is lost', async ({
  app,
}) => {
  const graph = app.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await api(app, 'preferences.set', { analystName: 'Facilitator' }); // (asked at the first edit otherwise)
  await app.reload();
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await app.getByRole('button', { name: 'With partnerships and events' }).click();
  await expect(graph).toHaveAttribute('data-node-count', '12');
  const partnership = (await api<{ items: { id: string; name: string }[] }>(app, 'partnership.list', {})).items[0]!;
  const members = async () =>
    (await api<{ connections: { name: string }[] }>(app, 'record.details', { type: 'partnership', id: partnership.id })).connections.map(
      (c) => c.name,
    );
  const already = await members();
  await app.keyboard.press(`${mod}+f`);
  await app.keyboard.type(partnership.name.slice(0, 20));
  await expect(app.getByRole('option').first()).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText(partnership.name);
  await app.keyboard.press('Escape');
  await app.getByTestId('graph').focus();
  // The ties are held back a while on their way to the engine (as on a busy laptop with a large
  // network), so the next names are typed while the last ones are still being written.
  await app.route('**/api/membership.create', async (route) => {
    await new Promise((done) => setTimeout(done, 700));
    await route.continue();
  });
  await app.keyboard.press('n');
  const quick = app.getByTestId('quick-add');
  await expect(quick.locator('#quick-name')).toBeFocused();
  const entries = [
    ['Кибер Альянс Казахстана', 'c', 'KZ'],
    ['Red Peruana contra el Cibercrimen', 'c', 'Peru'],
    ['网络安全应急中心', 'g', 'CN'],
  ] as const;
  for (const [name, sector, country] of entries) {
    await expect(quick.locator('#quick-name')).toHaveValue('');
    await app.keyboard.type(name);
    await app.keyboard.press('Tab');
    await app.keyboard.type(sector);
    await app.keyboard.press('Tab');
    await app.keyboard.press(`${mod}+a`);
    await app.keyboard.type(country);
    await app.keyboard.press('Enter');
  }
  // Taken at once, written in order.
  await expect(quick.getByTestId('quick-pending')).toBeVisible();
  for (const [name] of entries) await expect(quick.getByTestId('quick-added')).toContainText(name);
  await expect(quick.getByTestId('quick-pending')).toBeHidden();
  await expect(graph).toHaveAttribute('data-node-count', '15');
  expect((await members()).sort()).toEqual([...already, ...entries.map(([name]) => name)].sort());
  const orgs = (await api<{ items: { name: string; sector: string; country: string | null }[] }>(app, 'organisation.list', {})).items;
  expect(orgs.filter((o) => entries.some(([name]) => name === o.name)).map((o) => [o.name, o.sector, o.country])).toEqual(
    expect.arrayContaining([
      ['Кибер Альянс Казахстана', 'civil_society', 'KZ'],
      ['Red Peruana contra el Cibercrimen', 'civil_society', 'PE'],
      ['网络安全应急中心', 'government', 'CN'],
    ]),
  );
  // The partnership is still the one selected.
  await expect(app.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText(partnership.name);
});

test('the filter of organisations citing no source combines with the others and is kept by a saved view', async ({ app }) => {
  const graph = app.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  // Every fact of the seed network has its source; two organisations are added without one.
  await api(app, 'organisation.create', { name: 'Centre national de cybersécurité', sector: 'government', country: 'SN' });
  await api(app, 'organisation.create', { name: 'Instituto de Ciberseguridad', sector: 'academia', country: 'MX' });
  await app.reload();
  await expect(graph).toHaveAttribute('data-node-count', '9');
  const panel = app.getByTestId('filter-panel');
  await panel.getByText('Sources', { exact: true }).click();
  await app.getByTestId('filter-unsourced').check();
  await expect(graph).toHaveAttribute('data-node-count', '2');
  await panel
    .getByTestId('filter-sectors')
    .getByRole('checkbox', { name: /Government/ })
    .check();
  await expect(graph).toHaveAttribute('data-node-count', '1');
  await app.getByTestId('tab-views').click();
  await app.getByLabel('Save what you see now').fill('To source');
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByTestId('saved-view')).toHaveCount(1);
  await app.getByTestId('clear-filters').click();
  await expect(graph).toHaveAttribute('data-node-count', '9');
  await expect(app.getByTestId('cleared')).toContainText('the sources (citing none)');
  await expect(app.getByTestId('filter-unsourced')).not.toBeChecked();
  await app.getByRole('button', { name: 'To source' }).click();
  await expect(graph).toHaveAttribute('data-node-count', '1');
  await expect(app.getByTestId('filter-unsourced')).toBeChecked();
});

async function giveNameIfAsked(page: Page) {
  const ask = page.getByTestId('name-dialog');
  await expect(ask).toBeVisible();
  await page.keyboard.type('Facilitator');
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
}

test('the duplicate finder lists pairs with their reasons; a merge keeps the ties of both and one Ctrl+Z takes it back', async ({
  app,
}) => {
  const graph = app.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await api(app, 'preferences.set', { analystName: 'Reviewer' });
  const icc = (await api<{ items: { id: string; name: string }[] }>(app, 'organisation.list', { text: 'International Chamber' })).items[0]!;
  const dup = await api<{ id: string }>(app, 'organisation.create', {
    name: 'ICC',
    sector: 'private_sector',
    website: 'https://iccwbo.org',
    country: 'FR',
  });
  const csu = (await api<{ items: { id: string }[] }>(app, 'organisation.list', { text: 'Civil Society Unit' })).items[0]!;
  await api(app, 'relation.create', { sourceId: dup.id, targetId: csu.id, type: 'collaborates_with' });
  await app.reload();
  await expect(graph).toHaveAttribute('data-node-count', '8');
  await app.getByTestId('edit-menu').locator('summary').click();
  await app.getByTestId('menu-duplicates').click();
  const dialog = app.getByTestId('duplicates-dialog');
  const row = dialog.getByRole('row', { name: /ICC/ });
  await expect(row).toContainText('International Chamber of Commerce');
  await expect(row).toContainText('a name that is the other’s acronym');
  await row.getByRole('button', { name: 'Compare…' }).click();
  const merge = dialog.getByTestId('merge');
  await expect(merge).toContainText('iccwbo.org');
  await merge.getByTestId('merge-button').click();
  await expect(dialog.getByTestId('duplicates-count')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(graph).toHaveAttribute('data-node-count', '7');
  const kept = await api<{ relations: { other: { id: string } }[] }>(app, 'record.details', { type: 'organisation', id: icc.id }).catch(
    () => null,
  );
  const keptId = kept ? icc.id : dup.id;
  const details = await api<{ relations: { other: { id: string } }[]; record: { website: string | null } }>(app, 'record.details', {
    type: 'organisation',
    id: keptId,
  });
  expect(details.relations.map((r) => r.other.id)).toContain(csu.id);
  expect(details.record.website).toBe('https://iccwbo.org');
  const prov = await api<{ merges: { mergedName: string }[] }>(app, 'record.provenance', { type: 'organisation', id: keptId });
  expect(prov.merges).toHaveLength(1);
  await app.getByTestId('graph').focus();
  await app.keyboard.press(`${mod}+z`);
  await expect(graph).toHaveAttribute('data-node-count', '8');
  await expect(app.getByTestId('undo-toast')).toContainText('Undone: Merge');
  expect((await api<{ total: number }>(app, 'organisation.list', {})).total).toBe(8);
});

const GEXF = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">
<nodes><node id="a" label="Nairobi Cyber Hub"/><node id="b" label="Lagos Digital Rights Lab"/><node id="c" label="مركز تونس للأمن السيبراني"/></nodes>
<edges><edge id="e0" source="a" target="b"/><edge id="e1" source="b" target="c"/></edges>
</graph></gexf>`;

test('an import is undone from the Edit menu, and a backup restored after saying what it replaces', async ({ app }) => {
  const graph = app.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await api(app, 'preferences.set', { analystName: 'Reviewer' });
  await app.reload();
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await app.getByTestId('import-input').setInputFiles({ name: 'partners.gexf', mimeType: 'application/xml', buffer: Buffer.from(GEXF) });
  const importDialog = app.getByTestId('import-dialog');
  await importDialog.getByRole('button', { name: /^Import/ }).click();
  await expect(graph).toHaveAttribute('data-node-count', '10');
  await app.getByTestId('edit-menu').locator('summary').click();
  await app.getByTestId('menu-undo-import').click();
  const imports = app.getByTestId('imports-dialog');
  await imports.getByRole('listitem').filter({ hasText: 'partners.gexf' }).getByRole('button', { name: 'Undo this import' }).click();
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await expect(imports.getByRole('listitem').filter({ hasText: 'partners.gexf' })).toContainText('taken back');
  await imports.getByRole('button', { name: 'Close' }).click();
  // Ctrl+Z brings it back.
  await app.getByTestId('graph').focus();
  await app.keyboard.press(`${mod}+z`);
  await expect(graph).toHaveAttribute('data-node-count', '10');

  // The import was preceded by a backup; restore it.
  await app.getByTestId('edit-menu').locator('summary').click();
  await app.getByTestId('menu-backups').click();
  const backups = app.getByTestId('backups-dialog');
  const before = backups.getByTestId('backups').getByRole('listitem').filter({ hasText: 'before an import' });
  await expect(before).toContainText('7 organisations');
  await before.getByRole('button', { name: 'Restore…' }).click();
  const confirm = backups.getByTestId('restore-confirm');
  await expect(confirm).toContainText('It holds 7 organisations; the network has 10 now.');
  await expect(confirm).toContainText('will be gone');
  await confirm.getByTestId('restore-button').click();
  await expect(backups.getByTestId('backup-message')).toContainText('Restored the backup');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await expect(backups.getByTestId('backups')).toContainText('before a restore');
});
