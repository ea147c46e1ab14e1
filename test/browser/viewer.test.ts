/**
 * The viewer as a person sees it, in headless chromium over the mini fixture graph: the graph is drawn,
 * search selects a node and the panel lists its claims, a claim's evidence is highlighted in its article,
 * the legend hides kinds, the claims list links to the graph, the state survives a reload.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { miniGraph } from '../fixtures/mini-graph';
import { describeBrowser, inkInScreenshot, pixelAt, launchBrowser, nodePosition, openPage, RESULTS_DIR, serveViewer, type Viewer, type WatchedPage } from './harness';

jest.setTimeout(120_000);

describeBrowser('viewer over the mini graph', () => {
  let viewer: Viewer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let watched: WatchedPage;

  beforeAll(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    viewer = await serveViewer(JSON.stringify(miniGraph().export()));
    browser = await launchBrowser();
    watched = await openPage(browser.context, viewer.url);
  });

  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
  });

  test('draws the graph: the canvas is not blank and shows several colors', async () => {
    const { page } = watched;
    await page.waitForTimeout(300);
    const shot = await page.locator('#graph').screenshot({ path: join(RESULTS_DIR, 'viewer-graph.png') });
    const { ink, colors } = await inkInScreenshot(page, shot);
    expect(ink).toBeGreaterThan(0.005);
    expect(colors).toBeGreaterThan(8);
    await page.screenshot({ path: join(RESULTS_DIR, 'viewer-page.png') });
  });

  test('the legend counts every kind', async () => {
    const { page } = watched;
    const claimCount = await page.locator('.legend-row:has(input[data-kind="claim"]) .legend-count').textContent();
    expect(claimCount).toBe(String(miniGraph().filterNodes((_n, a) => a.kind === 'claim').length));
  });

  test('search "NASA" suggests it, choosing it selects it and the panel lists its claims', async () => {
    const { page } = watched;
    await page.fill('#search', 'nasa');
    await page.waitForSelector('#suggestions li[data-node]');
    const first = await page.locator('#suggestions li[data-node]').first().getAttribute('data-node');
    expect(first).toBe('agency:nasa');
    await page.keyboard.press('Enter');
    await expect(page.locator('.node-label').textContent()).resolves.toBe('NASA');
    const stated = page.locator('.panel-section:has(h3:text-matches("^Stated")) .item-text');
    await expect(stated.allTextContents()).resolves.toEqual(['a small hole was discovered at the International Space Station']);
    expect(new URL(page.url()).searchParams.get('node')).toBe('agency:nasa');
  });

  test('search ignores accents and finds aliases', async () => {
    const { page } = watched;
    await page.fill('#search', 'RÓSCÓSMOS');
    await page.waitForSelector('#suggestions li[data-node="agency:roscosmos"]');
    await page.fill('#search', 'aeronautics');
    await page.waitForSelector('#suggestions li[data-node="agency:nasa"] .suggestion-via');
    await page.keyboard.press('Escape');
  });

  test('suggestions reopened right after the search box lost focus stay open', async () => {
    const { page } = watched;
    await page.fill('#search', 'nasa');
    await page.waitForSelector('#suggestions li[data-node]');
    await page.click('#panel-content');
    await expect(page.locator('#suggestions').isHidden()).resolves.toBe(true);
    await page.fill('#search', 'roscosmos');
    await page.waitForTimeout(400);
    await expect(page.locator('#suggestions li[data-node="agency:roscosmos"]').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
  });

  test('clicking a claim highlights its evidence sentence in the article', async () => {
    const { page } = watched;
    await page.locator('.panel-section:has(h3:text-matches("^Stated")) .item-main').first().click();
    const span = page.locator('#evidence mark.evidence-span').first();
    await expect(span.textContent()).resolves.toBe('said');
    const marked = await page.locator('#evidence mark.evidence-span').allTextContents();
    expect(marked).toContain('a small hole was discovered at the International Space Station');
    const sentence = (await page.locator('#evidence .doc-text').evaluate((el) => [...el.querySelectorAll('.evidence-sentence, .evidence-span')].map((n) => n.textContent).join(''))).trim();
    expect(sentence).toBe('NASA said that a small hole was discovered at the International Space Station.');
    await expect(page.locator('#evidence .doc-title').textContent()).resolves.toBe('Agency Statement on Station Leak');
    await expect(page.locator('#evidence .doc-meta').textContent()).resolves.toContain('2018-10-04');
    // The view scrolls on the next animation frame: wait for it rather than race it.
    await page.waitForFunction(() => {
      const mark = document.querySelector('#evidence mark.evidence-span');
      const box = mark?.closest('.doc-text')?.getBoundingClientRect();
      const r = mark?.getBoundingClientRect();
      return !!box && !!r && r.top >= box.top && r.bottom <= box.bottom;
    }, undefined, { timeout: 5000 });
  });

  test('selecting a claim lists its speakers with stance and the outlets that reported it', async () => {
    const { page } = watched;
    await page.fill('#search', 'crew is safe');
    await page.waitForSelector('#suggestions li[data-node="claim:c4"]');
    await page.keyboard.press('Enter');
    const speakers = await page.locator('.panel-section:has(h3:text-matches("^Speakers")) .item').allTextContents();
    expect(speakers.join('|')).toMatch(/confirmed.*Jim Bridenstine/);
    expect(speakers.join('|')).toMatch(/stated.*NASA spokesperson/);
    const outlets = await page.locator('.panel-section:has(h3:text-matches("^Reported by")) .item-text').allTextContents();
    expect(outlets).toEqual(['ArsTechnica']);
    await page.locator('.panel-section:has(h3:text-matches("^Speakers")) .item-main').first().click();
    await page.waitForSelector('#evidence mark.evidence-span');
    await page.screenshot({ path: join(RESULTS_DIR, 'viewer-claim.png') });
  });

  test('clicking a node on the canvas selects it', async () => {
    const { page } = watched;
    await page.click('#panel-content');
    await page.evaluate(() => window.claimgraph!.app.select(null, { camera: false }));
    const at = await nodePosition(page, 'agency:roscosmos');
    await page.mouse.move(at.x, at.y);
    await page.mouse.click(at.x, at.y);
    await expect(page.locator('.node-label').textContent()).resolves.toBe('Roscosmos');
  });

  test('hovering a node keeps its neighbourhood and fades the rest', async () => {
    const { page } = watched;
    await page.evaluate(() => window.claimgraph!.app.select(null, { camera: false }));
    const at = await nodePosition(page, 'agency:roscosmos');
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(100);
    const colors = await page.evaluate(() => {
      const sigma = window.claimgraph!.app.sigma!;
      const color = (n: string) => sigma.getNodeDisplayData(n)!.color;
      const edgeHidden = (e: string) => sigma.getEdgeDisplayData(e)!.hidden;
      return {
        self: color('agency:roscosmos'), neighbour: color('claim:c2'), stranger: color('person:officials'),
        ownEdge: edgeHidden('denied:agency:roscosmos->claim:c2'), otherEdge: edgeHidden('questioned:person:officials->claim:c3'),
      };
    });
    expect(colors.self).toBe('#0072B2');
    expect(colors.neighbour).toBe('#888888');
    expect(colors.stranger).not.toBe('#D55E00');
    expect(colors).toMatchObject({ ownEdge: false, otherEdge: true });
    await page.mouse.move(5, 500);
  });

  test('unchecking a kind in the legend hides its nodes', async () => {
    const { page } = watched;
    await page.evaluate(() => {
      const app = window.claimgraph!.app;
      app.select(null, { camera: false });
      app.sigma!.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    });
    await page.waitForTimeout(100);
    const claim = await nodePosition(page, 'claim:c2');
    const claimGrey = (p: number[]) => p.every((v) => Math.abs(v - 0x88) < 24);
    expect(claimGrey(await pixelAt(page, claim))).toBe(true);
    await page.locator('.legend input[data-kind="claim"]').uncheck();
    const hidden = await page.evaluate(() => {
      const sigma = window.claimgraph!.app.sigma!;
      return sigma.getGraph().filterNodes((n) => sigma.getNodeDisplayData(n)?.hidden === true);
    });
    expect(hidden.sort()).toEqual(miniGraph().filterNodes((_n, a) => a.kind === 'claim').sort());
    expect(claimGrey(await pixelAt(page, claim))).toBe(false);
    expect(new URL(page.url()).searchParams.get('hideNodes')).toBe('claim');
    await page.locator('.legend input[data-kind="claim"]').check();
  });

  test('the claims list has a row per attribution and selects the claim in the graph', async () => {
    const { page } = watched;
    await page.click('#claims-toggle');
    const rows = page.locator('.claims-table tbody tr');
    const graph = miniGraph();
    const attributions = graph.filterEdges((_e, a) => ['stated', 'denied', 'questioned', 'confirmed', 'reported'].includes(a.kind as string)).length;
    await expect(rows.count()).resolves.toBe(attributions);
    await page.selectOption('.claims-toolbar select', 'denied');
    await expect(rows.allTextContents()).resolves.toEqual([expect.stringContaining('Roscosmos')]);
    await rows.first().click();
    await expect(page.locator('.node-label').textContent()).resolves.toBe('the hole was a manufacturing defect');
    await expect(page.locator('#evidence mark.evidence-span').first().textContent()).resolves.toBe('denied');
    await expect(rows.first().getAttribute('class')).resolves.toContain('linked');
    await page.selectOption('.claims-toolbar select', '');
    await page.locator('.claims-table th[data-column="speaker"] button').click();
    const speakers = (await page.locator('.claims-table tbody tr td:first-child').allTextContents());
    expect(speakers).toEqual([...speakers].sort((a, b) => a.localeCompare(b)));
    await page.screenshot({ path: join(RESULTS_DIR, 'viewer-claims-list.png') });
  });

  test('the state in the URL survives a reload', async () => {
    const { page } = watched;
    await page.locator('.legend input[data-kind="media"]').uncheck();
    await page.evaluate(() => window.claimgraph!.app.select('agency:roscosmos', { camera: true }));
    const url = page.url();
    const again = await openPage(browser.context, url);
    await expect(again.page.locator('.node-label').textContent()).resolves.toBe('Roscosmos');
    await expect(again.page.locator('.legend input[data-kind="media"]').isChecked()).resolves.toBe(false);
    await expect(again.page.locator('#claims-view').isVisible()).resolves.toBe(true);
    expect(again.problems).toEqual([]);
    await again.page.close();
  });

  test('layout runs in a worker and stops; untangle moves nodes apart', async () => {
    const { page } = watched;
    const before = await page.evaluate(() => window.claimgraph!.app.graph!.getNodeAttributes('agency:nasa'));
    await page.click('#layout-toggle');
    await page.waitForTimeout(600);
    await page.click('#layout-toggle');
    await expect(page.locator('#layout-toggle').textContent()).resolves.toBe('Run layout');
    const after = await page.evaluate(() => window.claimgraph!.app.graph!.getNodeAttributes('agency:nasa'));
    expect([after.x, after.y]).not.toEqual([before.x, before.y]);
    await page.click('#untangle');
  });

  test('exports the visible graph as JSON and a PNG', async () => {
    const { page } = watched;
    await page.locator('.legend input[data-kind="claim"]').uncheck();
    await page.click('.export summary');
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const exported = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
    expect(exported.nodes.some((n: { attributes: { kind: string } }) => n.attributes.kind === 'claim')).toBe(false);
    expect(exported.nodes.length).toBeGreaterThan(0);
    expect(exported.attributes.documents.length).toBe(2);
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const png = readFileSync(await pngDownload.path());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    await page.locator('.legend input[data-kind="claim"]').check();
  });

  test('no console errors, no dialogs', () => {
    expect(watched.problems).toEqual([]);
    expect(watched.dialogs).toEqual([]);
  });
});
