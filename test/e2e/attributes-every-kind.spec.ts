// Attributes on every kind of record, as an analyst meets them after opening a file this app wrote
// elsewhere (test/fixtures/gexf/atlas-attributes-every-kind.gexf): organisations, partnerships,
// events and relations each carry their own columns. Details show them all; the table shows any of
// them as a column and sorts it by its type; a type inferred wrongly is corrected in the window and
// the filter changes with it.
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, importedTest } from './fixtures';

/** A harness on a database holding only the imported fixture: 5 organisations, 3 partnerships, 3 events, 3 relations. */
const test = importedTest(fileURLToPath(new URL('../fixtures/gexf/atlas-attributes-every-kind.gexf', import.meta.url)));

/** Partnerships and events drawn as nodes beside the organisations. */
async function fullView(app: Page) {
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '5');
  await app.getByRole('button', { name: 'With partnerships and events' }).click();
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '11');
}

const table = (app: Page) => app.getByTestId('node-table');
const rowNamed = (app: Page, name: string) => table(app).getByRole('row').filter({ hasText: name });

/** The table's rows of one type, in the order shown: each row's name and the cell of the column `label`. */
async function column(app: Page, type: string, label: string): Promise<[string, string][]> {
  return table(app).evaluate(
    (grid, { type, label }) => {
      const heads = [...grid.querySelectorAll('[role=columnheader]')].map((h) => h.textContent?.replace(/[▲▼]/g, '').trim());
      const at = heads.indexOf(label);
      const rows = [...grid.querySelectorAll<HTMLElement>(`.nt-body [role=row][data-type="${type}"]`)];
      rows.sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')));
      return rows.map((r) => {
        const cells = [...r.querySelectorAll('[role=gridcell]')];
        return [cells[0]!.querySelector('.nt-name')?.textContent ?? '', cells[at]?.textContent ?? ''] as [string, string];
      });
    },
    { type, label },
  );
}

test('details show the attributes of an organisation, a partnership, an event and a relation', async ({ imported: app }) => {
  await fullView(app);
  await app.getByTestId('tab-table').click();
  const details = app.getByTestId('details');

  await rowNamed(app, 'Réseau francophone des CERT').click();
  await app.getByTestId('tab-details').click();
  await expect(details.locator('dt', { hasText: 'Funding' }).locator('+ dd')).toHaveText('9500');
  await expect(details.locator('dt', { hasText: 'Charter signed' }).locator('+ dd')).toHaveText('2015-06-30');
  await expect(details.locator('dt', { hasText: 'Secretariat' }).locator('+ dd')).toHaveText('Zürich');

  await app.getByTestId('tab-table').click();
  await rowNamed(app, 'Конференция по киберустойчивости').click();
  await app.getByTestId('tab-details').click();
  await expect(details.locator('dt', { hasText: 'Attendance' }).locator('+ dd')).toHaveText('1200');
  await expect(details.locator('dt', { hasText: 'Venue' }).locator('+ dd')).toHaveText('Экспоцентр');

  await app.getByTestId('tab-table').click();
  await rowNamed(app, 'Fundación Sadosky').click();
  await app.getByTestId('tab-details').click();
  await expect(details.locator('dt', { hasText: 'Actor type' }).locator('+ dd')).toHaveText('ngo');
  await expect(details.locator('dt', { hasText: 'Founded' }).locator('+ dd')).toHaveText('2011');
  // Its relation (it funds the Egyptian centre) with the relation's own attributes.
  const relation = details.getByTestId('relation').filter({ hasText: 'مركز الأمن السيبراني' });
  await expect(relation.getByTestId('relation-attributes')).toHaveText(' · Channel: grant · Strength: 0.5');
});

