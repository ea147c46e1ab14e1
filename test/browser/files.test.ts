/**
 * Graphs the user brings: a GEXF chosen with the file picker draws; files that are not graphs give a message
 * a person can read, and the graph on screen stays whole; `?graph=URL` opens a served file; the "GEXF" export
 * is the CLI's own; a graph whose every text is an XSS payload shows the payloads as text and runs nothing.
 * claimgraph's own GEXF files, as the CLI writes them, are opened in cli-files below.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import { miniGraph } from '../fixtures/mini-graph';
import { runCli } from '../helpers/run-cli';
import { describeBrowser, launchBrowser, nodePosition, openPage, RESULTS_DIR, serveViewer, waitForInk, type Viewer } from './harness';

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
    await waitForInk(page, join(RESULTS_DIR, 'viewer-gexf.png'));
    await expect(page.locator('.legend-row:has(input[data-kind="agency"]) .legend-count').textContent()).resolves.toBe('2');
    await expect(page.locator('#graph-name').textContent()).resolves.toBe('mini.gexf');
    await page.fill('#search', 'NHA');
    await page.keyboard.press('Enter');
    await expect(page.locator('.panel-section:has(h3:text-matches("^Stated")) .item-text').allTextContents()).resolves.toEqual(['a small breach was found in the hull of the Kestrel Harbour Tender']);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('parallel edges are drawn as separate curves, single ones straight', async () => {
    const g = miniGraph();
    g.addDirectedEdgeWithKey('confirmed:agency:nha->claim:c1', 'agency:nha', 'claim:c1', { kind: 'confirmed', evidence: [], size: 1, color: '#009E73' });
    const { page } = await openPage(browser.context, viewer.url, 'empty');
    await page.setInputFiles('#file-input', { name: 'parallel.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(g.export())) });
    await page.waitForSelector('body[data-status="ready"]');
    const drawn = await page.evaluate(() => {
      const sigma = window.claimgraph!.app.sigma!;
      const d = (e: string) => sigma.getEdgeDisplayData(e) as unknown as { type: string; curvature?: number };
      return [d('stated:agency:nha->claim:c1'), d('confirmed:agency:nha->claim:c1'), d('denied:agency:ravenline->claim:c2'), d('meets:agency:nha--agency:ravenline')].map((x) => [x.type, Math.sign(x.curvature ?? 0)]);
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

  test('the GEXF export is what `claimgraph export` writes for the visible graph, and it opens again', async () => {
    const { page, problems } = await openPage(browser.context, viewer.url, 'empty');
    await page.setInputFiles('#file-input', { name: 'mini.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(miniGraph().export())) });
    await page.waitForSelector('body[data-status="ready"]');
    await page.locator('.legend input[data-kind="media"]').uncheck();
    await page.click('.export summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-gexf')]);
    const gexf = readFileSync(await download.path(), 'utf8');
    // the same graph less its media, exported by the CLI: byte for byte the same file
    const visible = miniGraph();
    visible.filterNodes((_n, a) => a.kind === 'media').forEach((n) => visible.dropNode(n));
    viewer.addFile('visible.json', JSON.stringify(visible.export()));
    const cli = runCli(['export', join(viewer.site, 'visible.json'), '--format', 'gexf']);
    expect(cli.stderr).toBe('');
    expect(gexf).toBe(cli.stdout);
    // what the old page export got wrong: a 1.2 draft with a broken viz namespace and mixed edge directions
    expect(gexf).toContain('xmlns="http://gexf.net/1.3"');
    expect(gexf).not.toContain('http:///');
    expect(gexf).not.toMatch(/type="undirected"/);
    // open the export through the server, as `claimgraph serve view.gexf` would
    const url = viewer.addFile('view.gexf', gexf);
    await page.goto(`${viewer.url}?graph=${encodeURIComponent(url)}`);
    await page.waitForSelector('body[data-status="ready"]');
    // the export held what was visible: no media nodes, every agency, and meets still without a direction
    await expect(page.locator('.legend input[data-kind="media"]').count()).resolves.toBe(0);
    await expect(page.locator('.legend-row:has(input[data-kind="agency"]) .legend-count').textContent()).resolves.toBe('2');
    await expect(page.evaluate(() => window.claimgraph!.app.graph!.isUndirected('meets:agency:nha--agency:ravenline'))).resolves.toBe(true);
    await page.fill('#search', 'Ravenline');
    await page.keyboard.press('Enter');
    await page.locator('.panel-section:has(h3:text-matches("^Denied")) .item-main').first().click();
    // GEXF carries no article text: the evidence is shown as the offsets it points at
    const denied = miniGraph().getEdgeAttribute('denied:agency:ravenline->claim:c2', 'evidence') as { doc: string; start: number; end: number }[];
    await expect(page.locator('#evidence .evidence-offset').first().textContent()).resolves.toBe(`${denied[0]!.doc}: characters ${denied[0]!.start}–${denied[0]!.end}`);
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

  test('after a failed open the graph on screen stays whole: drawn, titled, with its legend; the message can be closed', async () => {
    const { page, problems } = await openPage(browser.context, viewer.url, 'empty');
    await page.setInputFiles('#file-input', { name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(miniGraph().export())) });
    await page.waitForSelector('body[data-status="ready"]');
    await page.setInputFiles('#file-input', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"nodes": [') });
    await page.waitForSelector('body[data-status="error"]');
    await expect(page.locator('#message').textContent()).resolves.toMatch(/bad\.json: not valid JSON/);
    // title, legend and canvas all still show good.json: none of them is left over an empty canvas
    await expect(page.locator('#graph-name').textContent()).resolves.toBe('good.json');
    await expect(page.locator('.legend-row:has(input[data-kind="agency"]) .legend-count').textContent()).resolves.toBe('2');
    await waitForInk(page, join(RESULTS_DIR, 'viewer-failed-open.png'));
    await page.fill('#search', 'NHA');
    await page.keyboard.press('Enter');
    await expect(page.locator('.node-label').textContent()).resolves.toBe('NHA');
    await page.click('#message .message-close');
    await expect(page.locator('#message').isHidden()).resolves.toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('?graph=URL opens a served file, and a bad one says why', async () => {
    const url = viewer.addFile('other.json', JSON.stringify(miniGraph().export()));
    const { page, problems } = await openPage(browser.context, `${viewer.url}?graph=${encodeURIComponent(url)}&node=agency%3Aravenline`);
    await expect(page.locator('.node-label').textContent()).resolves.toBe('Ravenline');
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
    await page.waitForSelector('#evidence .doc-text');
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

/** An invented article, for a graph built by the CLI inside the test. */
const ARTICLE = `Harbor Authority Says Pier Fire Was Contained

The Harbor Authority said on Tuesday that the fire at Pier 9 was contained by noon. The fire chief, Dana Whitlock, confirmed that no one was hurt.

The Dockworkers Union denied that the cranes had been left running overnight. According to the Bayside Courier, inspectors questioned whether the sprinklers worked.
`;

