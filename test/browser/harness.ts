/**
 * Browser test harness: Debian's chromium through playwright-core, the viewer bundled into a temp folder and
 * served with a test graph by the real server module. Without /usr/bin/chromium the tests fail loudly,
 * unless CLAIMGRAPH_SKIP_BROWSER=1 says to skip them.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { bundleViewer } from '../../src/cli/serve';
import { startViewerServer, type RunningViewerServer } from '../../src/cli/serve-static';
import { GraphParts } from '../../src/cli/serve-parts';

export const CHROMIUM = '/usr/bin/chromium';
export const RESULTS_DIR = join(__dirname, '..', '..', 'test-results');

/** `describe` for browser tests: runs them, skips them when asked, or fails with the reason. */
export function describeBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) return describe(name, body);
  if (process.env.CLAIMGRAPH_SKIP_BROWSER === '1') return describe.skip(`${name} (skipped: CLAIMGRAPH_SKIP_BROWSER=1)`, body);
  describe(name, () => {
    test('needs chromium', () => {
      throw new Error(`${CHROMIUM} is missing: the viewer's browser tests need Debian's chromium (apt-get install chromium). Set CLAIMGRAPH_SKIP_BROWSER=1 to skip them knowingly.`);
    });
  });
}

export interface Viewer {
  url: string;
  dir: string;
  /** the folder the page is served from; addFile writes into it */
  site: string;
  server: RunningViewerServer;
  /** serves another file from the temp folder at /files/NAME */
  addFile(name: string, content: string): string;
  close(): Promise<void>;
}

/** Bundles the viewer into a temp folder and serves it with `graph` (text of a JSON or GEXF file); `watched`: as `start` serves it; `byParts`: by neighbourhoods. */
export async function serveViewer(graph: string | null, graphName = 'graph.json', options: { watched?: boolean; byParts?: boolean } = {}): Promise<Viewer> {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-viewer-'));
  const site = join(dir, 'site');
  await bundleViewer(site);
  let graphFile: string | undefined;
  if (graph !== null) {
    graphFile = join(dir, graphName);
    writeFileSync(graphFile, graph);
  }
  // byParts: as `serve --max-whole-graph 0` serves a graph, one neighbourhood at a time
  const parts = options.byParts && graphFile ? { graph: new GraphParts(graphFile), maxWholeBytes: 0 } : undefined;
  const server = await startViewerServer({ root: site, graphFile, port: 0, watched: options.watched, parts });
  return {
    url: server.url,
    dir,
    site,
    server,
    addFile: (name, content) => {
      writeFileSync(join(site, name), content);
      return `${server.url}${name}`;
    },
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh headless chromium profile. WebGL runs on SwiftShader. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'claimgraph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 860 },
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface WatchedPage {
  page: Page;
  /** console errors, page errors and dialogs seen so far */
  problems: string[];
  dialogs: string[];
}

/** Opens `url` and records every console error, uncaught error and dialog (an XSS would open one). */
export async function openPage(context: BrowserContext, url: string, waitFor: 'ready' | 'error' | 'empty' = 'ready'): Promise<WatchedPage> {
  const page = await context.newPage();
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('dialog', (dialog) => { dialogs.push(`${dialog.type()}: ${dialog.message()}`); void dialog.dismiss(); });
  await page.goto(url);
  await page.waitForSelector(`body[data-status="${waitFor}"]`, { timeout: 30_000 });
  return { page, problems, dialogs };
}

/**
 * Share of pixels in a screenshot that are not background, and how many distinct colors there are, decoded in
 * the page itself (no PNG library needed); with `near`, also the share within `tolerance` of that color.
 */
export async function inkInScreenshot(page: Page, png: Buffer, near?: { rgb: [number, number, number]; tolerance: number }): Promise<{ ink: number; colors: number; near: number }> {
  return page.evaluate(async ([b64, target]) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let ink = 0;
    let close = 0;
    const colors = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      const r = data[i]!, g = data[i + 1]!, b = data[i + 2]!;
      if (r < 235 || g < 235 || b < 235) ink++;
      if (target && Math.abs(r - target.rgb[0]) <= target.tolerance && Math.abs(g - target.rgb[1]) <= target.tolerance && Math.abs(b - target.rgb[2]) <= target.tolerance) close++;
      colors.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    }
    const pixels = data.length / 4;
    return { ink: ink / pixels, colors: colors.size, near: close / pixels };
  }, [png.toString('base64'), near ?? null] as const);
}

/** The screen position of a node, from Sigma's own coordinates. */
export async function nodePosition(page: Page, node: string): Promise<{ x: number; y: number }> {
  const local = await page.evaluate((key) => {
    const sigma = window.claimgraph!.app.sigma!;
    const d = sigma.getNodeDisplayData(key)!;
    return sigma.framedGraphToViewport({ x: d.x, y: d.y });
  }, node);
  const box = (await page.locator('#graph').boundingBox())!;
  return { x: box.x + local.x, y: box.y + local.y };
}

/** The color [r, g, b] at a page position, read from a screenshot of that one pixel. */
export async function pixelAt(page: Page, at: { x: number; y: number }): Promise<number[]> {
  const png = await page.screenshot({ clip: { x: Math.round(at.x), y: Math.round(at.y), width: 1, height: 1 } });
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(1, 1);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png.toString('base64'));
}

/** Resolves after the page has drawn `count` more animation frames: Sigma draws on the next frame. */
export async function nextFrames(page: Page, count = 2): Promise<void> {
  await page.evaluate((n) => new Promise<void>((done) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : done());
    step(n);
  }), count);
}

/** Polls `probe` until it returns true, failing with `what` after `timeoutMs`. For checks a screenshot must make. */
export async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Waits until the graph canvas shows ink (the share of non-background pixels over `min`) and returns the last
 * screenshot, saved to `path` when given: Sigma draws on an animation frame, so a screenshot taken at once may be blank.
 */
export async function waitForInk(page: Page, path?: string, min = 0.005): Promise<{ shot: Buffer; ink: number; colors: number }> {
  let last: { shot: Buffer; ink: number; colors: number } = { shot: Buffer.alloc(0), ink: 0, colors: 0 };
  await waitUntil(`ink on the graph canvas (last: ${last.ink})`, async () => {
    const shot = await page.locator('#graph').screenshot(path ? { path } : {});
    last = { shot, ...(await inkInScreenshot(page, shot)) };
    return last.ink > min;
  });
  return last;
}

/** Width and height of a PNG, from its header. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(1, 4).toString() !== 'PNG') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