test('the table shows attributes of partnerships and events as columns, sorted by their type', async ({ imported: app }) => {
  await fullView(app);
  await app.getByTestId('tab-table').click();
  const chooser = app.getByTestId('table-columns');
  await chooser.locator('summary').click();
  await expect(chooser.getByTestId('table-column-funding')).toContainText('funding (number, partnerships)');
  await expect(chooser.getByTestId('table-column-venue')).toContainText('venue (text, events)');
  for (const name of ['funding', 'charter signed', 'secretariat', 'attendance']) await chooser.getByTestId(`table-column-${name}`).click();
  await expect(table(app).getByRole('columnheader', { name: 'funding' })).toBeVisible();

  // Numbers by value (9,500 before 120,000 before 2,000,000), not as text; largest first on the first click.
  await table(app).getByRole('columnheader', { name: 'funding' }).getByRole('button').click();
  await expect
    .poll(() => column(app, 'partnership', 'funding'))
    .toEqual([
      ['亚太计算机应急响应组', '2000000'],
      ['Alianza latinoamericana contra el fraude', '120000'],
      ['Réseau francophone des CERT', '9500'],
    ]);
  await table(app).getByRole('columnheader', { name: 'funding' }).getByRole('button').click();
  await expect.poll(async () => (await column(app, 'partnership', 'funding')).map(([, v]) => v)).toEqual(['9500', '120000', '2000000']);

  // Dates in time, a month-only date among full ones.
  await table(app).getByRole('columnheader', { name: 'charter signed' }).getByRole('button').click();
  await expect
    .poll(async () => (await column(app, 'partnership', 'charter signed')).map(([, v]) => v))
    .toEqual(['2009-02', '2015-06-30', '2021-11-05']);

  // Text with case and accents folded: berlin, Édimbourg, Zürich.
  await table(app).getByRole('columnheader', { name: 'secretariat' }).getByRole('button').click();
  await expect
    .poll(async () => (await column(app, 'partnership', 'secretariat')).map(([, v]) => v))
    .toEqual(['berlin', 'Édimbourg', 'Zürich']);

  // An event attribute beside the partnerships', organisations without either last.
  await table(app).getByRole('columnheader', { name: 'attendance' }).getByRole('button').click();
  await expect.poll(async () => (await column(app, 'event', 'attendance')).map(([, v]) => v)).toEqual(['1200', '85', '7']);
  await expect.poll(async () => (await column(app, 'organisation', 'attendance')).map(([, v]) => v)).toEqual(['', '', '', '', '']);
});

test('a type inferred wrongly is corrected in the window, and the filter turns from values to a range', async ({ imported: app }) => {
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '5');
  const panel = app.getByTestId('filter-panel');
  // "joined" holds 2019-03-01, 2021-07, 2016-10-12 and a bare 2004: read as text on import.
  await panel.getByTestId('add-attribute-filter').selectOption({ label: 'joined (text, 4)' });
  const block = panel.getByTestId('attr-filter-joined');
  await expect(block.getByTestId('attr-value-joined-2004')).toBeVisible();
  await expect(block.getByTestId('attr-min-joined')).toHaveCount(0);

  await block.getByTestId('attr-type-joined').selectOption('date');
  await expect(block.getByTestId('attr-min-joined')).toBeVisible();
  await expect(block.getByTestId('attr-value-joined-2004')).toHaveCount(0);
  await expect(block).toContainText('4 with a value, from 2004 to 2021-07');
  await expect(block.getByTestId('attr-type-joined')).toHaveAttribute('title', 'Corrected by hand (inferred: text)');

  // Joined in 2017 or later: НКЦКИ (2021-07) and ANSSI (2019-03-01).
  await block.getByTestId('attr-min-joined').fill('2017');
  await block.getByTestId('attr-min-joined').press('Enter');
  await app.getByTestId('tab-table').click();
  await expect
    .poll(async () => (await column(app, 'organisation', 'Name')).map(([n]) => n).sort())
    .toEqual([
      'Agence nationale de la sécurité des systèmes d’information',
      'Национальный координационный центр по компьютерным инцидентам',
    ]);

  // The correction is kept by the database (and the filter by the window): a reload shows both, and
  // putting the type back restores the ticks.
  await app.reload();
  await expect(block.getByTestId('attr-type-joined')).toHaveValue('date');
  await expect(block.getByTestId('attr-min-joined')).toHaveValue('2017');
  await panel.getByRole('button', { name: 'Stop filtering on joined' }).click();
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '5');
  await panel.getByTestId('add-attribute-filter').selectOption({ label: 'joined (date, 4)' });
  await block.getByTestId('attr-type-joined').selectOption('text');
  await expect(block.getByTestId('attr-value-joined-2004')).toBeVisible();
});
