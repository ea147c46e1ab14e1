/**
 * The Disputes view in headless chromium, over the invented harrow-ferry story as the pipeline builds it: the
 * tab counts the disputes, the list names both sides (speaker, stance, claim, date, article), choosing one lights
 * up its speakers, stance edges, claims and contradicts edge and fades the rest, opens both sides' evidence and
 * shows its sides in the panel, the URL keeps it across a reload, and a speaker's panel lists whom it disputes
 * with; a click on a contradicts edge chooses its dispute. A pier story whose every label is a script payload shows them as text; a graph without disputes says so.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { miniGraph } from '../fixtures/mini-graph';
import { harrowFerryGraph, pierGraph } from './dispute-fixtures';
import { describeBrowser, inkInScreenshot, launchBrowser, nextFrames, nodePosition, openPage, RESULTS_DIR, serveViewer, waitForInk, waitUntil, type Viewer, type WatchedPage } from './harness';

jest.setTimeout(180_000);

const DOVELL = 'person:councillor-imra-dovell';
const SPOKESMAN = 'person:council-spokesman@f2-ferry-vote';
const BRIGHTWAKE = 'organization:brightwake-shipping';
/** a claim of Imra Dovell's that no one disputes */
const TIMETABLE = 'claim:fb856d1aa6d6';

/** What Sigma draws for a node now: hidden, highlighted, its color. */
const nodeShown = (page: Page, key: string) =>
  page.evaluate((k) => {
    const d = window.claimgraph!.app.sigma!.getNodeDisplayData(k);
    return { hidden: d?.hidden ?? true, highlighted: d?.highlighted ?? false, color: d?.color ?? '' };
  }, key);

/** The edges Sigma draws now. */
const drawnEdges = (page: Page) =>
  page.evaluate(() => {
    const sigma = window.claimgraph!.app.sigma!;
    return sigma.getGraph().filterEdges((e) => !sigma.getEdgeDisplayData(e)?.hidden).sort();
  });

/** Share of the graph canvas in about the color of contradicts edges (#EE3377). */
const disputeInk = async (page: Page): Promise<number> =>
  (await inkInScreenshot(page, await page.locator('#graph').screenshot(), { rgb: [0xee, 0x33, 0x77], tolerance: 35 })).near;

