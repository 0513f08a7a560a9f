// The whole chain in Chromium: browser mode → engine worker → SQLite → renderer → Cytoscape.
import { readFileSync } from 'node:fs';
import { clickNode, expect, test } from './fixtures';

const seed = JSON.parse(readFileSync('resources/seed/seed.json', 'utf8')) as {
  organisations: { id: string; name: string; acronym: string | null }[];
};
const csu = seed.organisations.find((o) => o.acronym === 'CSU')!;
const microsoft = seed.organisations.find((o) => o.name === 'Microsoft')!;

test('the seed network is drawn on first start', async ({ app }) => {
  const graph = app.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-node-count', '7');
  await expect(graph).toHaveAttribute('data-edge-count', '8');
  await expect(app.getByTestId('counts')).toHaveText('7 of 7 organisations · 8 of 8 ties');
  await expect(app.getByRole('region', { name: 'Legend' })).toContainText('Civil society');
  // The URL no longer shows the token once the page holds it.
  expect(new URL(app.url()).hash).toBe('');
});

test('clicking an organisation shows its details and sources', async ({ app }) => {
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '7');
  await clickNode(app, csu.id);
  const details = app.getByTestId('details');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('UNODC Civil Society Unit (CSU)');
  await expect(details).toContainText('Intergovernmental');
  await expect(details).toContainText('Cybercrime Stakeholder Engagement Initiative');
  await expect(details).toContainText('Lead');
  const sources = app.getByTestId('sources');
  await expect(sources).toContainText('United Nations Office on Drugs and Crime, Civil Society Unit');
  await expect(sources).toContainText('unodc-csu-cybercrime-stakeholder-engagement.txt');

  await clickNode(app, microsoft.id);
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('Microsoft');
  await expect(details).toContainText('Private sector');
  await expect(details).toContainText('Organiser');
  await expect(sources).toContainText('in close partnership with the International Chamber of Commerce');
});

test('the full view adds partnerships and events', async ({ app }) => {
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '7');
  await app.getByRole('button', { name: 'With partnerships and events' }).click();
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '12');
  await expect(app.getByTestId('graph')).toHaveAttribute('data-edge-count', '9');
  await app.getByRole('button', { name: 'Organisations' }).click();
  await expect(app.getByTestId('graph')).toHaveAttribute('data-node-count', '7');
});

test('the engine refuses requests without the token, from other hosts and other origins', async ({ harness, request }) => {
  const post = (path: string, headers: Record<string, string>) =>
    request.post(`${harness.origin}${path}`, { headers, data: {}, failOnStatusCode: false });
  const none = await post('/api/stats.get', {});
  expect(none.status()).toBe(401);
  expect((await none.json()).ok).toBe(false);
  expect((await post('/api/stats.get', { Authorization: 'Bearer wrong' })).status()).toBe(401);
  expect((await post('/api/stats.get', { Authorization: `Bearer ${harness.token}`, Host: 'evil.example' })).status()).toBe(421);
  expect((await post('/api/stats.get', { Authorization: `Bearer ${harness.token}`, Origin: 'http://evil.example' })).status()).toBe(403);
  for (const path of ['/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/%2e%2e%5c%2e%2e%5cpackage.json']) {
    expect((await request.get(`${harness.origin}${path}`, { failOnStatusCode: false })).status(), path).toBe(404);
  }
  const ok = await post('/api/stats.get', { Authorization: `Bearer ${harness.token}` });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).value.organisations).toBe(7);
  const bad = await request.post(`${harness.origin}/api/organisation.create`, {
    headers: { Authorization: `Bearer ${harness.token}` },
    data: { name: 42 },
    failOnStatusCode: false,
  });
  expect((await bad.json()).error).toMatchObject({ code: 'validation', field: 'name' });
});

test('the page makes no request to any other origin', async ({ page, harness }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(harness.origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await page.goto(harness.url);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-node-count', '7');
  await clickNode(page, csu.id);
  await expect(page.getByTestId('details')).toBeVisible();
  expect(foreign).toEqual([]);
});
