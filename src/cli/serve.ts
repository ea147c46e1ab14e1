/**
 * claimgraph serve and start: serve the viewer with a graph file on 127.0.0.1. The page comes from the bundle
 * made at pack time, or one made once into the user's cache folder (viewer-site.ts): never from a bundle written
 * into the package at each start, which a user who may not write the package folder could not run.
 * `start` first rebuilds graph-data/graph.json when an article is newer than it.
 */
import type { Command } from 'commander';
import { readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { startViewerServer, type RunningViewerServer, type ViewerServerOptions } from './serve-static';
import { DEFAULT_MAX_WHOLE_GRAPH_MB, GraphParts } from './serve-parts';
import { watchFolder } from './watch-folder';
import { viewerSite } from './viewer-site';

export const DEFAULT_PORT = 5173;
// the browser tests bundle the page into folders of their own
export { bundleViewer } from './viewer-bundle';

/** Newest modification time (ms) of the article files under `dir`, or 0 when there are none. */
async function newestArticleTime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(txt|md|html?)$/i.test(entry.name)) continue;
    const info = await stat(join(entry.parentPath, entry.name));
    newest = Math.max(newest, info.mtimeMs);
  }
  return newest;
}

/** True when graph.json is missing or older than some article. */
export async function graphIsStale(articlesDir: string, graphFile: string): Promise<boolean> {
  if (!existsSync(graphFile)) return true;
  if (!existsSync(articlesDir)) return false;
  return (await newestArticleTime(articlesDir)) > (await stat(graphFile)).mtimeMs;
}

interface ServeFlags {
  port: string;
  host: string;
  open?: boolean;
  allowRemoteGraphs?: boolean;
  maxWholeGraph: string;
}

function parseMegabytes(text: string): number {
  const mb = Number(text);
  if (!Number.isFinite(mb) || mb < 0) throw new Error(`--max-whole-graph: "${text}" is not a size in MB`);
  return mb;
}

/**
 * A JSON graph is served by parts once it is larger than --max-whole-graph; one that already is, is read now,
 * so that the page's first neighbourhood does not wait for it.
 */