describeBrowser('viewer: the Disputes view', () => {
  let viewer: Viewer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let watched: WatchedPage;
  const url = (name: string, graph: { export(): unknown }, query = '') => `${viewer.url}?graph=${encodeURIComponent(viewer.addFile(name, JSON.stringify(graph.export())))}${query}`;

  beforeAll(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    viewer = await serveViewer(JSON.stringify(harrowFerryGraph().export()));
    browser = await launchBrowser();
    watched = await openPage(browser.context, viewer.url);
  });

  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
  });

  test('the tab counts the disputes; the list names both sides with their stance, claim, date and article', async () => {
    const { page } = watched;
    await waitForInk(page);
    await expect(page.locator('#disputes-count').textContent()).resolves.toBe('4');
    await page.click('#disputes-toggle');
    await page.waitForSelector('#disputes-view:not([hidden]) button.dispute-row');
    await expect(page.locator('#disputes-toggle').getAttribute('aria-pressed')).resolves.toBe('true');
    expect(new URL(page.url()).searchParams.get('view')).toBe('disputes');
    const rows = page.locator('button.dispute-row');
    await expect(rows.count()).resolves.toBe(4);
    const sides = async (i: number) => {
      const row = rows.nth(i);
      const speakers = await row.locator('.dispute-speaker').allTextContents();
      const stances = await row.locator('.dispute-who .chip').allTextContents();
      const dates = await row.locator('.dispute-date').allTextContents();
      const docs = await row.locator('.dispute-doc').allTextContents();
      const when = dates.map((d, k) => `${d} · ${docs[k]}`);
      return { who: speakers.map((s, k) => `${s} ${stances[k]}`), when, reason: await row.getAttribute('data-reason') };
    };
    await expect(sides(0)).resolves.toEqual({ who: ['Councillor Imra Dovell stated', 'Brightwake Shipping denied'], when: ['2041-05-02 · Harrow Ferry Contract Under Fire', '2041-05-02 · Harrow Ferry Contract Under Fire'], reason: 'opposite-stance' });
    await expect(sides(1)).resolves.toEqual({ who: ['Councillor Imra Dovell stated', 'council spokesman stated'], when: ['2041-05-02 · Harrow Ferry Contract Under Fire', '2041-05-05 · Council Vote on Harrow Ferry'], reason: 'negation' });
    await expect(rows.nth(1).locator('.dispute-reason').textContent()).resolves.toBe('negation');
    await expect(rows.nth(1).locator('.dispute-claim').allTextContents()).resolves.toEqual(['“there is a secret deal between the council and Brightwake Shipping”', '“there is no secret deal between the council and Brightwake Shipping”']);
    await expect(page.locator('#disputes-view .claims-count').textContent()).resolves.toBe('4 of 4 disputes');
    await page.screenshot({ path: join(RESULTS_DIR, 'disputes-list.png') });
  });

  test('choosing a dispute lights up its speakers, stance edges, claims and contradicts edge, and fades the rest', async () => {
    const { page } = watched;
    const before = await disputeInk(page);
    await page.click('button.dispute-row:has-text("council spokesman")');
    await expect(page.locator('.node-label').textContent()).resolves.toBe('Councillor Imra Dovell vs council spokesman');
    await expect(page.locator('button.dispute-row.active').getAttribute('data-reason')).resolves.toBe('negation');
    await expect(page.locator('.panel-head .aliases').textContent()).resolves.toBe('A claim against its negation');
    const [deal, noDeal] = ['claim:df457e0c82fb', 'claim:28aab0ca17f6'];
    // the speakers stand out; the claims keep their color (their labels show where they leave the names room)
    for (const key of [DOVELL, SPOKESMAN]) await expect(nodeShown(page, key)).resolves.toMatchObject({ hidden: false, highlighted: true });
    for (const key of [deal, noDeal]) await expect(nodeShown(page, key)).resolves.toMatchObject({ hidden: false, color: '#888888' });
    // the other speaker of the deal, and the rest of the story, fade
    await expect(nodeShown(page, BRIGHTWAKE)).resolves.toMatchObject({ highlighted: false, color: '#e4e4e4' });
    await expect(nodeShown(page, 'person:tessaly-quorne')).resolves.toMatchObject({ highlighted: false, color: '#e4e4e4' });
    await expect(drawnEdges(page)).resolves.toEqual([
      `contradicts:${noDeal}--${deal}`,
      `stated:${SPOKESMAN}->${noDeal}`,
      `stated:${DOVELL}->${deal}`,
    ].sort());
    await nextFrames(page, 4);
    await page.screenshot({ path: join(RESULTS_DIR, 'disputes-selected.png') });
    // drawn thicker than the faded graph's edges, in the contradicts color
    await waitUntil('the contradicts edge drawn', async () => (await disputeInk(page)) > Math.max(before, 0.0003));

    // both sides' evidence opens: one tab per article, the claims' words marked
    await page.waitForSelector('#evidence:not([hidden])');
    await expect(page.locator('#evidence h3').textContent()).resolves.toBe('Councillor Imra Dovell stated “there is a secret deal between the council and Br…”; council spokesman stated “there is no secret deal between the council and B…”');
    await expect(page.locator('#evidence .evidence-tabs button').allTextContents()).resolves.toEqual(['Harrow Ferry Contract Under Fire', 'Council Vote on Harrow Ferry']);
    await expect(page.locator('#evidence mark.evidence-focus').allTextContents()).resolves.toContain('there is a secret deal between the council and Brightwake Shipping');
    await page.click('#evidence .evidence-tabs button:has-text("Council Vote")');
    await expect(page.locator('#evidence mark.evidence-focus').allTextContents()).resolves.toContain('there is no secret deal between the council and Brightwake Shipping');

    // the panel's sides open one side's evidence each
    await expect(page.locator('.panel-section:has(h3:text-matches("^Sides")) .item-text').allTextContents()).resolves.toEqual(['Councillor Imra Dovell', 'council spokesman']);
    await page.click('.panel-section:has(h3:text-matches("^Sides")) .item-main:has-text("council spokesman")');
    await expect(page.locator('#evidence h3').textContent()).resolves.toBe('council spokesman stated: “there is no secret deal between the council and Brightwake Shipping”');
    await expect(page.locator('#evidence mark').allTextContents()).resolves.toEqual(['said', 'there is no secret deal between the council and Brightwake Shipping']);
    // still the dispute that is lit
    await expect(nodeShown(page, BRIGHTWAKE)).resolves.toMatchObject({ color: '#e4e4e4' });
    await page.screenshot({ path: join(RESULTS_DIR, 'disputes-side.png') });
  });

  test('the URL keeps the dispute and the view across a reload', async () => {
    const { page } = watched;
    const params = new URL(page.url()).searchParams;
    expect(params.get('dispute')).toBe(`stated:${DOVELL}->claim:df457e0c82fb|stated:${SPOKESMAN}->claim:28aab0ca17f6`);
    expect(params.get('node')).toBeNull();
    await page.reload();
    await page.waitForSelector('body[data-status="ready"]');
    await expect(page.locator('.node-label').textContent()).resolves.toBe('Councillor Imra Dovell vs council spokesman');
    await expect(page.locator('button.dispute-row.active .dispute-speaker').allTextContents()).resolves.toEqual(['Councillor Imra Dovell', 'council spokesman']);
    await expect(nodeShown(page, SPOKESMAN)).resolves.toMatchObject({ highlighted: true });
    await expect(nodeShown(page, BRIGHTWAKE)).resolves.toMatchObject({ color: '#e4e4e4' });
  });

  test("a speaker's panel lists whom it disputes with: a row opens the disputes, › selects the other speaker", async () => {
    const { page } = watched;
    await page.click(`.panel-section:has(h3:text-matches("^Sides")) .item-open[aria-label="Select Councillor Imra Dovell"]`);
    await expect(page.locator('.node-label').textContent()).resolves.toBe('Councillor Imra Dovell');
    expect(new URL(page.url()).searchParams.get('dispute')).toBeNull();
    await expect(page.locator('button.dispute-row.active').count()).resolves.toBe(0);
    const section = page.locator('.panel-section:has(h3:text-matches("^Disputes with"))');
    await expect(section.locator('h3').textContent()).resolves.toBe('Disputes with (2)');
    await expect(section.locator('.item-text').allTextContents()).resolves.toEqual(['Brightwake Shipping', 'council spokesman']);
    await expect(section.locator('.item-detail').allTextContents()).resolves.toEqual([
      'they denied, this stated: “there is a secret deal between the council and Brightwake Shipping”',
      'they stated “there is no secret deal between the council and Brightwake …”; this stated “there is a secret deal between the council and Brightwake S…”',
    ]);
    await section.locator('.item-main:has-text("Brightwake Shipping")').click();
    await expect(page.locator('#evidence h3').textContent()).resolves.toBe('Councillor Imra Dovell stated, Brightwake Shipping denied: “there is a secret deal between the council and Brightwake Shipping”');
    await expect(section.locator('.item.active .item-text').textContent()).resolves.toBe('Brightwake Shipping');
    await expect(nodeShown(page, BRIGHTWAKE)).resolves.toMatchObject({ highlighted: true });
    await expect(nodeShown(page, SPOKESMAN)).resolves.toMatchObject({ color: '#e4e4e4' });
    await expect(nodeShown(page, TIMETABLE)).resolves.toMatchObject({ color: '#e4e4e4' });
    await nextFrames(page);
    await page.screenshot({ path: join(RESULTS_DIR, 'disputes-with.png') });
    // another row of the panel ends the disputes' light: the speaker's neighbourhood shows again
    await page.locator('.panel-section:has(h3:text-matches("^Stated")) .item-main').first().click();
    await expect(nodeShown(page, BRIGHTWAKE)).resolves.toMatchObject({ highlighted: false });
    await expect(nodeShown(page, TIMETABLE)).resolves.toMatchObject({ color: '#888888' });

    await section.locator('.item-open[aria-label="Select Brightwake Shipping"]').click();
    await expect(page.locator('.node-label').textContent()).resolves.toBe('Brightwake Shipping');
    await expect(page.locator('.panel-section:has(h3:text-matches("^Disputes with")) .item-text').allTextContents()).resolves.toEqual(['Councillor Imra Dovell']);
  });

  test("a claim's panel lists its disputes, and › selects one", async () => {
    const { page } = watched;
    await page.fill('#search', 'engines failed twice');
    await page.waitForSelector('#suggestions li[data-node]');
    await page.keyboard.press('Enter');
    const section = page.locator('.panel-section:has(h3:text-matches("^Disputes"))');
    await expect(section.locator('.item-text').allTextContents()).resolves.toEqual(['Engineer Suna Velt stated — Tessaly Quorne questioned', 'Calder Mirrow stated — Tessaly Quorne questioned']);
    await section.locator('.item-open').nth(1).click();
    await expect(page.locator('.node-label').textContent()).resolves.toBe('Calder Mirrow vs Tessaly Quorne');
    await expect(page.locator('button.dispute-row.active .dispute-speaker').allTextContents()).resolves.toEqual(['Calder Mirrow', 'Tessaly Quorne']);
    await expect(nodeShown(page, 'person:engineer-suna-velt')).resolves.toMatchObject({ color: '#e4e4e4' });
    await page.screenshot({ path: join(RESULTS_DIR, 'disputes-engines.png') });
  });

  test('Escape ends the selection; the tab closes the view', async () => {
    const { page } = watched;
    await page.locator('#panel-content').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await expect(page.locator('.panel-empty h2').textContent()).resolves.toBe('Nothing selected');
    expect(new URL(page.url()).searchParams.get('dispute')).toBeNull();
    await expect(nodeShown(page, 'person:engineer-suna-velt')).resolves.toMatchObject({ highlighted: false });
    await expect(nodeShown(page, 'person:engineer-suna-velt')).resolves.not.toMatchObject({ color: '#e4e4e4' });
    await page.click('#disputes-toggle');
    await page.waitForSelector('#disputes-view', { state: 'hidden' });
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
    await waitForInk(page);
  });

  test('hiding an article leaves its disputes out of the list', async () => {
    const { page } = watched;
    await page.click('#disputes-toggle');
    await page.uncheck('input[data-article="f2-ferry-vote"]');
    await expect(page.locator('#disputes-view .claims-count').textContent()).resolves.toBe('2 of 2 disputes (2 more in hidden articles)');
    await page.fill('#disputes-view input[type="search"]', 'quorne');
    await expect(page.locator('button.dispute-row').count()).resolves.toBe(1);
    await page.fill('#disputes-view input[type="search"]', '');
    await page.check('input[data-article="f2-ferry-vote"]');
    await expect(page.locator('button.dispute-row').count()).resolves.toBe(4);
  });

  test('clicking a contradicts edge in the graph chooses its dispute', async () => {
    const fresh = await openPage(browser.context, viewer.url);
    await waitForInk(fresh.page);
    const [a, b] = [await nodePosition(fresh.page, 'claim:df457e0c82fb'), await nodePosition(fresh.page, 'claim:28aab0ca17f6')];
    await fresh.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2);
    await fresh.page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2);
    await expect(fresh.page.locator('.node-label').textContent()).resolves.toBe('Councillor Imra Dovell vs council spokesman');
    expect(new URL(fresh.page.url()).searchParams.get('dispute')).toBe(`stated:${DOVELL}->claim:df457e0c82fb|stated:${SPOKESMAN}->claim:28aab0ca17f6`);
    expect(fresh.problems).toEqual([]);
    await fresh.page.close();
  });

  test('every label a script payload: shown as text in the list and the panel, nothing runs', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const g = pierGraph();
    g.forEachNode((key, attrs) => g.mergeNodeAttributes(key, attrs.kind === 'claim' ? { text: `${payload} ${attrs.text}`, label: `${payload} ${attrs.label}` } : { label: `${payload}${attrs.label}` }));
    const bad = await openPage(browser.context, url('payload.json', g, '&view=disputes'));
    await bad.page.waitForSelector('button.dispute-row');
    await expect(bad.page.locator('button.dispute-row').first().locator('.dispute-speaker').first().textContent()).resolves.toBe(`${payload}Harbour Board`);
    await bad.page.locator('button.dispute-row').first().click();
    await expect(bad.page.locator('.node-label').textContent()).resolves.toBe(`${payload}Harbour Board vs ${payload}Dockers' Union`);
    await expect(bad.page.locator('#disputes-view img, #panel-content img, #evidence img').count()).resolves.toBe(0);
    expect(bad.dialogs).toEqual([]);
    expect(bad.problems.filter((p) => !p.includes('favicon'))).toEqual([]);
    await bad.page.close();
  });

  test('a graph without disputes says so', async () => {
    const none = await openPage(browser.context, url('none.json', miniGraph(), '&view=disputes'));
    await expect(none.page.locator('#disputes-count').textContent()).resolves.toBe('');
    await expect(none.page.locator('#disputes-view .dispute-empty').textContent()).resolves.toBe('No disputes in this graph: no two speakers take opposite sides of a claim.');
    expect(none.problems).toEqual([]);
    await none.page.close();
  });

  test('nothing went wrong on the page', () => {
    expect(watched.problems).toEqual([]);
    expect(watched.dialogs).toEqual([]);
  });
});
