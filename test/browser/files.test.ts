/**
 * Graphs the user brings: a GEXF chosen with the file picker draws; files that are not graphs give a message
 * a person can read; `?graph=URL` opens a served file; a graph whose every text is an XSS payload shows the
 * payloads as text and runs nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import { miniGraph } from '../fixtures/mini-graph';
import { describeBrowser, inkInScreenshot, launchBrowser, nodePosition, openPage, RESULTS_DIR, serveViewer, type Viewer } from './harness';

jest.setTimeout(120_000);

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(2)</script>',
  'javascript:alert(3)',
  '"><svg onload=alert(4)>',
  "';alert(5);//",
];

/** The mini graph with every label, alias, text, title and key replaced by script payloads. */
function xssGraph(): Graph {
  const source = miniGraph();
  const g = new Graph({ type: 'mixed', multi: true });
  const payload = (i: number) => PAYLOADS[i % PAYLOADS.length]!;
  const docs = (source.getAttribute('documents') as { id: string; title: string; text: string }[]).map((d, i) => ({
    ...d,
    title: `${payload(i)} ${d.title}`,
    source: 'javascript:alert(6)',
    // same length as before, so evidence offsets stay inside; the first words become a payload
    text: (payload(i + 1) + d.text).slice(0, d.text.length),
  }));
  g.replaceAttributes({ ...source.getAttributes(), documents: docs });
  let i = 0;
  const keyOf = new Map<string, string>();
  source.forEachNode((key, attrs) => {
    const k = `${payload(i)}${key}`;
    keyOf.set(key, k);
    g.addNode(k, { ...attrs, label: `${payload(i)} ${attrs.label}`, aliases: [payload(i + 1), 'javascript:alert(7)'], ...(attrs.kind === 'claim' ? { text: `${payload(i + 2)} ${attrs.text}` } : {}) });
    i++;
  });
  source.forEachEdge((key, attrs, s, t, _sa, _ta, undirected) => {
    const add = undirected ? g.addUndirectedEdgeWithKey.bind(g) : g.addDirectedEdgeWithKey.bind(g);
    add(`${payload(i++)}${key}`, keyOf.get(s)!, keyOf.get(t)!, { ...attrs, label: payload(i) });
  });
  return g;
}