async function graphParts(graphFile: string | undefined, flags: ServeFlags): Promise<ViewerServerOptions['parts']> {
  if (!graphFile || !/\.json$/i.test(graphFile)) return undefined;
  const maxWholeBytes = parseMegabytes(flags.maxWholeGraph) * 1024 * 1024;
  const name = basename(graphFile);
  const graph = new GraphParts(graphFile, (message) => process.stderr.write(`claimgraph: ${name}: ${message}\n`));
  const size = (await stat(graphFile)).size;
  if (size > maxWholeBytes) {
    process.stderr.write(`claimgraph: ${name} is ${(size / 1024 / 1024).toFixed(0)} MB, more than --max-whole-graph ${flags.maxWholeGraph}: the page opens it by neighbourhood; reading it…\n`);
    await graph.prepare();
  }
  return { graph, maxWholeBytes };
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: "${text}" is not a port number (0-65535)`);
  return port;
}

/** Opens the URL with xdg-open when asked and when there is one; a headless machine just prints it. */
function openBrowser(url: string): void {
  const opener = ['/usr/bin/xdg-open', '/usr/local/bin/xdg-open', '/usr/bin/open'].find((p) => existsSync(p));
  if (!opener) {
    process.stderr.write('claimgraph: --open: no xdg-open here; open the URL yourself\n');
    return;
  }
  spawn(opener, [url], { stdio: 'ignore', detached: true }).unref();
}

/** Finds or makes the page, serves it with `graphFile`, prints the URL and keeps serving until stopped. */
async function bundleAndServe(graphFile: string | undefined, flags: ServeFlags, watched = false): Promise<RunningViewerServer> {
  const port = parsePort(flags.port);
  const parts = await graphParts(graphFile, flags);
  const site = await viewerSite();
  let running: RunningViewerServer;
  try {
    running = await startViewerServer({ root: site.dir, graphFile, port, host: flags.host, allowRemoteGraphs: flags.allowRemoteGraphs === true, watched, parts });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`port ${port} on ${flags.host} is already in use: pass --port N, or --port 0 for any free port`);
    throw err;
  }
  if (site.how === 'bundled') process.stderr.write(`claimgraph: viewer bundled into ${site.dir} in ${site.ms ?? 0} ms (reused by later starts)\n`);
  process.stdout.write(`claimgraph viewer: ${running.url}${graphFile ? '' : ' (no graph: drop a file on the page)'}\n`);
  if (flags.open) openBrowser(running.url);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return running;
}

function addServerOptions(command: Command): Command {
  return command
    .option('--port <port>', 'port to listen on (0: any free port)', String(DEFAULT_PORT))
    .option('--host <host>', 'address to bind (loopback by default)', '127.0.0.1')
    .option('--open', 'open the page with xdg-open, if there is one')
    .option('--allow-remote-graphs', 'let the page open graphs from other sites (?graph=https://…); by default only this server and local files')
    .option('--max-whole-graph <MB>', 'the largest graph JSON sent to the page whole; a larger one is opened by neighbourhood, with a search over every node', String(DEFAULT_MAX_WHOLE_GRAPH_MB));
}

export function registerServe(program: Command): void {
  addServerOptions(
    program
      .command('serve')
      .description('serve the viewer with a graph file (graphology JSON or GEXF) at http://127.0.0.1:PORT')
      .argument('<file>', 'graph file to open'),
  ).action(async (file: string, flags: ServeFlags) => {
    const graphFile = resolve(file);
    if (!existsSync(graphFile)) throw new Error(`serve: ${file}: no such file`);
    // a folder would start a server with no graph and say nothing: name the graph files it holds instead
    if ((await stat(graphFile)).isDirectory()) {
      const graphs = (await readdir(graphFile)).filter((n) => /\.(json|gexf)$/i.test(n)).sort();
      throw new Error(`serve: ${file}: is a folder; give a graph file${graphs.length ? ` (here: ${graphs.join(', ')})` : ''}`);
    }
    await bundleAndServe(graphFile, flags);
  });

  addServerOptions(
    program
      .command('start')
      .description('build graph-data/graph.json when the articles are newer, then serve the viewer on it, rebuilding as the articles change')
      .option('--data <dir>', 'folder holding articles/ and graph.json', 'graph-data')
      .option('--no-watch', 'serve the graph as built, without watching the articles'),
  ).action(async (flags: ServeFlags & { data: string; watch: boolean }) => {
    const articles = resolve(flags.data, 'articles');
    const graphFile = resolve(flags.data, 'graph.json');
    if (await graphIsStale(articles, graphFile)) {
      process.stderr.write(`claimgraph: building ${graphFile} from ${articles}\n`);
      try {
        // loaded here, not at the top: the build pipeline is large and `serve` never needs it
        const { runBuild } = require('./build') as typeof import('./build');
        const { code } = await runBuild({ inputs: [articles], out: graphFile, quiet: false });
        if (code !== 0) process.stderr.write(`claimgraph: build finished with errors (exit ${code}); serving what was built\n`);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        if (!existsSync(graphFile)) throw new Error(`start: cannot build ${graphFile}: ${reason}`);
        process.stderr.write(`claimgraph: warning: build failed (${reason}); serving the existing ${graphFile}\n`);
      }
    }
    const watching = flags.watch && existsSync(articles) && existsSync(graphFile);
    const running = await bundleAndServe(existsSync(graphFile) ? graphFile : undefined, flags, watching);
    if (!watching) return;
    const watch = watchFolder(articles, () => rebuildQuietly(articles, graphFile));
    running.server.once('close', () => watch.close());
    process.stderr.write(`claimgraph: watching ${articles}; the page follows each rebuild\n`);
  });
}

/** One rebuild while serving (the extraction cache makes it incremental), reported in one line. */
async function rebuildQuietly(articles: string, graphFile: string): Promise<void> {
  const started = Date.now();
  try {
    const { runBuild } = require('./build') as typeof import('./build');
    const { code, summary } = await runBuild({ inputs: [articles], out: graphFile, quiet: true });
    const extracted = summary.cache ? `, ${summary.cache.extracted} extracted` : '';
    const failed = code !== 0 ? `; ${summary.errors.length} input(s) failed` : '';
    process.stderr.write(`claimgraph: rebuilt ${graphFile} from ${summary.documents} document(s)${extracted} in ${Date.now() - started} ms${failed}\n`);
  } catch (err) {
    process.stderr.write(`claimgraph: rebuild failed (${err instanceof Error ? err.message : String(err)}); still serving the last graph\n`);
  }
}