describeBrowser('claimgraph’s own GEXF, as the CLI writes it, opens in the viewer', () => {
  let viewer: Viewer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let built: string;
  const DATA = join(__dirname, '..', '..', 'graph-data');

  beforeAll(async () => {
    viewer = await serveViewer(null);
    browser = await launchBrowser();
    // build, then export, with the real CLI: graph.json and the graph.gexf beside it, GEXF 1.3 and 1.2
    built = join(viewer.dir, 'built');
    viewer.addFile('harbor-fire.txt', ARTICLE);
    const build = runCli(['build', join(viewer.site, 'harbor-fire.txt'), '--out', join(built, 'graph.json'), '--quiet']);
    if (build.code !== 0) throw new Error(`claimgraph build failed (${build.code}): ${build.stderr}`);
    for (const version of ['1.3', '1.2']) {
      const exported = runCli(['export', join(built, 'graph.json'), '--format', 'gexf', '--gexf-version', version, '--out', join(built, `export-${version}.gexf`)]);
      if (exported.code !== 0) throw new Error(`claimgraph export failed (${exported.code}): ${exported.stderr}`);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
  });

  /** Each node and edge kind with its count (no node kind shares a name with an edge kind). */
  const kindCounts = (graph: Graph) => {
    const counts: Record<string, number> = {};
    graph.forEachNode((_n, a) => { counts[a.kind as string] = (counts[a.kind as string] ?? 0) + 1; });
    graph.forEachEdge((_e, a) => { counts[a.kind as string] = (counts[a.kind as string] ?? 0) + 1; });
    return counts;
  };

  const cases: [string, () => { gexf: string; json: string }][] = [
    ['graph.gexf written by build beside graph.json', () => ({ gexf: join(built, 'graph.gexf'), json: join(built, 'graph.json') })],
    ['export --format gexf (1.3)', () => ({ gexf: join(built, 'export-1.3.gexf'), json: join(built, 'graph.json') })],
    ['export --format gexf --gexf-version 1.2', () => ({ gexf: join(built, 'export-1.2.gexf'), json: join(built, 'graph.json') })],
    ['the committed graph-data/graph.gexf', () => ({ gexf: join(DATA, 'graph.gexf'), json: join(DATA, 'graph.json') })],
  ];

  test.each(cases)('%s: every node and edge kind counted as in the JSON, evidence as offsets', async (name, files) => {
    const { gexf, json } = files();
    const graph = Graph.from(JSON.parse(readFileSync(json, 'utf8')));
    const url = viewer.addFile(`${name.replace(/\W+/g, '-')}.gexf`, readFileSync(gexf, 'utf8'));
    const { page, problems } = await openPage(browser.context, `${viewer.url}?graph=${encodeURIComponent(url)}`);
    const shown = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.legend-row:has(input[data-kind])')].map((row) =>
      [row.querySelector<HTMLInputElement>('input[data-kind]')!.dataset.kind!, Number(row.querySelector('.legend-count')!.textContent)])));
    expect(shown).toEqual(kindCounts(graph));
    // a speaker's first claim: its evidence, without the article text, as the offsets it points at
    const edge = graph.findEdge((_e, a) => ['stated', 'denied', 'questioned', 'confirmed'].includes(a.kind as string))!;
    const evidence = graph.getEdgeAttribute(edge, 'evidence') as { doc: string; start: number; end: number }[];
    await page.evaluate((node) => window.claimgraph!.app.select(node, { camera: true }), graph.source(edge));
    await page.locator(`.item-main[data-item="${edge}"]`).click();
    const offsets = await page.locator('#evidence .evidence-offset').allTextContents();
    for (const e of evidence) expect(offsets).toContain(`${e.doc}: characters ${e.start}–${e.end}`);
    await expect(page.locator('#evidence').textContent()).resolves.toContain('GEXF files do not carry article texts');
    await waitForInk(page);
    if (name.startsWith('the committed')) await page.screenshot({ path: join(RESULTS_DIR, 'viewer-committed-gexf.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  test('`claimgraph serve graph.gexf`: the served GEXF opens as the page’s graph, and Open… takes one too', async () => {
    const served = await serveViewer(readFileSync(join(built, 'graph.gexf'), 'utf8'), 'graph.gexf');
    try {
      const { page, problems } = await openPage(browser.context, served.url);
      const order = Graph.from(JSON.parse(readFileSync(join(built, 'graph.json'), 'utf8'))).order;
      await expect(page.evaluate(() => window.claimgraph!.app.graph!.order)).resolves.toBe(order);
      await page.setInputFiles('#file-input', { name: 'export-1.2.gexf', mimeType: 'application/gexf+xml', buffer: readFileSync(join(built, 'export-1.2.gexf')) });
      await page.waitForFunction(() => document.getElementById('graph-name')!.textContent === 'export-1.2.gexf' && document.body.dataset.status === 'ready');
      await expect(page.evaluate(() => window.claimgraph!.app.graph!.order)).resolves.toBe(order);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await served.close();
    }
  });
});
