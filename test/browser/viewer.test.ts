/**
 * The viewer as a person sees it, in headless chromium over the mini fixture graph: the graph is drawn,
 * search selects a node and the panel lists its claims, a claim's evidence is highlighted in its article,
 * the legend hides kinds, the claims list links to the graph, the state survives a reload, layout and
 * untangle move nodes, the Export menu gives files and closes, and a statement opens at its claim. Three stance edges carry the optional
 * confidence, quoting, unnamed and belief fields, which the panel and the evidence view show.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { miniGraph } from '../fixtures/mini-graph';
import { CLAIM_EDGE_FIELDS, statementGraph, STATEMENT_CLAIM, withClaimEdgeFields } from '../fixtures/viewer-graphs';
import { describeBrowser, pixelAt, launchBrowser, nextFrames, nodePosition, openPage, pngSize, RESULTS_DIR, serveViewer, waitForInk, type Viewer, type WatchedPage } from './harness';

jest.setTimeout(120_000);

describeBrowser('viewer over the mini graph', () => {
  let viewer: Viewer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let watched: WatchedPage;

  beforeAll(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    viewer = await serveViewer(JSON.stringify(withClaimEdgeFields(miniGraph()).export()));
    browser = await launchBrowser();
    watched = await openPage(browser.context, viewer.url);
  });

  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
  });

  test('draws the graph: the canvas is not blank and shows several colors', async () => {
    const { page } = watched;
    const { colors } = await waitForInk(page, join(RESULTS_DIR, 'viewer-graph.png'));
    expect(colors).toBeGreaterThan(8);
    await page.screenshot({ path: join(RESULTS_DIR, 'viewer-page.png') });
  });

  test('the legend counts every kind', async () => {
    const { page } = watched;
    const claimCount = await page.locator('.legend-row:has(input[data-kind="claim"]) .legend-count').textContent();
    expect(claimCount).toBe(String(miniGraph().filterNodes((_n, a) => a.kind === 'claim').length));
  });

  test('search "NHA" suggests it, choosing it selects it and the panel lists its claims', async () => {
    const { page } = watched;
    await page.fill('#search', 'nha');
    await page.waitForSelector('#suggestions li[data-node]');
    const first = await page.locator('#suggestions li[data-node]').first().getAttribute('data-node');
    expect(first).toBe('agency:nha');
    await page.keyboard.press('Enter');
    await expect(page.locator('.node-label').textContent()).resolves.toBe('NHA');
    const stated = page.locator('.panel-section:has(h3:text-matches("^Stated")) .item-text');
    await expect(stated.allTextContents()).resolves.toEqual(['a small breach was found in the hull of the Kestrel Harbour Tender']);
    expect(new URL(page.url()).searchParams.get('node')).toBe('agency:nha');
  });

  test('search ignores accents and finds aliases', async () => {
    const { page } = watched;
    await page.fill('#search', 'RÁVÉNLINE');
    await page.waitForSelector('#suggestions li[data-node="agency:ravenline"]');
    await page.fill('#search', 'nordby');
    await page.waitForSelector('#suggestions li[data-node="agency:nha"] .suggestion-via');
    await page.keyboard.press('Escape');
  });

  test('suggestions reopened right after the search box lost focus stay open', async () => {
    const { page } = watched;
    await page.fill('#search', 'nha');
    await page.waitForSelector('#suggestions li[data-node]');
    await page.click('#panel-content');
    await expect(page.locator('#suggestions').isHidden()).resolves.toBe(true);
    await page.fill('#search', 'ravenline');
    await page.waitForSelector('#suggestions li[data-node="agency:ravenline"]', { state: 'visible' });
    // still open a few frames later: nothing left over from the blur closes it
    await nextFrames(page, 10);
    await expect(page.locator('#suggestions li[data-node="agency:ravenline"]').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
  });

  test('clicking a claim highlights its evidence sentence in the article', async () => {
    const { page } = watched;
    await page.locator('.panel-section:has(h3:text-matches("^Stated")) .item-main').first().click();
    const span = page.locator('#evidence mark.evidence-span').first();
    await expect(span.textContent()).resolves.toBe('said');
    const marked = await page.locator('#evidence mark.evidence-span').allTextContents();
    expect(marked).toContain('a small breach was found in the hull of the Kestrel Harbour Tender');
    const sentence = (await page.locator('#evidence .doc-text').evaluate((el) => [...el.querySelectorAll('.evidence-sentence, .evidence-span')].map((n) => n.textContent).join(''))).trim();
    expect(sentence).toBe('NHA said that a small breach was found in the hull of the Kestrel Harbour Tender.');
    await expect(page.locator('#evidence .doc-title').textContent()).resolves.toBe('Agency Statement on Hull Crack');
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
    expect(speakers.join('|')).toMatch(/confirmed.*Mara Quell/);
    expect(speakers.join('|')).toMatch(/stated.*NHA spokesperson/);
    const outlets = await page.locator('.panel-section:has(h3:text-matches("^Reported by")) .item-text').allTextContents();
    expect(outlets).toEqual(['AnchorWire']);
    await page.locator('.panel-section:has(h3:text-matches("^Speakers")) .item-main').first().click();
    await page.waitForSelector('#evidence mark.evidence-span');
    await page.screenshot({ path: join(RESULTS_DIR, 'viewer-claim.png') });
  });

  test('clicking a node on the canvas selects it', async () => {
    const { page } = watched;
    await page.click('#panel-content');
    await page.evaluate(() => window.claimgraph!.app.select(null, { camera: false }));
    // the camera may still be moving to the claim the test before opened: a position read now would be stale
    await page.waitForFunction(() => !window.claimgraph!.app.sigma!.getCamera().isAnimated());
    const at = await nodePosition(page, 'agency:ravenline');
    await page.mouse.move(at.x, at.y);
    await page.mouse.click(at.x, at.y);
    await expect(page.locator('.node-label').textContent()).resolves.toBe('Ravenline');
  });

  test('hovering a node keeps its neighbourhood and fades the rest', async () => {
    const { page } = watched;
    await page.evaluate(() => window.claimgraph!.app.select(null, { camera: false }));
    const at = await nodePosition(page, 'agency:ravenline');
    await page.mouse.move(at.x, at.y);
    await page.waitForFunction(() => window.claimgraph!.app.sigma!.getEdgeDisplayData('questioned:person:officials->claim:c3')?.hidden === true);
    const colors = await page.evaluate(() => {
      const sigma = window.claimgraph!.app.sigma!;
      const color = (n: string) => sigma.getNodeDisplayData(n)!.color;
      const edgeHidden = (e: string) => sigma.getEdgeDisplayData(e)!.hidden;
      return {
        self: color('agency:ravenline'), neighbour: color('claim:c2'), stranger: color('person:officials'),
        ownEdge: edgeHidden('denied:agency:ravenline->claim:c2'), otherEdge: edgeHidden('questioned:person:officials->claim:c3'),
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
    await nextFrames(page);
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
    await expect(rows.allTextContents()).resolves.toEqual([expect.stringContaining('Ravenline')]);
    await rows.first().click();
    await expect(page.locator('.node-label').textContent()).resolves.toBe('the breach was a welding fault');
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
    await page.evaluate(() => window.claimgraph!.app.select('agency:ravenline', { camera: true }));
    const url = page.url();
    const again = await openPage(browser.context, url);
    await expect(again.page.locator('.node-label').textContent()).resolves.toBe('Ravenline');
    await expect(again.page.locator('.legend input[data-kind="media"]').isChecked()).resolves.toBe(false);
    await expect(again.page.locator('#claims-view').isVisible()).resolves.toBe(true);
    expect(again.problems).toEqual([]);
    await again.page.close();
  });

  test('layout runs in a worker and stops', async () => {
    const { page } = watched;
    const before = await page.evaluate(() => window.claimgraph!.app.graph!.getNodeAttributes('agency:nha'));
    await page.click('#layout-toggle');
    await expect(page.locator('#layout-toggle').textContent()).resolves.toBe('Stop layout');
    await page.waitForFunction((x) => window.claimgraph!.app.graph!.getNodeAttribute('agency:nha', 'x') !== x, before.x);
    await page.click('#layout-toggle');
    await expect(page.locator('#layout-toggle').textContent()).resolves.toBe('Run layout');
    // stopped: the positions hold still
    const stopped = await page.evaluate(() => window.claimgraph!.app.graph!.getNodeAttributes('agency:nha'));
    await nextFrames(page, 10);
    await expect(page.evaluate(() => window.claimgraph!.app.graph!.getNodeAttributes('agency:nha'))).resolves.toMatchObject({ x: stopped.x, y: stopped.y });
  });

  test('untangle moves overlapping nodes apart', async () => {
    const { page } = watched;
    // three entities piled on one spot, as a layout leaves names that share every neighbour
    const pile = ['agency:nha', 'agency:ravenline', 'person:officials'];
    await page.evaluate((keys) => {
      const graph = window.claimgraph!.app.graph!;
      for (const k of keys) graph.mergeNodeAttributes(k, { x: 0, y: 0 });
    }, pile);
    /** the smallest screen distance between two of the pile, against the sum of their drawn radii */
    const closest = () => page.evaluate((keys) => {
      const sigma = window.claimgraph!.app.sigma!;
      const at = keys.map((k) => ({ ...sigma.framedGraphToViewport(sigma.getNodeDisplayData(k)!), r: sigma.getNodeDisplayData(k)!.size }));
      let worst = Infinity;
      for (let i = 0; i < at.length; i++) for (let j = i + 1; j < at.length; j++) worst = Math.min(worst, Math.hypot(at[i]!.x - at[j]!.x, at[i]!.y - at[j]!.y) - at[i]!.r - at[j]!.r);
      return worst;
    }, pile);
    await nextFrames(page);
    expect(await closest()).toBeLessThan(0);
    await page.click('#untangle');
    await nextFrames(page);
    expect(await closest()).toBeGreaterThan(0);
  });

  test('a relation with no direction (meets) has no arrow in the panel; a directed one has', async () => {
    const { page } = watched;
    await page.evaluate(() => window.claimgraph!.app.select('agency:nha', { camera: false }));
    const relations = await page.locator('.panel-section:has(h3:text-matches("^Relations")) .item-text').allTextContents();
    expect(relations).toContain('meets — Ravenline');
    expect(relations).toContain('employs → NHA spokesperson');
    await page.locator('.item-main:has-text("meets — Ravenline")').click();
    await expect(page.locator('#evidence h3').textContent()).resolves.toBe('NHA meets — Ravenline');
  });

  test('a speaker’s edge shows its confidence, quoting, unnamed source and belief, in its row and its evidence', async () => {
    const { page } = watched;
    await page.evaluate(() => window.claimgraph!.app.select('agency:nha', { camera: false }));
    const stated = page.locator('.panel-section:has(h3:text-matches("^Stated")) .item-main').first();
    await expect(stated.locator('.item-note').textContent()).resolves.toBe(CLAIM_EDGE_FIELDS['stated:agency:nha->claim:c1'].line);
    await stated.click();
    await expect(page.locator('#evidence .evidence-note').textContent()).resolves.toBe(CLAIM_EDGE_FIELDS['stated:agency:nha->claim:c1'].line);
    await page.screenshot({ path: join(RESULTS_DIR, 'viewer-edge-notes.png') });
    await page.evaluate(() => window.claimgraph!.app.select('claim:c3', { camera: false }));
    await expect(page.locator('.panel-section:has(h3:text-matches("^Speakers")) .item-note').allTextContents()).resolves.toEqual([CLAIM_EDGE_FIELDS['questioned:person:officials->claim:c3'].line]);
    // an edge without the fields (a file written before them) shows no note line
    await page.evaluate(() => window.claimgraph!.app.select('claim:c4', { camera: false }));
    await expect(page.locator('.panel-section .item-note').count()).resolves.toBe(0);
  });

  test('exports the visible graph as JSON, and the menu closes after each download', async () => {
    const { page } = watched;
    await page.evaluate(() => window.claimgraph!.app.select(null, { camera: false }));
    await page.locator('.legend input[data-kind="claim"]').uncheck();
    const menu = page.locator('details.export');
    await page.click('.export summary');
    await expect(menu.getAttribute('open')).resolves.toBe('');
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const exported = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
    expect(exported.nodes.some((n: { attributes: { kind: string } }) => n.attributes.kind === 'claim')).toBe(false);
    expect(exported.nodes.length).toBeGreaterThan(0);
    expect(exported.attributes.documents.length).toBe(2);
    await expect(menu.getAttribute('open')).resolves.toBeNull();
    await page.locator('.legend input[data-kind="claim"]').check();
  });

  test.each([['export-png', 'whole'], ['export-png-view', 'view']] as const)('#%s: a publication image at 2x with the title, dates, legend and export date', async (button, mode) => {
    const { page } = watched;
    // every text drawn on a canvas that Sigma does not show on the page: the image's own canvases
    await page.evaluate(() => {
      const w = window as unknown as { __imageTexts: string[]; __fill?: typeof CanvasRenderingContext2D.prototype.fillText };
      w.__imageTexts = [];
      w.__fill ??= CanvasRenderingContext2D.prototype.fillText;
      const fill = w.__fill;
      CanvasRenderingContext2D.prototype.fillText = function (text, x, y, max) {
        if (!this.canvas.isConnected || !this.canvas.closest('#graph')) w.__imageTexts.push(String(text));
        return fill.call(this, text, x, y, max);
      };
    });
    await page.click('.export summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#${button}`)]);
    const png = readFileSync(await download.path());
    await page.evaluate(() => {
      const w = window as unknown as { __fill: typeof CanvasRenderingContext2D.prototype.fillText };
      CanvasRenderingContext2D.prototype.fillText = w.__fill;
    });
    writeFileSync(join(RESULTS_DIR, `viewer-export-${mode}.png`), png);
    await expect(page.locator('details.export').getAttribute('open')).resolves.toBeNull();
    const texts = await page.evaluate(() => (window as unknown as { __imageTexts: string[] }).__imageTexts);
    const screen = (await page.locator('#graph').boundingBox())!;
    const size = pngSize(png);
    // the graph area alone is at least the screen's (a whole graph at least a 1200 x 800 page), twice over
    const least = mode === 'whole' ? { width: Math.max(screen.width, 1200), height: Math.max(screen.height, 800) } : screen;
    expect(size.width).toBeGreaterThanOrEqual(2 * least.width);
    expect(size.height).toBeGreaterThanOrEqual(2 * least.height);
    const name = (await page.locator('#graph-name').textContent())!.replace(/\.json$/, '');
    expect(texts).toContain(name);
    expect(texts).toContainEqual(expect.stringContaining('2018-10-04 to 2018-10-11 · 2 articles'));
    for (const kind of ['agency', 'claim', 'stated', 'denied', 'meets']) expect(texts).toContain(kind);
    expect(texts).toContainEqual(expect.stringMatching(/^Made with claimgraph · exported \d{4}-\d{2}-\d{2}$/));
    // and the graph itself: node labels drawn into the image
    expect(texts).toContain('Ravenline');
  });

  test('a statement opens its evidence at the claim’s sentence, not at the word "Statement" in the headline', async () => {
    const url = viewer.addFile('statement.json', JSON.stringify(statementGraph().export()));
    const { page, problems } = await openPage(browser.context, `${viewer.url}?graph=${encodeURIComponent(url)}&node=agency%3Aharbor-authority`);
    await page.locator('.panel-section:has(h3:text-matches("^Stated")) .item-main').first().click();
    const focus = page.locator('#evidence mark.evidence-focus');
    await expect(focus.textContent()).resolves.toBe(STATEMENT_CLAIM);
    // scrolled so that the claim, not the headline, is inside the article's box
    await page.waitForFunction(() => {
      const mark = document.querySelector('#evidence mark.evidence-focus');
      const box = mark?.closest('.doc-text')?.getBoundingClientRect();
      const r = mark?.getBoundingClientRect();
      return !!box && !!r && r.top >= box.top && r.bottom <= box.bottom;
    }, undefined, { timeout: 5000 });
    expect(problems).toEqual([]);
    await page.close();
  });

  test('no console errors, no dialogs', () => {
    expect(watched.problems).toEqual([]);
    expect(watched.dialogs).toEqual([]);
  });
});
