/**
 * A graph too large for the page, served by parts (`serve --max-whole-graph`): the page opens one neighbourhood,
 * says how much of the whole graph it shows, searches every node of the whole graph, and opens another node's
 * neighbourhood from a search result or from a node's panel, keeping it in the URL. On the invented stories.
 */
import { join } from 'node:path';
import { graphToJsonText } from '../../src/pipeline/serialize';
import { allStoriesGraph } from '../helpers/story-graph';
import { describeBrowser, launchBrowser, openPage, RESULTS_DIR, serveViewer, waitUntil, type Viewer } from './harness';

describeBrowser('a graph served by parts', () => {
  const whole = allStoriesGraph();
  let viewer: Viewer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    viewer = await serveViewer(graphToJsonText(whole), 'graph.json', { byParts: true });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
  });

  test('opens a neighbourhood, says so, and opens others from the search and from a panel', async () => {
    const { page, problems } = await openPage(browser.context, viewer.url);
    const shown = () => page.evaluate(() => ({ order: window.claimgraph!.app.graph!.order, focus: window.claimgraph!.app.scope?.focus ?? null }));
    const first = await shown();
    expect(first.focus).not.toBeNull();
    expect(first.order).toBeLessThan(whole.order);
    expect(await page.isVisible('#scope')).toBe(true);
    const line = await page.textContent('#scope .scope-line');
    expect(line).toContain(`Showing ${first.order} of ${whole.order} nodes`);
    expect(line).toContain(whole.getNodeAttribute(first.focus!, 'label'));

    // the search covers the whole graph, not only what is drawn
    const target = whole.findNode((_n, a) => a.label === 'Brightwake Shipping')!;
    await page.fill('#scope .scope-search', 'brightwake');
    await page.waitForSelector('#scope .scope-result');
    await page.screenshot({ path: join(RESULTS_DIR, 'parts-search.png') });
    await page.click(`#scope .scope-result[data-key="${target}"]`);
    await waitUntil('the page opens the chosen neighbourhood', async () => (await shown()).focus === target);
    expect(new URL(page.url()).searchParams.get('focus')).toBe(target);
    expect(await page.textContent('#panel-content .node-label')).toBe('Brightwake Shipping');

    // from a node's panel: the neighbourhood of another entity shown (a speaker of a claim near the focus)
    const neighbour = await page.evaluate((focus) => window.claimgraph!.app.graph!.findNode((n, a) => n !== focus && a.kind !== 'claim')!, target);
    expect(neighbour).toBeTruthy();
    await page.evaluate((n) => window.claimgraph!.app.select(n, { camera: true }), neighbour);
    await page.click('#panel-content .open-neighbourhood');
    await waitUntil('the page opens the neighbour\'s neighbourhood', async () => (await shown()).focus === neighbour);
    await page.screenshot({ path: join(RESULTS_DIR, 'parts-neighbourhood.png') });

    // a reload keeps the neighbourhood
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.status === 'ready');
    expect((await shown()).focus).toBe(neighbour);
    expect(problems).toEqual([]);
  }, 120_000);
});
