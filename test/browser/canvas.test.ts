/**
 * The graph canvas in headless chromium: labels that neither overlap nor leave the canvas, stray nodes
 * (alone or in pairs) hidden behind a legend toggle, the camera refitted after a layout and kept in the URL, edges that
 * open their evidence when clicked, the graph drawn again after the claims list closes, and a node with
 * 150k neighbours selected without a RangeError.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { miniGraph } from '../fixtures/mini-graph';
import { crowdedGraph, STRAY, withStrayNodes } from '../fixtures/viewer-graphs';
import { describeBrowser, inkInScreenshot, launchBrowser, nextFrames, openPage, RESULTS_DIR, serveViewer, waitUntil, type Viewer } from './harness';

jest.setTimeout(120_000);

interface DrawnLabel { text: string; x: number; y: number; width: number; size: number; canvasWidth: number; canvasHeight: number }

/** Records every text drawn on Sigma's label layer, whichever code draws it. */
const RECORD_LABELS = `(() => {
  const fill = CanvasRenderingContext2D.prototype.fillText;
  window.__labels = [];
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, max) {
    if (this.canvas.classList && this.canvas.classList.contains('sigma-labels')) {
      const size = Number((/(\\d+(?:\\.\\d+)?)px/.exec(this.font) || [0, 13])[1]);
      window.__labels.push({ text: String(text), x, y, width: this.measureText(String(text)).width, size, canvasWidth: this.canvas.clientWidth, canvasHeight: this.canvas.clientHeight });
    }
    return fill.call(this, text, x, y, max);
  };
})();`;

/** The labels of one fresh frame. */
async function drawnLabels(page: Page): Promise<DrawnLabel[]> {
  await page.evaluate(() => { (window as unknown as { __labels: unknown[] }).__labels = []; window.claimgraph!.app.sigma!.refresh(); });
  await nextFrames(page);
  return page.evaluate(() => (window as unknown as { __labels: DrawnLabel[] }).__labels);
}

/** Nodes whose centre lies outside the graph canvas. */
function nodesOffCanvas(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sigma = window.claimgraph!.app.sigma!;
    const { width, height } = sigma.getDimensions();
    return sigma.getGraph().filterNodes((n) => {
      const d = sigma.getNodeDisplayData(n)!;
      if (d.hidden) return false;
      const p = sigma.framedGraphToViewport(d);
      return p.x < 0 || p.y < 0 || p.x > width || p.y > height;
    });
  });
}

