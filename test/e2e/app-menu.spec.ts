// The app menu's Undo and Redo as the window receives them in Electron (electron/main/menu.ts sends
// them; test/main/main.test.ts checks that side against the electron double). Here the page gets a
// bridge shaped like the preload's: the contract over the browser mode's HTTP, and `onMenu`, which
// the test drives as the menu would. Outside a text field they undo and redo the network; in one,
// the text; and a menu echo of a key the page has just handled is not applied twice.
import { expect, test } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
    if (match) sessionStorage.setItem('atlas-token', match[1]!);
    const token = sessionStorage.getItem('atlas-token');
    const w = window as unknown as Record<string, unknown>;
    w.atlas = {
      calls: [],
      invoke: async (name: string, input: unknown) =>
        (
          await fetch(`/api/${name}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify(input ?? {}),
          })
        ).json(),
      onMenu: (listener: (command: string) => void) => (w.atlasMenu = listener),
    };
  });
});

test("the menu's Undo and Redo undo the network outside a text field, the text inside one, and never twice for one key", async ({
  app,
}) => {
  const graph = app.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  const menu = (command: 'undo' | 'redo') =>
    app.evaluate((c) => (window as unknown as { atlasMenu: (c: string) => void }).atlasMenu(c), command);
  // A change to the network, made through the same bridge.
  await app.evaluate(() =>
    (window as unknown as { atlas: { invoke: (n: string, i: unknown) => Promise<unknown> } }).atlas.invoke('organisation.create', {
      name: 'Kenya Cyber Resilience Hub',
      sector: 'civil_society',
      country: 'KE',
    }),
  );
  await app.reload();
  await expect(graph).toHaveAttribute('data-node-count', '8');

  await graph.focus();
  await menu('undo');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await expect(app.getByRole('status').filter({ hasText: 'Undone' })).toBeVisible();
  await menu('redo');
  await expect(graph).toHaveAttribute('data-node-count', '8');

  // In a text field, the menu's Undo is the field's: the text typed goes, the network stays.
  const search = app.getByRole('combobox', { name: 'Search by name or acronym' });
  await search.focus();
  await app.keyboard.type('Kenya');
  await menu('undo');
  await expect(search).toHaveValue('');
  await app.keyboard.press('Escape');
  await expect(graph).toHaveAttribute('data-node-count', '8');

  // Where the page saw the key and undid, the menu's echo of it is dropped.
  await graph.focus();
  await app.keyboard.press('Control+z');
  await menu('undo');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await app.waitForTimeout(800);
  await expect(graph).toHaveAttribute('data-node-count', '7');
});