describeBrowser('viewer with files the user brings', () => {
  let viewer: Viewer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    viewer = await serveViewer(null);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
  });

  test('without a served graph the page asks for a file', async () => {
    const { page, problems } = await openPage(browser.context, viewer.url, 'empty');
    await expect(page.locator('#message').textContent()).resolves.toContain('Drop a graph file');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a GEXF file opened with the file picker draws', async () => {
    const { page, problems } = await openPage(browser.context, viewer.url, 'empty');
    const gexf = writeGexf(miniGraph());
    await page.setInputFiles('#file-input', { name: 'mini.gexf', mimeType: 'application/gexf+xml', buffer: Buffer.from(gexf) });
    await page.waitForSelector('body[data-status="ready"]');
    await page.waitForTimeout(300);
    const shot = await page.locator('#graph').screenshot({ path: join(RESULTS_DIR, 'viewer-gexf.png') });
    expect((await inkInScreenshot(page, shot)).ink).toBeGreaterThan(0.005);
    await expect(page.locator('.legend-row:has(input[data-kind="agency"]) .legend-count').textContent()).resolves.toBe('2');
    await expect(page.locator('#graph-name').textContent()).resolves.toBe('mini.gexf');
    await page.fill('#search', 'NASA');
    await page.keyboard.press('Enter');
    await expect(page.locator('.panel-section:has(h3:text-matches("^Stated")) .item-text').allTextContents()).resolves.toEqual(['a small hole was discovered at the International Space Station']);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('parallel edges are drawn as separate curves, single ones straight', async () => {
    const g = miniGraph();
    g.addDirectedEdgeWithKey('confirmed:agency:nasa->claim:c1', 'agency:nasa', 'claim:c1', { kind: 'confirmed', evidence: [], size: 1, color: '#009E73' });
    const { page } = await openPage(browser.context, viewer.url, 'empty');
    await page.setInputFiles('#file-input', { name: 'parallel.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(g.export())) });
    await page.waitForSelector('body[data-status="ready"]');
    const drawn = await page.evaluate(() => {
      const sigma = window.claimgraph!.app.sigma!;
      const d = (e: string) => sigma.getEdgeDisplayData(e) as unknown as { type: string; curvature?: number };
      return [d('stated:agency:nasa->claim:c1'), d('confirmed:agency:nasa->claim:c1'), d('denied:agency:roscosmos->claim:c2'), d('meets:agency:nasa--agency:roscosmos')].map((x) => [x.type, Math.sign(x.curvature ?? 0)]);
    });
    expect(drawn).toEqual([['curved', -1], ['curved', 1], ['arrow', 0], ['line', 0]]);
    await page.close();
  });

  test('a file dropped on the page opens', async () => {
    const { page, problems } = await openPage(browser.context, viewer.url, 'empty');
    const json = JSON.stringify(miniGraph().export());
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, json);
    await page.waitForSelector('body[data-status="ready"]');
    await expect(page.locator('#graph-name').textContent()).resolves.toBe('dropped.json');
    await expect(page.locator('body').getAttribute('class')).resolves.not.toContain('dragging');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the exported GEXF opens again with its evidence, and ?graph= serves GEXF too', async () => {
    const { page, problems } = await openPage(browser.context, viewer.url, 'empty');
    await page.setInputFiles('#file-input', { name: 'mini.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(miniGraph().export())) });
    await page.waitForSelector('body[data-status="ready"]');
    await page.locator('.legend input[data-kind="media"]').uncheck();
    await page.click('.export summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-gexf')]);
    const gexf = readFileSync(await download.path(), 'utf8');
    expect(gexf).toContain('<gexf');
    expect(gexf).not.toContain('label="Russian media"');
    expect(gexf).toContain('label="Roscosmos"');
    // open the export through the server, as `claimgraph serve view.gexf` would
    const url = viewer.addFile('view.gexf', gexf);
    await page.goto(`${viewer.url}?graph=${encodeURIComponent(url)}`);
    await page.waitForSelector('body[data-status="ready"]');
    // the export held what was visible: no media nodes, every agency
    await expect(page.locator('.legend input[data-kind="media"]').count()).resolves.toBe(0);
    await expect(page.locator('.legend-row:has(input[data-kind="agency"]) .legend-count').textContent()).resolves.toBe('2');
    await page.fill('#search', 'Roscosmos');
    await page.keyboard.press('Enter');
    await page.locator('.panel-section:has(h3:text-matches("^Denied")) .item-main').first().click();
    await expect(page.locator('#evidence mark.evidence-span').first().textContent()).resolves.toBe('denied');
    await expect(page.locator('#evidence .doc-title').textContent()).resolves.toBe('Agency Statement on Station Leak');
    expect(problems).toEqual([]);
    await page.close();
  });

  const badFiles: [string, string, RegExp][] = [
    ['broken.json', '{"nodes": [', /broken\.json: not valid JSON/],
    ['list.json', '[1, 2, 3]', /list\.json: not a claimgraph graph/],
    ['contract.json', JSON.stringify({ ...miniGraph().export(), nodes: [{ key: 'x', attributes: { kind: 'agency', label: 'X' } }], edges: [] }), /contract\.json: not a claimgraph graph: .*aliases/],
    ['broken.gexf', '<gexf><graph><nodes><node id="a"></nodes>', /broken\.gexf: not valid XML/],
    ['other.gexf', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', /other\.gexf: not a GEXF file/],
    ['empty.json', '', /empty\.json: the file is empty/],
  ];
  test.each(badFiles)('%s gives a readable error', async (name, content, reason) => {
    const { page } = await openPage(browser.context, viewer.url, 'empty');
    await page.setInputFiles('#file-input', { name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
    await page.waitForSelector('body[data-status="error"]');
    const text = await page.locator('#message').textContent();
    expect(text).toMatch(reason);
    await expect(page.locator('#message').isVisible()).resolves.toBe(true);
    await page.close();
  });

  test('?graph=URL opens a served file, and a bad one says why', async () => {
    const url = viewer.addFile('other.json', JSON.stringify(miniGraph().export()));
    const { page, problems } = await openPage(browser.context, `${viewer.url}?graph=${encodeURIComponent(url)}&node=agency%3Aroscosmos`);
    await expect(page.locator('.node-label').textContent()).resolves.toBe('Roscosmos');
    await expect(page.locator('#graph-name').textContent()).resolves.toBe('other.json');
    expect(problems).toEqual([]);
    await page.goto(`${viewer.url}?graph=missing.json`);
    await page.waitForSelector('body[data-status="error"]');
    await expect(page.locator('#message').textContent()).resolves.toMatch(/missing\.json: the server answered 404/);
    await page.close();
  });

  test('a graph made of XSS payloads shows them as text and runs nothing', async () => {
    const { page, problems, dialogs } = await openPage(browser.context, viewer.url, 'empty');
    await page.setInputFiles('#file-input', { name: '<img src=x onerror=alert(9)>.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(xssGraph().export())) });
    await page.waitForSelector('body[data-status="ready"]');
    // hover, search, select, panel, evidence, claims list: every place that shows data
    const claimKey = await page.evaluate(() => window.claimgraph!.app.graph!.findNode((_n, a) => a.kind === 'claim')!);
    const at = await nodePosition(page, claimKey);
    await page.mouse.move(at.x, at.y);
    await page.waitForSelector('#tooltip:not([hidden])');
    const tip = await page.locator('#tooltip .tooltip-text').textContent();
    expect(PAYLOADS.some((p) => tip?.includes(p))).toBe(true);
    await page.fill('#search', 'onerror');
    await page.waitForSelector('#suggestions li[data-node]');
    await page.keyboard.press('Enter');
    await page.locator('.item-main').first().click();
    await page.waitForSelector('#evidence .doc-text');
    await page.click('#claims-toggle');
    await page.locator('.claims-table tbody tr').first().click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(RESULTS_DIR, 'viewer-xss.png') });
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    const injected = await page.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
      svgs: document.querySelectorAll('svg').length,
      links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
      handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
    }));
    expect(injected).toEqual({ images: 0, scripts: ['app.js'], svgs: 0, links: [], handlers: [] });
    const label = await page.locator('.node-label').textContent();
    expect(PAYLOADS.some((p) => label?.includes(p))).toBe(true);
    await expect(page.locator('#graph-name').textContent()).resolves.toBe('<img src=x onerror=alert(9)>.json');
    const docTitle = await page.locator('#evidence .doc-title').textContent();
    expect(PAYLOADS.some((p) => docTitle?.includes(p))).toBe(true);
    await page.close();
  });
});
