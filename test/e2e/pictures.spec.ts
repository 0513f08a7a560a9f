// Pictures an analyst hands on: a PNG or SVG of the drawing with its legend (what the colours,
// sizes and lines mean, as the window's legend says it), a title above and a caption below, none
// of them over the drawing; PNG at 2× for high-density screens. Checked by decoding the PNG in
// the page and by reading the SVG with xmllint and DOMParser, in both drawings.
import { writeFileSync } from 'node:fs';
import { test as base, type Page } from '@playwright/test';
import type { WebServer } from '../../electron/web/server';
import { attributesTest, expect, generatedHarness, layoutLanded } from './fixtures';
import { exportPicture, legendColours, pngDimensions, readFramedPng, readSvg, xmllint } from './pictures';

const TITLE = 'Cyber response: مراكز الاستجابة والشرطة';
const CAPTION = 'Source: networkx file (Москва, 北京). Coloured by family, sized by budget.';

async function styleByAttributes(page: Page): Promise<void> {
  await expect(page.getByTestId('graph')).toHaveAttribute('data-node-count', '10');
  await page.getByTestId('style-menu').locator('summary').click();
  await page.getByTestId('colour-by').selectOption('attr:family');
  await page.getByTestId('size-by').selectOption('attr:budget');
  const legend = page.getByTestId('legend');
  await expect(legend).toContainText('cert (3)');
  await expect(legend).toContainText('Size: budget, from 0.4 (smallest) to 40.25 (largest)');
  await page.getByTestId('style-menu').locator('summary').click();
  // Cose lands from its worker: the pictures compared below must all be of the same arrangement.
  await layoutLanded(page);
}

