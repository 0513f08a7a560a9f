// Reading exported pictures as a user's viewer would: a PNG decoded in the page (pixels, not our
// own account of where things went), an SVG checked by xmllint and by the page's DOMParser.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export interface PictureChoice {
  format: 'png' | 'svg';
  title?: string;
  caption?: string;
  legend?: boolean;
  scale?: 1 | 2;
}

/** Sets the export dialog for a picture and exports it; the file's bytes, and the size the dialog announced (PNG). */
export async function exportPicture(page: Page, dialog: Locator, c: PictureChoice): Promise<{ bytes: Buffer; announced: number[] | null }> {
  await dialog.getByLabel('Format').selectOption(c.format);
  await dialog.getByLabel('Title').fill(c.title ?? '');
  await dialog.getByLabel('Caption').fill(c.caption ?? '');
  await dialog.getByLabel('Include the legend').setChecked(c.legend ?? true);
  let announced: number[] | null = null;
  if (c.format === 'png') {
    await dialog.getByLabel('Resolution').selectOption(String(c.scale ?? 1));
    announced = (await dialog.getByTestId('png-size').innerText()).replace(/,/g, '').match(/\d+/g)!.map(Number);
  }
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  return { bytes: readFileSync((await (await download).path())!), announced };
}

export interface FramedPng {
  width: number;
  height: number;
  /** Where the picture without its frame (exported alone) was found in it, pixel for pixel. */
  drawing: { x: number; y: number; width: number; height: number } | null;
  /** Pixels of each colour (within 2 per channel) outside the drawing. */
  outside: Record<string, number>;
  /** Pixels unlike the background above the drawing (the title's band) and below everything the drawing spans. */
  above: number;
  below: number;
}

/**
 * Decodes `framed` and `plain` (the same drawing exported with nothing around it) in the page,
 * finds where `plain` sits inside `framed` by its pixels, and counts `colours` outside it.
 */
export async function readFramedPng(page: Page, framed: Buffer, plain: Buffer, colours: string[]): Promise<FramedPng> {
  return page.evaluate(
    async ({ framed, plain, colours }) => {
      const decode = async (b64: string) => {
        const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const c = document.createElement('canvas');
        c.width = bitmap.width;
        c.height = bitmap.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return { width: c.width, height: c.height, data: ctx.getImageData(0, 0, c.width, c.height).data };
      };
      const f = await decode(framed);
      const p = await decode(plain);
      const at = (img: typeof f, x: number, y: number) => 4 * (y * img.width + x);
      const near = (a: Uint8ClampedArray, i: number, b: Uint8ClampedArray | number[], j: number, tol = 2) =>
        Math.abs(a[i]! - b[j]!) <= tol && Math.abs(a[i + 1]! - b[j + 1]!) <= tol && Math.abs(a[i + 2]! - b[j + 2]!) <= tol;
      // The drawing's own pixels that are not its background, sampled evenly.
      const bg = [p.data[0]!, p.data[1]!, p.data[2]!];
      const samples: [number, number][] = [];
      for (let y = 0; y < p.height; y += 3)
        for (let x = 0; x < p.width; x += 3) if (!near(p.data, at(p, x, y), bg, 0, 8)) samples.push([x, y]);
      const step = Math.max(1, Math.floor(samples.length / 400));
      const probe = samples.filter((_, i) => i % step === 0);
      const probeSlack = Math.ceil(probe.length * 0.02);
      let drawing: FramedPng['drawing'] = null;
      search: for (let oy = 0; oy + p.height <= f.height; oy++)
        for (let ox = 0; ox + p.width <= f.width; ox++) {
          // Skia antialiases a few edge pixels a little differently (by up to 7 a channel) on a
          // canvas of another size: a handful of the sample may miss where the drawing is.
          let misses = 0;
          for (const [x, y] of probe) if (!near(f.data, at(f, ox + x, oy + y), p.data, at(p, x, y)) && ++misses > probeSlack) break;
          if (misses > probeSlack) continue;
          // Every pixel, not only the sample: nothing of the frame is painted over the drawing.
          let differ = 0;
          for (let y = 0; y < p.height; y++)
            for (let x = 0; x < p.width; x++) if (!near(f.data, at(f, ox + x, oy + y), p.data, at(p, x, y))) differ++;
          if (differ <= p.width * p.height * 0.001) {
            drawing = { x: ox, y: oy, width: p.width, height: p.height };
            break search;
          }
        }
      const rgb = colours.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
      const outside: Record<string, number> = Object.fromEntries(colours.map((c) => [c, 0]));
      let above = 0;
      let below = 0;
      const fbg = [f.data[0]!, f.data[1]!, f.data[2]!];
      for (let y = 0; y < f.height; y++)
        for (let x = 0; x < f.width; x++) {
          const inside = drawing && x >= drawing.x && x < drawing.x + drawing.width && y >= drawing.y && y < drawing.y + drawing.height;
          if (inside) continue;
          const i = at(f, x, y);
          rgb.forEach((c, k) => {
            if (near(f.data, i, c, 0, 2)) outside[colours[k]!]!++;
          });
          if (drawing && !near(f.data, i, fbg, 0, 8)) {
            if (y < drawing.y) above++;
            if (y >= drawing.y + drawing.height) below++;
          }
        }
      return { width: f.width, height: f.height, drawing, outside, above, below };
    },
    { framed: framed.toString('base64'), plain: plain.toString('base64'), colours },
  );
}

/** The colours of the legend's keys on screen that stand for something drawn now (not dimmed). */
export async function legendColours(page: Page, section = 0): Promise<string[]> {
  const keys = page.getByTestId('legend').locator('.legend-section').nth(section).locator('li:not(.absent) .swatch');
  return (await keys.evaluateAll((els) => els.map((e) => e.getAttribute('data-colour') ?? ''))).map((c) => c.toLowerCase());
}

const XMLLINT = !spawnSync('xmllint', ['--version']).error;

/** xmllint --noout's complaints about the text ('' when well-formed; null where xmllint is not installed). */
export function xmllint(text: string): string | null {
  if (!XMLLINT) return null;
  const dir = mkdtempSync(join(tmpdir(), 'atlas-svg-'));
  try {
    const file = join(dir, 'picture.svg');
    writeFileSync(file, text);
    const run = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
    return run.status === 0 ? '' : run.stderr || `exit ${run.status}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The SVG as the page's DOMParser reads it: its texts, whether it parsed, and whether it holds any raster image. */
export async function readSvg(page: Page, text: string): Promise<{ error: string | null; texts: string[]; images: number; root: string }> {
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    return {
      error,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      images: doc.querySelectorAll('image').length,
      root: doc.documentElement.localName,
    };
  }, text);
}

/** The exported PNG's width and height. */
export function pngDimensions(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
