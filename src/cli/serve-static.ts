/**
 * claimgraph's small static HTTP server for the viewer: the bundled page from one folder, the graph file at a
 * fixed URL, bound to loopback only. Paths that leave the folder are refused; nothing else is served.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { GraphParts } from './serve-parts';

export interface ViewerServerOptions {
  /** folder served at `/` (the bundled viewer) */
  root: string;
  /** graph file served at `/graph` (and `/graph.json` or `/graph.gexf` after its format); none: the page asks for a file */
  graphFile?: string;
  /** 0 asks the system for any free port */
  port: number;
  /** loopback by default; the viewer is for this machine only */
  host?: string;
  /** let the page fetch graphs from other origins (`?graph=https://…`); off: same origin and local files only */
  allowRemoteGraphs?: boolean;
  /** the graph file is rebuilt while serving: `/graph-version` tells the page when it changed */
  watched?: boolean;
  /**
   * the graph file by parts: when it is larger than `maxWholeBytes`, `/graph` answers one node's neighbourhood
   * (`?node=KEY`, by default the most connected entity) and `/graph-search?q=TEXT` searches every node
   */
  parts?: { graph: GraphParts; maxWholeBytes: number };
}

export interface RunningViewerServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.gexf': 'application/gexf+xml; charset=utf-8',
  '.graphml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type for a file name, by extension; unknown files are served as bytes. */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request path onto a file inside `root`, or null when it would leave the folder (`..`, encoded
 * slashes or dots, absolute paths, NUL bytes). Pure, so the traversal rules are tested without a socket.
 */
export function resolveInside(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const base = resolve(root);
  const target = resolve(base, ...segments);
  return target === base || target.startsWith(base + sep) ? target : null;
}

/** The extension under which the graph is announced, from its name (JSON unless it says GEXF). */
function graphAlias(graphFile: string): string {
  return extname(graphFile).toLowerCase() === '.gexf' ? '/graph.gexf' : '/graph.json';
}

/**
 * The page never needs code from elsewhere, and a graph's text cannot bring any in. Fetches go to this server
 * (and blob:/data: for opened files) unless remote graphs are allowed; no other site may frame the page.
 */
