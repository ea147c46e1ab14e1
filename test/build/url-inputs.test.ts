/**
 * claimgraph build with http(s) URLs, against a server on 127.0.0.1 that this test starts: a page is built like
 * an HTML file (its id from the URL's path, the URL as its path), and each URL that cannot be had gets one line
 * naming it and the reason: a time-out, a body over --max-size (declared, or only found while reading), a 404, a
 * type that is not HTML, a refused connection, a password in the URL. Only the URLs named are fetched: no link
 * in a page, fetched or local, is followed.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentIdOfUrl, isHttpUrl, urlForRecord } from '../../src/ingest/fetched-url';
import { ROOT } from '../helpers/run-cli';

/** An invented article page; `links` go back to the test server, to show that none of them is fetched. */
const page = (title: string, body: string, links: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
  `<p>${body}</p><p>Read more <a href="${links}/never-followed">here</a>.</p><img src="${links}/never-loaded.png"></article></body></html>`;

const HARBOR = 'The Harbor Board said that the new ferry terminal would open in May, after two years of building work on the pier.';
const FERRY = 'Councillor Mara Ilves denied that the ferry timetable would be cut, and said the morning boats would keep running.';

/** The CLI in a child process, without blocking this process: the server must answer while it runs. */
function runCliAsync(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('isHttpUrl, documentIdOfUrl, urlForRecord', () => {
  it('takes only http and https for URLs', () => {
    expect(['http://a.example/x', 'HTTPS://a.example/'].every(isHttpUrl)).toBe(true);
    expect(['ftp://a.example/x', 'file:///etc/passwd', 'articles/http-story.txt', 'http:/one-slash'].some(isHttpUrl)).toBe(false);
  });

  it('names a page after the last part of its path, or its host', () => {
    expect(documentIdOfUrl('https://news.example/2024/harbor-vote.html?ref=rss#top')).toBe('harbor-vote');
    expect(documentIdOfUrl('https://news.example/stories/ferry-schedule/')).toBe('ferry-schedule');
    expect(documentIdOfUrl('https://news.example/stories/caf%C3%A9%20opens')).toBe('café opens');
    expect(documentIdOfUrl('https://news.example/bad%E0escape')).toBe('bad%E0escape');
    expect(documentIdOfUrl('https://news.example')).toBe('news.example');
  });

  it('stores a URL without its user name, password and fragment', () => {
    expect(urlForRecord('https://ann:s3cret@news.example/a.html?x=1#part')).toBe('https://news.example/a.html?x=1');
  });
});

describe('claimgraph build URL...', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-url-'));
  const requested: string[] = [];
  const sockets = new Set<Socket>();
  let server: Server;
  let base = '';
  let closedPort = 0;

  /** Streams a page that never ends, until the client hangs up (bounded, in case it never does). */
  const endless = (res: ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    const chunk = `<p>${'word '.repeat(1600)}</p>\n`;
    let sent = 0;
    const more = () => {
      while (sent < 64 * 1024 * 1024 && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', more);
      }
      res.end();
    };
    more();
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      requested.push(path);
      const html = (body: string) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(body);
      };
      if (path === '/news/harbor-vote.html') return html(page('Harbor Board Approves Ferry Terminal', HARBOR, base));
      if (path === '/stories/ferry-schedule') return html(page('Ferry Timetable Stays', FERRY, base));
      if (path === '/slow') {
        // the head and a first part, then nothing: the time limit covers the whole answer, not only its start
        res.writeHead(200, { 'Content-Type': 'text/html' });
        return void res.write('<!doctype html><title>Slow</title><p>The first words arrive');
      }
      if (path === '/endless') return endless(res);
      if (path === '/declared-huge') {
        res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(10 * 1024 * 1024) });
        return void res.write('<p>');
      }
      if (path === '/report.pdf') {
        res.writeHead(200, { 'Content-Type': 'application/pdf' });
        return void res.end('%PDF-1.4 not a page');
      }
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    });
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // a port that was free a moment ago and that nothing listens on: the connection is refused
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('builds the pages like HTML files, names each URL that fails with its reason, and fetches nothing else', async () => {
    // a local page whose links lead to the server: building it fetches none of them
    writeFileSync(join(dir, 'local.html'), page('Pier Repairs Finish Early', 'The city engineer said that the pier repairs were finished a week early and under budget.', base));
    const out = join(dir, 'graph.json');
    const urls = {
      harbor: `${base}/news/harbor-vote.html#comments`,
      ferry: `${base}/stories/ferry-schedule`,
      slow: `${base}/slow`,
      endless: `${base}/endless`,
      declared: `${base}/declared-huge`,
      missing: `${base}/missing.html`,
      pdf: `${base}/report.pdf`,
      refused: `http://127.0.0.1:${closedPort}/news/gone.html`,
      password: `http://editor:hunter2@127.0.0.1:${closedPort}/private.html`,
    };
    const result = await runCliAsync(['build', ...Object.values(urls), urls.ferry, join(dir, 'local.html'), '--out', out, '--json', '--max-size', '100k', '--fetch-timeout', '1']);

    const expected = [
      { file: `${base}/declared-huge`, reason: '10 MB is over the 100 KB size limit (raise it with --max-size)' },
      { file: `${base}/endless`, reason: 'the page is over the 100 KB size limit (stopped reading at 100 KB; raise it with --max-size)' },
      { file: `${base}/missing.html`, reason: 'HTTP 404 Not Found' },
      { file: `${base}/report.pdf`, reason: 'not an HTML page (Content-Type: application/pdf); only web pages are fetched' },
      { file: `${base}/slow`, reason: 'timed out after 1 s (raise it with --fetch-timeout)' },
      { file: `http://127.0.0.1:${closedPort}/news/gone.html`, reason: 'cannot connect: connection refused' },
      { file: `http://127.0.0.1:${closedPort}/private.html`, reason: 'a URL with a user name or password is not fetched (claimgraph reads public pages)' },
    ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const summary = JSON.parse(result.stdout) as { documents: number; errors: { file: string; reason: string }[]; out: string | null };
    expect(summary.errors).toEqual(expected);
    expect(result.stderr.trim().split('\n').sort()).toEqual(expected.map((e) => `claimgraph: ${e.file}: ${e.reason}`).sort());
    expect(result.stderr).not.toContain('hunter2');
    expect(result.code).toBe(1);

    expect(summary).toMatchObject({ documents: 3, out });
    const graph = JSON.parse(readFileSync(out, 'utf8')) as { attributes: { documents: { id: string; title: string; path?: string; text: string }[] }; nodes: { attributes: { kind: string; label: string } }[] };
    const docs = Object.fromEntries(graph.attributes.documents.map((d) => [d.id, d]));
    expect(Object.keys(docs).sort()).toEqual(['ferry-schedule', 'harbor-vote', 'local']);
    expect(docs['harbor-vote']).toMatchObject({ title: 'Harbor Board Approves Ferry Terminal', path: `${base}/news/harbor-vote.html` });
    expect(docs['harbor-vote']!.text).toContain(HARBOR);
    expect(docs['ferry-schedule']).toMatchObject({ path: `${base}/stories/ferry-schedule` });
    // the pages go through the whole pipeline: their claims are in the graph
    expect(graph.nodes.some((n) => n.attributes.kind === 'claim' && /ferry terminal would open/.test(n.attributes.label))).toBe(true);

    // each named URL once (the ferry page was named twice), and not one link from the pages
    expect([...requested].sort()).toEqual(['/declared-huge', '/endless', '/missing.html', '/news/harbor-vote.html', '/report.pdf', '/slow', '/stories/ferry-schedule']);
  }, 120_000);
});
