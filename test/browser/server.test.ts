/**
 * The viewer's static server and the serve/start commands: loopback only, content types, the graph at a
 * fixed URL, path traversal refused, and `claimgraph serve FILE` printing a URL that serves the file.
 */
import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { graphIsStale } from '../../src/cli/serve';
import { contentTypeFor, resolveInside, startViewerServer, type RunningViewerServer } from '../../src/cli/serve-static';
import { ROOT, runCli } from '../helpers/run-cli';

/** A raw GET that does not normalise the path (fetch would resolve `..` before sending). */
function rawGet(port: number, path: string): Promise<{ status: number; type: string; body: string; headers: Record<string, unknown> }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('resolveInside', () => {
  const root = resolve('/srv/site');
  test.each([
    ['/index.html', join(root, 'index.html')],
    ['/a/b.js', join(root, 'a', 'b.js')],
    ['/./a//b.js', join(root, 'a', 'b.js')],
    ['/', root],
  ])('%s stays inside', (path, expected) => expect(resolveInside(root, path)).toBe(expected));
  test.each(['/../secret', '/a/../../secret', '/%2e%2e/secret', '/..%2fsecret', '/a%2f..%2f..%2fsecret', '/%2e%2e%5csecret', '/a\\..\\..\\secret', '/x%00.js', '/%E0%A4%A'])('%s is refused', (path) => {
    expect(resolveInside(root, path)).toBeNull();
  });
});

test('content types by extension', () => {
  expect(contentTypeFor('app.js')).toMatch(/^text\/javascript/);
  expect(contentTypeFor('index.HTML')).toMatch(/^text\/html/);
  expect(contentTypeFor('g.gexf')).toMatch(/gexf\+xml/);
  expect(contentTypeFor('blob.bin')).toBe('application/octet-stream');
});

describe('the viewer server', () => {
  let dir: string;
  let server: RunningViewerServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimgraph-server-'));
    mkdirSync(join(dir, 'site'));
    writeFileSync(join(dir, 'site', 'index.html'), '<!doctype html><title>page</title>');
    writeFileSync(join(dir, 'site', 'app.js'), 'void 0;');
    writeFileSync(join(dir, 'secret.txt'), 'do not serve');
    writeFileSync(join(dir, 'g.json'), '{"nodes":[]}');
    server = await startViewerServer({ root: join(dir, 'site'), graphFile: join(dir, 'g.json'), port: 0 });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('listens on loopback and prints its URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  test('serves the page and the bundle with their types', async () => {
    const page = await rawGet(server.port, '/');
    expect(page).toMatchObject({ status: 200, body: '<!doctype html><title>page</title>' });
    expect(page.type).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect((await rawGet(server.port, '/app.js')).type).toMatch(/^text\/javascript/);
  });

  test('serves the graph file at /graph and /graph.json with its name', async () => {
    for (const path of ['/graph', '/graph.json', '/graph?x=1']) {
      const res = await rawGet(server.port, path);
      expect(res).toMatchObject({ status: 200, body: '{"nodes":[]}' });
      expect(res.type).toMatch(/^application\/json/);
      expect(res.headers['x-graph-name']).toBe('g.json');
    }
  });

  test('refuses paths that leave the folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const res = await rawGet(server.port, path);
      expect(res.status).toBe(403);
      expect(res.body).not.toContain('do not serve');
    }
  });

  test('answers 404 for missing files and 405 for other methods', async () => {
    expect((await rawGet(server.port, '/nope.js')).status).toBe(404);
    const status = await new Promise<number>((done) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/', method: 'POST' }, (res) => { res.resume(); done(res.statusCode ?? 0); });
      req.end();
    });
    expect(status).toBe(405);
  });

  test('without a graph, /graph says "no content" rather than failing', async () => {
    const bare = await startViewerServer({ root: join(dir, 'site'), port: 0 });
    try {
      expect((await rawGet(bare.port, '/graph')).status).toBe(204);
    } finally {
      await bare.close();
    }
  });
});

describe('graphIsStale', () => {
  test('missing graph, newer article, older article', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimgraph-stale-'));
    try {
      const articles = join(dir, 'articles');
      mkdirSync(articles);
      const graph = join(dir, 'graph.json');
      writeFileSync(join(articles, 'a.txt'), 'text');
      await expect(graphIsStale(articles, graph)).resolves.toBe(true);
      writeFileSync(graph, '{}');
      utimesSync(join(articles, 'a.txt'), new Date(2000, 1, 1), new Date(2000, 1, 1));
      await expect(graphIsStale(articles, graph)).resolves.toBe(false);
      utimesSync(join(articles, 'a.txt'), new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
      await expect(graphIsStale(articles, graph)).resolves.toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('`claimgraph serve FILE --port 0` bundles, prints the URL and serves the file there', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-serve-cli-'));
  const graph = join(dir, 'my graph.json');
  writeFileSync(graph, '{"attributes":{}}');
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src/cli/main.ts'), 'serve', graph, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
  });
  try {
    const url = await new Promise<string>((done, fail) => {
      let out = '';
      const timer = setTimeout(() => fail(new Error(`no URL printed; got: ${out}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (match) { clearTimeout(timer); done(match[0]); }
      });
      child.on('exit', (code) => fail(new Error(`serve exited ${code}: ${out}`)));
    });
    const port = Number(new URL(url).port);
    const graphRes = await rawGet(port, '/graph.json');
    expect(graphRes.body).toBe('{"attributes":{}}');
    expect(graphRes.headers['x-graph-name']).toBe('my%20graph.json');
    const page = await rawGet(port, '/');
    expect(page.body).toContain('<script defer src="app.js">');
    expect((await rawGet(port, '/app.js')).body.length).toBeGreaterThan(10_000);
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('`claimgraph serve` names a missing file', () => {
  const result = runCli(['serve', '/no/such/graph.json', '--port', '0']);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('/no/such/graph.json: no such file');
});

test('`claimgraph serve` on a busy port says so', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-busy-'));
  const busy = await startViewerServer({ root: dir, port: 0 });
  try {
    writeFileSync(join(dir, 'g.json'), '{}');
    const result = runCli(['serve', join(dir, 'g.json'), '--port', String(busy.port)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`port ${busy.port} on 127.0.0.1 is already in use`);
  } finally {
    await busy.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
