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

/** Resolves once `done()` holds, checking every 100 ms; fails after `ms`. */
async function waitFor(done: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error(`waited ${ms} ms in vain`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts the CLI in the background and resolves once it prints its URL, with everything it wrote so far. */
function startCli(args: string[]): { ready: Promise<{ url: string; stderr: () => string }>; stop(): void } {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const ready = new Promise<{ url: string; stderr: () => string }>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no URL printed; stdout: ${out} stderr: ${err}`)), 100_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (match) {
        clearTimeout(timer);
        done({ url: match[0], stderr: () => err });
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); fail(new Error(`exited ${code}: ${out} ${err}`)); });
  });
  return { ready, stop: () => child.kill('SIGTERM') };
}

test('`claimgraph serve FILE --port 0` bundles, prints the URL and serves the file there', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-serve-cli-'));
  const graph = join(dir, 'my graph.json');
  writeFileSync(graph, '{"attributes":{}}');
  const cli = startCli(['serve', graph, '--port', '0']);
  try {
    const { url } = await cli.ready;
    const port = Number(new URL(url).port);
    const graphRes = await rawGet(port, '/graph.json');
    expect(graphRes.body).toBe('{"attributes":{}}');
    expect(graphRes.headers['x-graph-name']).toBe('my%20graph.json');
    const page = await rawGet(port, '/');
    expect(page.body).toContain('<script defer src="app.js">');
    expect((await rawGet(port, '/app.js')).body.length).toBeGreaterThan(10_000);
  } finally {
    cli.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('`claimgraph start`', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimgraph-start-'));
    mkdirSync(join(dir, 'articles'));
    writeFileSync(join(dir, 'articles', 'note.txt'), 'Agency Note\n\nThe harbour authority said that the crew is safe. Ravenline denied that the breach was a defect.\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('builds graph.json when it is missing, then serves it', async () => {
    const cli = startCli(['start', '--data', dir, '--port', '0']);
    try {
      const { url, stderr } = await cli.ready;
      expect(stderr()).toContain('building');
      const served = await rawGet(Number(new URL(url).port), '/graph.json');
      expect(served.status).toBe(200);
      const graph = JSON.parse(served.body) as { attributes: { documents: { id: string }[] } };
      expect(graph.attributes.documents.map((d) => d.id)).toEqual(['note']);
    } finally {
      cli.stop();
    }
  }, 120_000);

  test('watches its articles: a new article is built into the served graph, and graph-version moves on', async () => {
    const cli = startCli(['start', '--data', dir, '--port', '0']);
    try {
      const { url, stderr } = await cli.ready;
      const port = Number(new URL(url).port);
      const before = JSON.parse((await rawGet(port, '/graph-version')).body) as { version: string };
      await waitFor(() => stderr().includes('watching'), 20_000);
      writeFileSync(join(dir, 'articles', 'second.txt'), 'Port Note\n\nThe port authority said that the pier will reopen in May.\n');
      await waitFor(() => stderr().includes('rebuilt'), 100_000);
      expect(stderr()).toMatch(/rebuilt .*graph\.json from 2 document\(s\), 1 extracted/);
      const after = JSON.parse((await rawGet(port, '/graph-version')).body) as { version: string };
      expect(after.version).not.toBe(before.version);
      const graph = JSON.parse((await rawGet(port, '/graph.json')).body) as { attributes: { documents: { id: string }[] } };
      expect(graph.attributes.documents.map((d) => d.id)).toEqual(['note', 'second']);
    } finally {
      cli.stop();
    }
  }, 240_000);

  test('with --no-watch, graph-version has no content: the page stops asking', async () => {
    const cli = startCli(['start', '--data', dir, '--port', '0', '--no-watch']);
    try {
      const { url, stderr } = await cli.ready;
      expect((await rawGet(Number(new URL(url).port), '/graph-version')).status).toBe(204);
      expect(stderr()).not.toContain('watching');
    } finally {
      cli.stop();
    }
  }, 120_000);

  test('serves a graph newer than its articles without rebuilding it', async () => {
    utimesSync(join(dir, 'articles', 'note.txt'), new Date(2000, 1, 1), new Date(2000, 1, 1));
    writeFileSync(join(dir, 'graph.json'), '{"kept":true}');
    const cli = startCli(['start', '--data', dir, '--port', '0']);
    try {
      const { url, stderr } = await cli.ready;
      expect(stderr()).not.toContain('building');
      expect((await rawGet(Number(new URL(url).port), '/graph.json')).body).toBe('{"kept":true}');
    } finally {
      cli.stop();
    }
  }, 120_000);
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
