/**
 * The packed package works from another project: `npm pack` ships dist/ (the prepare script compiles it and
 * bundles the viewer into dist/viewer), and `require('claimgraph')`, `import ... from 'claimgraph'` and TypeScript
 * all find loadGraph and the query API; the installed `claimgraph` command builds a graph from an article, answers
 * queries, and serves the viewer from a package folder that its user may not write. The tarball is unpacked into
 * a temporary project's node_modules as npm installs it, offline; its dependencies come from this repository's
 * node_modules through NODE_PATH (read only), since a test may not reach the registry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPage, startServeChild } from '../build/helpers/serve-child';
import { miniGraph } from '../fixtures/mini-graph';

const ROOT = join(__dirname, '..', '..');
const TIMEOUT = 300_000;

describe('npm pack, installed into another project', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-pack-'));
  const project = join(dir, 'consumer');
  const installed = join(project, 'node_modules', 'claimgraph');
  const env = { ...process.env, NODE_PATH: join(ROOT, 'node_modules') };
  const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: project, env, encoding: 'utf8', timeout: 120_000 });
  let files: string[] = [];

  beforeAll(() => {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', timeout: TIMEOUT - 30_000, stdio: ['ignore', 'pipe', 'pipe'] })) as { filename: string; files: { path: string }[] }[];
    files = packed[0]!.files.map((f) => f.path);
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', join(dir, packed[0]!.filename), '-C', installed, '--strip-components=1']);
    mkdirSync(join(project, 'node_modules', '.bin'));
    symlinkSync(join('..', 'claimgraph', 'bin', 'claimgraph.js'), join(project, 'node_modules', '.bin', 'claimgraph'));
    writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "version": "1.0.0", "private": true }\n');
    // the invented fixture graph, so that what the queries print does not hang on an article's extraction
    writeFileSync(join(project, 'graph.json'), JSON.stringify(miniGraph().export()));
  }, TIMEOUT);

  it('ships the compiled code with its type declarations, the CLI, and no tests', () => {
    for (const path of ['dist/query/index.js', 'dist/query/index.d.ts', 'dist/cli/main.js', 'bin/claimgraph.js', 'package.json']) expect(files).toContain(path);
    // the viewer's page, bundled at pack time, so that serve needs to write nothing
    for (const path of ['dist/viewer/index.html', 'dist/viewer/app.js', 'dist/viewer/styles.css', 'dist/viewer/bundle.json']) expect(files).toContain(path);
    expect(files.filter((f) => f.startsWith('test/') || f.endsWith('.test.ts'))).toEqual([]);
  });

  it('gives loadGraph and the query API to require and to import', () => {
    const script = "g.claims({ stance: 'denied' }).map((r) => r.speaker.label + ': ' + r.claim.text).join('\\n')";
    const cjs = run(process.execPath, ['-e', `require('claimgraph').loadGraph('graph.json').then((g) => console.log(${script}))`]);
    expect(cjs.stderr).toBe('');
    expect(cjs.stdout).toMatch(/^Ravenline: the breach was a welding fault/);
    const esm = run(process.execPath, ['--input-type=module', '-e', `import { loadGraph, queryGraph } from 'claimgraph'; const g = await loadGraph('graph.json'); console.log(typeof queryGraph, ${script})`]);
    expect(esm.stderr).toBe('');
    expect(esm.stdout).toBe(`function ${cjs.stdout}`);
  });

  it('types the API for TypeScript users', () => {
    writeFileSync(join(project, 'use.ts'), "import { loadGraph, type ClaimRow } from 'claimgraph';\nexport async function denied(): Promise<ClaimRow[]> {\n  return (await loadGraph('graph.json')).claims({ stance: 'denied' });\n}\n// @ts-expect-error: the API is typed, so a wrong stance is an error\nexport const wrong = async () => (await loadGraph('graph.json')).claims({ stance: 'shouted' });\n");
    const tsc = run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules', '@types'), 'use.ts']);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('runs the installed claimgraph command', () => {
    const stats = run(join(project, 'node_modules', '.bin', 'claimgraph'), ['query', 'stats', '--graph', 'graph.json', '--json']);
    expect(stats.stderr).toBe('');
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ documents: 2 });
  });

  it('builds a graph from an article with the installed claimgraph command', () => {
    // an invented article
    writeFileSync(join(project, 'mill-reopens.txt'), 'Old Mill Reopens After Flood\n\nThe county council said on Monday that the old mill would reopen in June.\n');
    const built = run(join(project, 'node_modules', '.bin', 'claimgraph'), ['build', 'mill-reopens.txt', '--out', join('out', 'graph.json'), '--json']);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    const summary = JSON.parse(built.stdout) as { documents: number; errors: unknown[]; nodes: Record<string, number> };
    expect(summary).toMatchObject({ documents: 1, errors: [] });
    expect(summary.nodes.claim).toBeGreaterThan(0);
    const graph = JSON.parse(readFileSync(join(project, 'out', 'graph.json'), 'utf8')) as { attributes: { documents: { id: string }[] } };
    expect(graph.attributes.documents.map((d) => d.id)).toEqual(['mill-reopens']);
  });

  // root may write a read-only folder, and CI runs as root: there the command runs as `nobody` through setpriv
  const asRoot = process.getuid?.() === 0;
  const hasSetpriv = spawnSync('setpriv', ['--version'], { encoding: 'utf8' }).status === 0;
  const serveTitle = 'serves the viewer from a read-only installed package, writing nothing (no bundle at start)';
  (asRoot && !hasSetpriv ? it.skip : it)(asRoot && !hasSetpriv ? `${serveTitle} [skipped: root without setpriv]` : serveTitle, async () => {
    chmodSync(dir, 0o755);
    execFileSync('chmod', ['-R', 'a-w', installed]);
    const cache = join(dir, 'user-cache');
    mkdirSync(cache);
    if (asRoot) chownSync(cache, 65534, 65534);
    const command = [join(project, 'node_modules', '.bin', 'claimgraph'), 'serve', 'graph.json', '--port', '0'];
    const [program, ...args] = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...command] : command;
    const server = await startServeChild(program!, args, { cwd: project, env: { ...env, XDG_CACHE_HOME: cache, HOME: cache } });
    try {
      expect((await getPage(server.url, '/')).body).toContain('<html');
      const app = await getPage(server.url, '/app.js');
      expect(app.status).toBe(200);
      expect(app.body.length).toBeGreaterThan(10_000);
      expect(JSON.parse((await getPage(server.url, '/graph')).body)).toHaveProperty('attributes.documents');
      expect(server.stderr()).toBe('');
    } finally {
      await server.stop();
    }
    // the page came from the package's own bundle: not even the user's cache folder was needed
    expect(readdirSync(cache)).toEqual([]);
  }, 120_000);
});
