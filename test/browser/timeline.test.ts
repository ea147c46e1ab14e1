/**
 * The viewer's time views in headless chromium, over an invented four-article story: the article list (date,
 * outlet, show/hide per article), the timeline strip (claims by day; a click opens the evidence) and the date
 * range, which filter the graph itself; all three kept in the URL.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { storyGraph } from '../fixtures/viewer-graphs';
import { describeBrowser, launchBrowser, openPage, RESULTS_DIR, serveViewer, waitForInk, type Viewer, type WatchedPage } from './harness';

jest.setTimeout(120_000);

/** Whether Sigma draws `key` now (a node, or an edge with `edge`): its reducers' answer, not a guess from the model. */
const drawn = (page: Page, key: string, what: 'node' | 'edge' = 'node') =>
  page.evaluate(([k, w]) => {
    const sigma = window.claimgraph!.app.sigma!;
    const data = w === 'node' ? sigma.getNodeDisplayData(k!) : sigma.getEdgeDisplayData(k!);
    return data !== undefined && !data.hidden;
  }, [key, what] as const);

const days = (page: Page) => page.locator('.timeline-day h3').allTextContents();

describeBrowser('viewer: articles, timeline and date range', () => {
  let viewer: Viewer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let watched: WatchedPage;

  beforeAll(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    viewer = await serveViewer(JSON.stringify(storyGraph().export()));
    browser = await launchBrowser();
    watched = await openPage(browser.context, viewer.url);
  });

  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
  });

  test('lists every article oldest first with its date and outlet, and says when either is missing', async () => {
    const { page } = watched;
    await waitForInk(page);
    await page.screenshot({ path: join(RESULTS_DIR, 'timeline-page.png') });
    await expect(page.locator('.article-row .article-title').allTextContents()).resolves.toEqual(['New Ferry Launched', 'Council Delays Ferry Vote', 'Ferry Fares', 'Letter on the Ferry']);
    await expect(page.locator('.article-row .article-meta').allTextContents()).resolves.toEqual([
      '2024-02-02 · Harbor Weekly', '2024-03-12 · Brackwater Gazette', '2024-03-12 · Brackwater Gazette', 'no date · outlet unknown',
    ]);
    await expect(page.locator('.articles h2').textContent()).resolves.toBe('Articles 4 of 4 shown');
  });

  test('the timeline shows the claims by day, undated last', async () => {
    const { page } = watched;
    await expect(days(page)).resolves.toEqual(['2024-02-02', '2024-03-12', 'no date']);
    const first = await page.locator('.timeline-day[data-day="2024-02-02"] .timeline-text').allTextContents();
    expect(first.sort()).toEqual(['fares will rise', 'fares will rise', 'the new ferry is safe']);
    await expect(page.locator('.timeline-day[data-day="undated"] .timeline-who').allTextContents()).resolves.toEqual(['Harbor pilots stated']);
  });

  test('clicking a claim in the timeline selects it and opens its evidence, marked in its article', async () => {
    const { page } = watched;
    await page.click('.timeline-day[data-day="2024-03-12"] .timeline-claim:has-text("Lina Ortiz stated")');
    await expect(page.locator('.node-label').textContent()).resolves.toBe('the vote would come at 3 p.m. on Friday');
    await page.waitForSelector('#evidence:not([hidden])');
    const evidence = await page.locator('#evidence').textContent();
    expect(evidence).toContain('Council Delays Ferry Vote');
    expect(evidence).toContain('Mayor Lina Ortiz said on Sept. 4 that the vote would come at 3 p.m. on Friday.');
    await expect(page.locator('#evidence mark').allTextContents()).resolves.toContain('the vote would come at 3 p.m. on Friday');
    await expect(page.locator('.timeline-claim.active .timeline-who').textContent()).resolves.toBe('Lina Ortiz stated');
    await page.screenshot({ path: join(RESULTS_DIR, 'timeline-evidence.png') });
    await page.keyboard.press('Escape');
  });

  test('hiding an article hides what only it holds, and its claims leave the timeline', async () => {
    const { page } = watched;
    expect(await drawn(page, 'media:harbor-weekly')).toBe(true);
    await page.uncheck('input[data-article="ferry-launch"]');
    // only in the hidden article: gone; also in another article: still there, as is its edge from there
    expect(await drawn(page, 'media:harbor-weekly')).toBe(false);
    expect(await drawn(page, 'organization:ferry-line')).toBe(true);
    expect(await drawn(page, 'stated:organization:ferry-line->claim:safe', 'edge')).toBe(false);
    expect(await drawn(page, 'stated:organization:ferry-line->claim:fares', 'edge')).toBe(true);
    await expect(days(page)).resolves.toEqual(['2024-03-12', 'no date']);
    await expect(page.locator('.articles h2').textContent()).resolves.toBe('Articles 3 of 4 shown');
    expect(new URL(page.url()).searchParams.getAll('hideDoc')).toEqual(['ferry-launch']);
    await page.check('input[data-article="ferry-launch"]');
    expect(await drawn(page, 'media:harbor-weekly')).toBe(true);
  });

  test('the date range filters the graph, the timeline and the list, and survives a reload', async () => {
    const { page } = watched;
    await page.fill('input[data-range="since"]', '2024-03-01');
    await page.waitForSelector('.article-row.out-of-range[data-article="ferry-launch"]');
    // outside the range: the launch article (too early) and the letter (no date)
    expect(await drawn(page, 'media:harbor-weekly')).toBe(false);
    expect(await drawn(page, 'person:harbor-pilots')).toBe(false);
    expect(await drawn(page, 'person:lina-ortiz')).toBe(true);
    await expect(days(page)).resolves.toEqual(['2024-03-12']);
    // the Ferry Line said "fares will rise" in February and again in March: the March saying stays
    await expect(page.locator('.timeline-day[data-day="2024-03-12"] .timeline-who').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['Ferry Line stated', 'Lina Ortiz denied', 'Lina Ortiz stated', 'Amos Kell questioned']),
    );
    await expect(page.locator('.articles h2').textContent()).resolves.toBe('Articles 2 of 4 shown');
    await waitForInk(page);
    await page.screenshot({ path: join(RESULTS_DIR, 'timeline-range.png') });
    expect(new URL(page.url()).searchParams.get('since')).toBe('2024-03-01');

    await page.reload();
    await page.waitForSelector('body[data-status="ready"]');
    await expect(page.locator('input[data-range="since"]').inputValue()).resolves.toBe('2024-03-01');
    expect(await drawn(page, 'media:harbor-weekly')).toBe(false);
    await expect(days(page)).resolves.toEqual(['2024-03-12']);

    await page.click('.timeline-head button:has-text("All dates")');
    await expect(days(page)).resolves.toEqual(['2024-02-02', '2024-03-12', 'no date']);
    expect(await drawn(page, 'person:harbor-pilots')).toBe(true);
    expect(new URL(page.url()).searchParams.get('since')).toBeNull();
  });

  test('nothing went wrong on the page', () => {
    expect(watched.problems).toEqual([]);
    expect(watched.dialogs).toEqual([]);
  });
});
