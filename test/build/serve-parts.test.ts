/**
 * A graph too large for the page, served by parts: `/graph` answers one neighbourhood (the most connected entity
 * by default, `?node=KEY` another), `/graph-search?q=` searches every node, and a graph under the limit is still
 * sent whole. The graph is read again when a rebuild replaces the file.
 */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphParts } from '../../src/cli/serve-parts';
import { startViewerServer, type RunningViewerServer } from '../../src/cli/serve-static';
import { graphFromJsonText } from '../../src/graph/load';
import { graphToJsonText } from '../../src/pipeline/serialize';
import { defaultFocus } from '../../src/query/neighbourhood';
import { documentFromText } from '../../src/ingest/from-text';
import { extractDocument } from '../../src/pipeline/extract-document';
import { graphFromExtractions } from '../../src/pipeline/build-from-sources';
import { allStoriesGraph } from '../helpers/story-graph';

function fetchText(port: number, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}` } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    }).on('error', reject);
  });
}

describe('a graph served by parts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-parts-'));
  const file = join(dir, 'graph.json');
  const whole = allStoriesGraph();
  const servers: RunningViewerServer[] = [];
  const serve = async (maxWholeBytes: number) => {
    const server = await startViewerServer({ root: join(dir, 'site'), graphFile: file, port: 0, parts: { graph: new GraphParts(file), maxWholeBytes } });
    servers.push(server);
    return server.port;
  };
  beforeAll(() => {
    mkdirSync(join(dir, 'site'));
    writeFileSync(file, graphToJsonText(whole));
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('/graph is the most connected entity\'s neighbourhood, laid out, a graph file that says what it is part of', async () => {
    const port = await serve(0);
    const answer = await fetchText(port, '/graph');
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('application/json');
    const part = graphFromJsonText(answer.body, 'part');
    const focus = defaultFocus(whole)!;
    expect(part.getAttribute('scope')).toMatchObject({ focus, nodes: whole.order, edges: whole.size });
    expect(part.order).toBeLessThan(whole.order);
    // laid out anew: not every node where the whole graph's layout put it
    expect(part.someNode((n, a) => a.x !== whole.getNodeAttribute(n, 'x') || a.y !== whole.getNodeAttribute(n, 'y'))).toBe(true);
  });

  test('?node= another neighbourhood; an unknown node is a 404 that names it', async () => {
    const port = await serve(0);
    const other = whole.findNode((_n, a) => a.label === 'Brightwake Shipping')!;
    const part = graphFromJsonText((await fetchText(port, `/graph?node=${encodeURIComponent(other)}`)).body, 'part');
    expect(part.getAttribute('scope')!.focus).toBe(other);
    expect(part.hasNode(other)).toBe(true);
    const missing = await fetchText(port, '/graph?node=person%3Anobody');
    expect([missing.status, missing.body]).toEqual([404, 'no node "person:nobody" in the graph\n']);
  });

  test('/graph-search answers the matches as JSON', async () => {
    const port = await serve(0);
    const answer = await fetchText(port, '/graph-search?q=brightwake');
    expect(answer.status).toBe(200);
    const matches = JSON.parse(answer.body) as { key: string; label: string; kind: string; degree: number }[];
    expect(matches[0]).toMatchObject({ label: 'Brightwake Shipping' });
    expect(matches[0]!.degree).toBe(whole.degree(matches[0]!.key));
  });

  test('under the limit the file is sent whole and there is nothing to search', async () => {
    const port = await serve(1024 * 1024 * 1024);
    expect((await fetchText(port, '/graph')).body).toBe(readFileSync(file, 'utf8'));
    expect((await fetchText(port, '/graph-search?q=brightwake')).status).toBe(204);
  });

  test('a rebuilt file is read again', async () => {
    const port = await serve(0);
    await fetchText(port, '/graph');
    const rebuilt = graphFromExtractions([extractDocument(documentFromText('pier-note', 'Pier Note\n\nThe Lowmarsh port authority said that the pier will reopen in May.'))]);
    writeFileSync(`${file}.tmp`, graphToJsonText(rebuilt));
    renameSync(`${file}.tmp`, file);
    const part = graphFromJsonText((await fetchText(port, '/graph')).body, 'part');
    expect(part.getAttribute('scope')!.nodes).toBe(rebuilt.order);
    expect((await fetchText(port, '/graph-search?q=brightwake')).body).toBe('[]\n');
    writeFileSync(file, graphToJsonText(whole));
  });
});