export function contentSecurityPolicy(allowRemoteGraphs = false): string {
  const connect = allowRemoteGraphs ? "connect-src 'self' blob: data: https: http:" : "connect-src 'self' blob: data:";
  return `default-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; ${connect}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;
}

interface SendOptions {
  type?: string;
  extra?: Record<string, string>;
  /** HEAD: the headers of the full answer (its real length), no body */
  head?: boolean;
  csp: string;
}

function send(res: ServerResponse, status: number, body: string | Buffer, options: SendOptions): void {
  res.writeHead(status, {
    ...options.extra,
    'Content-Type': options.type ?? 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': options.csp,
  });
  res.end(options.head ? undefined : body);
}

/** One copy of each file served, kept while its size and modification time stay the same. */
const cache = new Map<string, { mtimeMs: number; size: number; body: Buffer }>();

async function readCached(file: string): Promise<Buffer | undefined> {
  const info = await stat(file);
  if (!info.isFile()) return undefined;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit.body;
  const body = await readFile(file);
  cache.set(file, { mtimeMs: info.mtimeMs, size: info.size, body });
  return body;
}

async function serveFile(res: ServerResponse, file: string, options: SendOptions, root?: string): Promise<void> {
  try {
    // a symbolic link inside the folder may point out of it: what is served is where the link really leads
    if (root && !isInside(await realpath(root), await realpath(file))) return send(res, 403, 'forbidden: path leaves the served folder\n', options);
    const body = await readCached(file);
    if (!body) return send(res, 404, 'not found\n', options);
    send(res, 200, body, { ...options, type: contentTypeFor(file) });
  } catch {
    send(res, 404, 'not found\n', options);
  }
}

/** The graph file's version: its modification time and size, which every rebuild (a new file renamed in) changes. */
async function serveVersion(res: ServerResponse, graphFile: string, options: SendOptions): Promise<void> {
  try {
    const info = await stat(graphFile);
    send(res, 200, `${JSON.stringify({ version: `${info.mtimeMs}-${info.size}` })}\n`, { ...options, type: CONTENT_TYPES['.json'] });
  } catch {
    send(res, 404, 'not found\n', options);
  }
}

/** Whether the graph goes to the page by parts now: it may grow past the limit with a rebuild. */
async function servedByParts(parts: ViewerServerOptions['parts'], file: string): Promise<boolean> {
  if (!parts) return false;
  try {
    return (await stat(file)).size > parts.maxWholeBytes;
  } catch {
    return false;
  }
}

/** `/graph`: the file whole, or, for a graph too large for the page, the neighbourhood asked for. */
async function serveGraph(res: ServerResponse, file: string, query: URLSearchParams, parts: ViewerServerOptions['parts'], options: SendOptions): Promise<void> {
  const extra = { 'X-Graph-Name': encodeURIComponent(basename(file)) };
  if (!parts || !(await servedByParts(parts, file))) return serveFile(res, file, { ...options, extra });
  try {
    const answer = await parts.graph.neighbourhood(query.get('node') || null);
    send(res, answer.status, answer.text, { ...options, extra, type: answer.status === 200 ? CONTENT_TYPES['.json'] : undefined });
  } catch (err) {
    sendUnreadable(res, err, options);
  }
}

/** A 500 for a graph file that could not be read, with the reason. */
function sendUnreadable(res: ServerResponse, err: unknown, options: SendOptions): void {
  send(res, 500, `the graph could not be read: ${err instanceof Error ? err.message : String(err)}\n`, options);
}

/** `/graph-search?q=TEXT`: the nodes of a graph served by parts that match, as JSON; 204 when it is sent whole. */
async function serveSearch(res: ServerResponse, file: string, query: URLSearchParams, parts: ViewerServerOptions['parts'], options: SendOptions): Promise<void> {
  if (!parts || !(await servedByParts(parts, file))) return send(res, 204, '', options);
  try {
    const matches = await parts.graph.search(query.get('q') ?? '');
    send(res, 200, `${JSON.stringify(matches)}\n`, { ...options, type: CONTENT_TYPES['.json'] });
  } catch (err) {
    sendUnreadable(res, err, options);
  }
}

const isInside = (base: string, target: string) => target === base || target.startsWith(base + sep);

/** Host names the server answers to: loopback names and the address it is bound to, with or without the port. */
export function isAllowedHost(hostHeader: string | undefined, boundHost: string): boolean {
  if (!hostHeader) return false;
  const name = hostHeader.toLowerCase().replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  return ['localhost', '127.0.0.1', '::1', boundHost.toLowerCase().replace(/^\[(.*)\]$/, '$1')].includes(name);
}

/** The request handler, separate from the socket so that tests can see what each path maps to. */
export function viewerRequestHandler(options: Pick<ViewerServerOptions, 'root' | 'graphFile' | 'host' | 'allowRemoteGraphs' | 'watched' | 'parts'>) {
  const alias = options.graphFile ? graphAlias(options.graphFile) : null;
  const csp = contentSecurityPolicy(options.allowRemoteGraphs);
  const bound = options.host ?? '127.0.0.1';
  return (req: IncomingMessage, res: ServerResponse): void => {
    const head = req.method === 'HEAD';
    // DNS rebinding: a page of another site that resolves its name to 127.0.0.1 sends its own Host
    if (!isAllowedHost(req.headers.host, bound)) return send(res, 421, 'misdirected request: unknown Host\n', { csp, head });
    if (req.method !== 'GET' && !head) return send(res, 405, 'method not allowed\n', { csp, extra: { Allow: 'GET, HEAD' } });
    const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split('?');
    const query = new URLSearchParams(rawQuery);
    if (options.graphFile && (rawPath === '/graph' || rawPath === alias)) {
      // the page shows the file's name (X-Graph-Name; header values must be ASCII)
      void serveGraph(res, options.graphFile, query, options.parts, { csp, head });
      return;
    }
    if (rawPath === '/graph-search') {
      if (!options.graphFile) return send(res, 204, '', { csp, head });
      void serveSearch(res, options.graphFile, query, options.parts, { csp, head });
      return;
    }
    if (rawPath === '/graph-version') {
      // not watching: "nothing to follow" without an error status, which a browser would log as a failure
      if (!options.graphFile || !options.watched) return send(res, 204, '', { csp, head });
      void serveVersion(res, options.graphFile, { csp, head });
      return;
    }
    // no graph given: "nothing here yet" without an error status, so the page asks for a file quietly
    if (!options.graphFile && rawPath === '/graph') return send(res, 204, '', { csp, head });
    const file = resolveInside(options.root, rawPath === '/' ? '/index.html' : rawPath);
    if (file === null) return send(res, 403, 'forbidden: path leaves the served folder\n', { csp, head });
    void serveFile(res, file, { csp, head }, options.root);
  };
}

/** Starts the server; resolves once it listens, with the URL to print. */
export function startViewerServer(options: ViewerServerOptions): Promise<RunningViewerServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer(viewerRequestHandler(options));
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      resolvePromise({
        server,
        port,
        url: `http://${host}:${port}/`,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}