attributesTest(
  'a PNG coloured by an imported attribute carries its legend beside the drawing, a title and a caption, twice as large at 2×',
  async ({ imported: page }) => {
    await styleByAttributes(page);
    const colours = await legendColours(page);
    expect(colours.length).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByLabel('Format').selectOption('png');
    await expect(dialog.getByLabel('Include the legend')).toBeChecked();

    const plain = await exportPicture(page, dialog, { format: 'png', legend: false, scale: 2 });
    const one = await exportPicture(page, dialog, { format: 'png', title: TITLE, caption: CAPTION, scale: 1 });
    const two = await exportPicture(page, dialog, { format: 'png', title: TITLE, caption: CAPTION, scale: 2 });
    writeFileSync(attributesTest.info().outputPath('framed-2x.png'), two.bytes);
    const size1 = pngDimensions(one.bytes);
    const size2 = pngDimensions(two.bytes);
    // The dialog said how large it would be; at 2× it is twice the size of 1×.
    expect(two.announced).toEqual([size2.width, size2.height]);
    expect(Math.abs(size2.width - 2 * size1.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(size2.height - 2 * size1.height)).toBeLessThanOrEqual(2);
    // The frame made the canvas larger than the drawing alone: the title above and the caption
    // below, and the legend beside a squarish drawing or below a wide one (the layout decides).
    const bare = pngDimensions(plain.bytes);
    const beside = size2.width > bare.width + 200;
    expect(size2.height).toBeGreaterThan(bare.height + (beside ? 80 : 200));

    const read = await readFramedPng(page, two.bytes, plain.bytes, colours);
    // The drawing is in the picture whole, pixel for pixel: the legend, title and caption cover none of it.
    expect(read.drawing).not.toBeNull();
    // Each key's colour is painted outside the drawing (a 2× swatch of 12 px is about 450 pixels).
    for (const c of colours) expect(read.outside[c], `legend key ${c}`).toBeGreaterThan(200);
    // The title's band above the drawing and the caption below it are drawn.
    expect(read.above).toBeGreaterThan(500);
    expect(read.below).toBeGreaterThan(500);
  },
);

attributesTest(
  'an SVG carries its legend as text and shapes: the values with their counts, the title and the caption',
  async ({ imported: page }) => {
    await styleByAttributes(page);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByTestId('export-dialog');
    const { bytes } = await exportPicture(page, dialog, { format: 'svg', title: TITLE, caption: CAPTION });
    const svg = bytes.toString('utf8');
    writeFileSync(attributesTest.info().outputPath('framed.svg'), svg);
    const lint = xmllint(svg);
    if (lint !== null) expect(lint).toBe('');
    const read = await readSvg(page, svg);
    expect(read.error).toBeNull();
    expect(read.root).toBe('svg');
    expect(read.images).toBe(0);
    expect(read.texts).toEqual(expect.arrayContaining(['family', 'cert (3)', 'law enforcement (2)', TITLE]));
    // Notes wrap at the legend's width, which follows the drawing's shape: read them as one text.
    expect(read.texts.join(' ').replace(/\s+/g, ' ')).toContain('Size: budget, from 0.4 (smallest) to 40.25 (largest)');
    // The caption, possibly wrapped over lines, with its Russian and Chinese as written.
    expect(read.texts.join(' ')).toContain('Москва, 北京');
    expect(read.texts.join(' ').replace(/\s+/g, ' ')).toContain(CAPTION);
  },
);

const large = base.extend<{}, { harness: WebServer }>({
  harness: [async ({}, use) => generatedHarness(1200, 7, use), { scope: 'worker' }],
});

large(
  'the large drawing exports the same: a PNG with its legend, title and caption around it at 2×, and an SVG with them as text',
  async ({ page, harness }) => {
    large.setTimeout(150_000);
    await page.goto(harness.url);
    const graph = page.getByTestId('graph');
    await expect(graph).toHaveAttribute('data-node-count', '1200', { timeout: 30_000 });
    await expect(graph).toHaveAttribute('data-renderer', 'large');
    // The first layout landed (not merely none running yet: it starts after the first drawing),
    // and its labels chosen: every picture below is then of the same drawing.
    await expect(graph).toHaveAttribute('data-layouts-done', /^[1-9]/, { timeout: 90_000 });
    await expect(graph).toHaveAttribute('data-layout-state', 'done', { timeout: 90_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
    const colours = await legendColours(page);
    expect(colours.length).toBeGreaterThanOrEqual(3);

    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByTestId('export-dialog');
    const plain = await exportPicture(page, dialog, { format: 'png', legend: false, scale: 1 });
    const one = await exportPicture(page, dialog, { format: 'png', title: 'Синтетическая сеть', caption: 'Generated network', scale: 1 });
    const two = await exportPicture(page, dialog, { format: 'png', title: 'Синтетическая сеть', caption: 'Generated network', scale: 2 });
    writeFileSync(large.info().outputPath('large-framed-1x.png'), one.bytes);
    const size1 = pngDimensions(one.bytes);
    const size2 = pngDimensions(two.bytes);
    expect(two.announced).toEqual([size2.width, size2.height]);
    expect(Math.abs(size2.width - 2 * size1.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(size2.height - 2 * size1.height)).toBeLessThanOrEqual(2);
    const read = await readFramedPng(page, one.bytes, plain.bytes, colours);
    expect(read.drawing).not.toBeNull();
    for (const c of colours) expect(read.outside[c], `legend key ${c}`).toBeGreaterThan(50);
    expect(read.above).toBeGreaterThan(200);
    expect(read.below).toBeGreaterThan(200);

    const svg = (
      await exportPicture(page, dialog, { format: 'svg', title: 'Синтетическая сеть', caption: 'Generated network' })
    ).bytes.toString('utf8');
    const lint = xmllint(svg);
    if (lint !== null) expect(lint).toBe('');
    const texts = (await readSvg(page, svg)).texts;
    expect(texts).toEqual(
      expect.arrayContaining(['Sector', 'Government', 'Ties', 'shared partnership', 'Синтетическая сеть', 'Generated network']),
    );
  },
);