describeBrowser('the graph canvas', () => {
  let viewer: Viewer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const url = (name: string, graph: ReturnType<typeof miniGraph>, query = '') => `${viewer.url}?graph=${encodeURIComponent(viewer.addFile(name, JSON.stringify(graph.export())))}${query}`;

  beforeAll(async () => {
    viewer = await serveViewer(JSON.stringify(miniGraph().export()));
    browser = await launchBrowser();
    await browser.context.addInitScript(RECORD_LABELS);
  });

  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
  });

  test('labels do not overlap and stay inside the canvas', async () => {
    const { page, problems } = await openPage(browser.context, url('crowded.json', crowdedGraph()));
    const labels = await drawnLabels(page);
    await page.locator('#graph').screenshot({ path: join(RESULTS_DIR, 'canvas-crowded-labels.png') });
    expect(labels.map((l) => l.text)).toContain('Ravenline Ferry and Freight Company of the Northern Sound');
    const boxes = labels.map((l) => ({ text: l.text, x1: l.x, x2: l.x + l.width, y1: l.y - l.size, y2: l.y + l.size * 0.3 }));
    for (const [i, b] of boxes.entries()) {
      expect({ text: b.text, inside: b.x1 >= 0 && b.x2 <= labels[i]!.canvasWidth && b.y1 >= 0 && b.y2 <= labels[i]!.canvasHeight }).toEqual({ text: b.text, inside: true });
      for (const c of boxes.slice(i + 1)) {
        const overlap = b.x1 < c.x2 && c.x1 < b.x2 && b.y1 < c.y2 && c.y1 < b.y2;
        expect({ pair: `${b.text} / ${c.text}`, overlap }).toEqual({ pair: `${b.text} / ${c.text}`, overlap: false });
      }
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  test('stray nodes are hidden by default, shown by their legend toggle, and the frame follows', async () => {
    const { page, problems } = await openPage(browser.context, url('stray.json', withStrayNodes()));
    const hidden = () => page.evaluate((keys) => keys.filter((k) => window.claimgraph!.app.sigma!.getNodeDisplayData(k)?.hidden), STRAY);
    await expect(hidden()).resolves.toEqual(STRAY);
    await page.locator('#graph').screenshot({ path: join(RESULTS_DIR, 'canvas-stray-hidden.png') });
    const toggle = page.locator('.legend input[data-stray]');
    await expect(toggle.isChecked()).resolves.toBe(false);
    await expect(page.locator('.legend-stray .legend-count').textContent()).resolves.toBe(String(STRAY.length));
    // the connected nodes fill the canvas: the rows under them take no room
    const spread = () => page.evaluate(() => {
      const sigma = window.claimgraph!.app.sigma!;
      const ys = sigma.getGraph().filterNodes((n) => !sigma.getNodeDisplayData(n)!.hidden).map((n) => sigma.framedGraphToViewport(sigma.getNodeDisplayData(n)!).y);
      return (Math.max(...ys) - Math.min(...ys)) / sigma.getDimensions().height;
    });
    expect(await spread()).toBeGreaterThan(0.7);
    // a stray node chosen from search shows, with its neighbour, and the camera goes to it
    await page.fill('#search', 'lone claim 1');
    await page.waitForSelector('#suggestions li[data-node="claim:lone-1"]');
    await page.keyboard.press('Enter');
    await expect(hidden()).resolves.toEqual(STRAY.filter((k) => !['claim:lone-1', 'person:lone-speaker-1'].includes(k)));
    await waitUntil('the chosen stray node in view', async () => !(await nodesOffCanvas(page)).includes('claim:lone-1'));
    await page.keyboard.press('Escape');
    await toggle.check();
    await expect(hidden()).resolves.toEqual([]);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('stray') === 'show');
    await waitUntil('every node in view', async () => (await nodesOffCanvas(page)).length === 0);
    await page.locator('#graph').screenshot({ path: join(RESULTS_DIR, 'canvas-stray-shown.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  test('after Run layout the camera frames the graph again', async () => {
    const { page, problems } = await openPage(browser.context, url('layout.json', miniGraph()));
    // zoomed far into a corner, as after selecting a node
    await page.evaluate(() => window.claimgraph!.app.sigma!.getCamera().setState({ x: 0.1, y: 0.1, ratio: 0.15, angle: 0 }));
    await nextFrames(page);
    expect((await nodesOffCanvas(page)).length).toBeGreaterThan(0);
    const before = await page.evaluate(() => window.claimgraph!.app.graph!.getNodeAttributes('agency:nha'));
    await page.click('#layout-toggle');
    await page.waitForFunction((x) => window.claimgraph!.app.graph!.getNodeAttribute('agency:nha', 'x') !== x, before.x);
    await page.click('#layout-toggle');
    await waitUntil('every node in view after the layout', async () => (await nodesOffCanvas(page)).length === 0, 5000);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the camera is kept in the URL and restored on reload', async () => {
    const { page, problems } = await openPage(browser.context, url('camera.json', miniGraph()));
    await page.evaluate(() => window.claimgraph!.app.sigma!.getCamera().setState({ x: 0.3, y: 0.6, ratio: 0.5, angle: 0 }));
    await page.waitForFunction(() => new URL(location.href).searchParams.get('cam') === '0.3,0.6,0.5');
    const again = await openPage(browser.context, page.url());
    await expect(again.page.evaluate(() => window.claimgraph!.app.sigma!.getCamera().getState())).resolves.toMatchObject({ x: 0.3, y: 0.6, ratio: 0.5 });
    expect([...problems, ...again.problems]).toEqual([]);
    await again.page.close();
    await page.close();
  });

  test('clicking an edge opens its evidence', async () => {
    const { page, problems } = await openPage(browser.context, url('edges.json', miniGraph()));
    const middle = await page.evaluate(() => {
      const sigma = window.claimgraph!.app.sigma!;
      const [s, t] = sigma.getGraph().extremities('denied:agency:ravenline->claim:c2').map((n) => sigma.framedGraphToViewport(sigma.getNodeDisplayData(n)!));
      // a third of the way from the speaker: the midpoint may lie where another edge crosses, as the canvas's
      // shape (it shares the column with the timeline) decides
      return { x: s!.x + (t!.x - s!.x) / 3, y: s!.y + (t!.y - s!.y) / 3 };
    });
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(box.x + middle.x, box.y + middle.y);
    await page.mouse.click(box.x + middle.x, box.y + middle.y);
    await page.waitForSelector('#evidence:not([hidden]) mark.evidence-span');
    await expect(page.locator('#evidence h3').textContent()).resolves.toBe('Ravenline denied: “the breach was a welding fault”');
    await expect(page.locator('#evidence mark.evidence-span').allTextContents()).resolves.toEqual(['denied', 'the breach was a welding fault']);
    await expect(page.locator('.node-label').textContent()).resolves.toBe('Ravenline');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('after the claims list opens and closes, the graph is drawn again', async () => {
    const { page, problems } = await openPage(browser.context, url('claims.json', miniGraph()));
    await page.click('#claims-toggle');
    await page.waitForSelector('#claims-view:not([hidden])');
    await nextFrames(page);
    await page.click('#claims-toggle');
    await page.waitForSelector('#claims-view', { state: 'hidden' });
    await waitUntil('ink on the canvas', async () => (await inkInScreenshot(page, await page.locator('#graph').screenshot())).ink > 0.005, 5000);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a node with 150,000 neighbours can be selected', async () => {
    const { page, problems } = await openPage(browser.context, url('small.json', miniGraph()));
    const error = await page.evaluate(() => {
      const app = window.claimgraph!.app;
      const Graph = app.graph!.constructor as new (options: object) => NonNullable<typeof app.graph>;
      const g = new Graph({ type: 'mixed', multi: true });
      g.replaceAttributes(app.graph!.getAttributes());
      g.addNode('agency:hub', { kind: 'agency', label: 'Hub', aliases: [], evidence: [], x: 0, y: 0, size: 10, color: '#1f77b4' });
      for (let i = 0; i < 150_000; i++) {
        g.addNode(`person:p${i}`, { kind: 'person', label: `P${i}`, aliases: [], evidence: [], x: Math.cos(i) * (1 + i / 1000), y: Math.sin(i) * (1 + i / 1000), size: 2, color: '#ff7f0e' });
        g.addDirectedEdgeWithKey(`employs:${i}`, 'agency:hub', `person:p${i}`, { kind: 'employs', evidence: [], size: 1 });
      }
      try {
        // the people are hidden, which spares drawing 150k nodes in software WebGL; the camera and the panel
        // still go through every neighbour
        app.open(g, null, { graph: null, node: null, hiddenNodeKinds: ['person'], hiddenEdgeKinds: [], showStray: false, camera: null, search: '', view: 'graph', hiddenArticles: [], since: null, until: null, dispute: null, focus: null });
        app.select('agency:hub', { camera: true, instant: true });
        return null;
      } catch (err) {
        return String(err);
      }
    });
    expect(error).toBeNull();
    await expect(page.locator('.node-label').textContent({ timeout: 90_000 })).resolves.toBe('Hub');
    await expect(page.locator('.panel-section h3').allTextContents()).resolves.toEqual(['Relations (150,000)']);
    expect(problems).toEqual([]);
    await page.close();
  });
});
