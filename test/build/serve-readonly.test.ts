/**
 * `claimgraph serve` for a user who may not write the package folder: the repository run as `nobody` through
 * setpriv (this test needs root for that, as CI runs); the page and the graph are served, and nothing is written
 * into the package (the page comes from the prebuilt bundle or the user's cache folder). The installed package,
 * made read-only, is served the same way in test/repo/package.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-cli';
import { getPage, startServeChild } from './helpers/serve-child';

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync('setpriv', ['--version'], { encoding: 'utf8' }).status === 0;
const title = 'serves the page and the graph to a user who cannot write the package folder, writing nothing there';

const skipped = !asRoot ? 'not root, so it cannot run as nobody' : !hasSetpriv ? 'no setpriv' : undefined;

(skipped ? it.skip : it)(skipped ? `${title} [skipped: ${skipped}]` : title, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-serve-ro-'));
  chmodSync(dir, 0o755);
  const cache = join(dir, 'cache');
  mkdirSync(cache);
  chownSync(cache, NOBODY, NOBODY);
  const before = readdirSync(join(ROOT, 'viewer')).sort();
  const cli = [process.execPath, '-r', 'ts-node/register/transpile-only', join(ROOT, 'src/cli/main.ts'), 'serve', join(ROOT, 'graph-data', 'graph.json'), '--port', '0'];
  const server = await startServeChild('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...cli], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), XDG_CACHE_HOME: cache, HOME: dir },
  });
  try {
    const index = await getPage(server.url, '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<html');
    const app = await getPage(server.url, '/app.js');
    expect(app.status).toBe(200);
    expect(app.type).toContain('javascript');
    const graph = await getPage(server.url, '/graph');
    expect(graph.status).toBe(200);
    expect(JSON.parse(graph.body)).toHaveProperty('attributes.documents');
    expect(server.stderr()).not.toContain('EACCES');
  } finally {
    await server.stop();
  }
  expect(readdirSync(join(ROOT, 'viewer')).sort()).toEqual(before);
}, 120_000);
