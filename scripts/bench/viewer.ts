/**
 * Viewer benchmark: time to first frame and frames per second while panning, in headless chromium
 * (SwiftShader WebGL), for the small graph (graph-data/graph.json, else the mini fixture) and a synthetic
 * 10k-node / 50k-edge graph. Goal: the small graph's first frame under 1 s.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { miniGraph } from '../../test/fixtures/mini-graph';
import { syntheticGraph } from '../../test/fixtures/synthetic-graph';
import { CHROMIUM, launchBrowser, serveViewer } from '../../test/browser/harness';

export const description = 'viewer: first frame (ms from navigation) and panning fps in headless chromium, small graph vs synthetic 10k/50k';

const PAN_SECONDS = 3;

interface Figures {
  graph: string;
  nodes: number;
  edges: number;
  bytes: number;
  loadedMs: number;
  firstFrameMs: number;
  panFps: number;
}

async function measure(name: string, text: string, runs: number): Promise<Figures> {
  const viewer = await serveViewer(text);
  const browser = await launchBrowser();
  try {
    const samples: { loaded: number; first: number }[] = [];
    let page = await browser.context.newPage();
    for (let i = 0; i < runs; i++) {
      if (i > 0) {
        await page.close();
        page = await browser.context.newPage();
      }
      await page.goto(viewer.url);
      await page.waitForSelector('body[data-status="ready"], body[data-status="error"]', { timeout: 180_000 });
      const status = await page.evaluate(() => document.body.dataset.status);
      if (status !== 'ready') throw new Error(`${name}: the page says ${await page.locator('#message').textContent()}`);
      samples.push(await page.evaluate(() => ({ loaded: window.claimgraph!.loadedMs!, first: window.claimgraph!.firstFrameMs! })));
    }
    // pan as a person does, dragging the mouse across the canvas, and count the frames Sigma renders
    const box = (await page.locator('#graph').boundingBox())!;
    await page.evaluate(() => {
      const w = window as unknown as { benchFrames: number };
      w.benchFrames = 0;
      window.claimgraph!.app.sigma!.on('afterRender', () => w.benchFrames++);
    });
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    const t0 = Date.now();
    for (let step = 0; Date.now() - t0 < PAN_SECONDS * 1000; step++) {
      await page.mouse.move(cx + 150 * Math.sin(step / 5), cy + 100 * Math.cos(step / 5));
    }
    const elapsed = (Date.now() - t0) / 1000;
    await page.mouse.up();
    const panFps = (await page.evaluate(() => (window as unknown as { benchFrames: number }).benchFrames)) / elapsed;
    const order = await page.evaluate(() => [window.claimgraph!.app.graph!.order, window.claimgraph!.app.graph!.size]);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return {
      graph: name,
      nodes: order[0]!,
      edges: order[1]!,
      bytes: Buffer.byteLength(text),
      loadedMs: Math.round(median(samples.map((s) => s.loaded))),
      firstFrameMs: Math.round(median(samples.map((s) => s.first))),
      panFps: Math.round(panFps * 10) / 10,
    };
  } finally {
    await browser.close();
    await viewer.close();
  }
}

export async function run(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`skipped: ${CHROMIUM} is missing (apt-get install chromium)`);
    return;
  }
  const builtPath = join(__dirname, '..', '..', 'graph-data', 'graph.json');
  const built = existsSync(builtPath) ? readFileSync(builtPath, 'utf8') : null;
  const builtUsable = built !== null && (JSON.parse(built) as { nodes?: unknown[] }).nodes?.length;
  const small = builtUsable ? { name: 'graph-data/graph.json', text: built! } : { name: 'mini fixture', text: JSON.stringify(miniGraph().export()) };
  const rows: Figures[] = [];
  rows.push(await measure(small.name, small.text, 5));
  rows.push(await measure('synthetic 10k/50k', JSON.stringify(syntheticGraph(10_000, 50_000).export()), 1));
  console.log('graph                     nodes   edges     bytes  loaded ms  first frame ms  pan fps');
  for (const r of rows) {
    console.log(`${r.graph.padEnd(24)} ${String(r.nodes).padStart(6)} ${String(r.edges).padStart(7)} ${String(r.bytes).padStart(9)} ${String(r.loadedMs).padStart(10)} ${String(r.firstFrameMs).padStart(15)} ${String(r.panFps).padStart(8)}`);
  }
  const first = rows[0]!.firstFrameMs;
  console.log(`small graph first frame: ${first} ms (goal < 1000 ms: ${first < 1000 ? 'met' : 'NOT met'}); synthetic/small first-frame ratio: ${(rows[1]!.firstFrameMs / Math.max(first, 1)).toFixed(1)}x`);
}
