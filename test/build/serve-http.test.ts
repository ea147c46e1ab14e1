/**
 * The viewer server over HTTP: only loopback names and the bound address as Host (DNS rebinding), 405 with Allow,
 * HEAD with the real length, no symbolic link out of the served folder, a CSP that keeps fetches on this server
 * and forbids framing, and `serve DIR` refused with the graph files named.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAllowedHost, startViewerServer, type RunningViewerServer } from '../../src/cli/serve-static';
import { runCli } from '../helpers/run-cli';

function ask(port: number, method: string, path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the viewer server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-serve-'));
  const root = join(dir, 'site');
  const graph = join(dir, 'graph.json');
  let server: RunningViewerServer;
  beforeAll(async () => {
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>viewer</title>');
    writeFileSync(join(dir, 'secret.txt'), 'not to be served');
    symlinkSync(join(dir, 'secret.txt'), join(root, 'leak.txt'));
    writeFileSync(graph, '{"attributes":{},"nodes":[],"edges":[]}\n');
    server = await startViewerServer({ root, graphFile: graph, port: 0 });
  });
  afterAll(() => server.close());

  it('answers only to loopback names and its own address', async () => {
    expect(isAllowedHost('localhost:5173', '127.0.0.1')).toBe(true);
    expect(isAllowedHost('[::1]:80', '127.0.0.1')).toBe(true);
    expect(isAllowedHost('evil.example:5173', '127.0.0.1')).toBe(false);
    expect((await ask(server.port, 'GET', '/graph', 'rebound.example')).status).toBe(421);
    expect((await ask(server.port, 'GET', '/graph')).status).toBe(200);
  });

  it('sends Allow with 405, and the real Content-Length to HEAD', async () => {
    const post = await ask(server.port, 'POST', '/graph');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    const head = await ask(server.port, 'HEAD', '/graph');
    expect(head.headers['content-length']).toBe(String('{"attributes":{},"nodes":[],"edges":[]}\n'.length));
    expect(head.body).toBe('');
  });

  it('refuses a symbolic link that leads out of the served folder', async () => {
    const leak = await ask(server.port, 'GET', '/leak.txt');
    expect(leak.status).toBe(403);
    expect(leak.body).not.toContain('not to be served');
  });

  it('keeps fetches on this server and forbids framing', async () => {
    const csp = String((await ask(server.port, 'GET', '/')).headers['content-security-policy']);
    expect(csp).toContain("connect-src 'self' blob: data:;");
    expect(csp).not.toContain('connect-src *');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('refuses `serve DIR`, naming the graph files in it', () => {
    const result = runCli(['serve', dir, '--port', '0']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`claimgraph: serve: ${dir}: is a folder; give a graph file (here: graph.json)\n`);
  }, 120_000);
});
