/**
 * The page follows a served graph that is rebuilt, as `claimgraph start` rebuilds it while watching its articles:
 * the server's graph-version moves on, the page reopens the graph and says so.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFromText } from '../../src/ingest/from-text';
import { extractDocument } from '../../src/pipeline/extract-document';
import { graphFromExtractions } from '../../src/pipeline/build-from-sources';
import { describeBrowser, launchBrowser, openPage, RESULTS_DIR, serveViewer, waitUntil, type Viewer } from './harness';

const ROOT = join(__dirname, '..', '..');

describeBrowser('the page follows a rebuilt graph', () => {
  let viewer: Viewer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    viewer = await serveViewer(readFileSync(join(ROOT, 'graph-data', 'graph.json'), 'utf8'), 'graph.json', { watched: true });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
  });

  test('reopens the graph when the served file is replaced, and says it was rebuilt', async () => {
    const { page, problems } = await openPage(browser.context, viewer.url);
    const order = () => page.evaluate(() => window.claimgraph!.app.graph!.order);
    const before = await order();
    const rebuilt = graphFromExtractions([extractDocument(documentFromText('pier-note', 'Pier Note\n\nThe port authority said that the pier will reopen in May.'))]);
    // as a build writes it: a whole new file renamed over the old one
    const file = join(viewer.dir, 'graph.json');
    writeFileSync(`${file}.tmp`, JSON.stringify(rebuilt.export()));
    renameSync(`${file}.tmp`, file);
    await waitUntil('the page reopens the rebuilt graph', async () => (await order()) === rebuilt.order, 20_000);
    expect(rebuilt.order).not.toBe(before);
    await page.waitForSelector('#message.info', { timeout: 5_000 });
    expect(await page.textContent('#message')).toContain('The graph was rebuilt');
    await page.screenshot({ path: join(RESULTS_DIR, 'watch-rebuilt.png') });
    expect(problems).toEqual([]);
  }, 120_000);
});
