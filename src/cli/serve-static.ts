/**
 * claimgraph's small static HTTP server for the viewer: the bundled page from one folder, the graph file at a
 * fixed URL, bound to loopback only. Paths that leave the folder are refused; nothing else is served.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface ViewerServerOptions {
  /** folder served at `/` (the bundled viewer) */
  root: string;
  /** graph file served at `/graph` (and `/graph.json` or `/graph.gexf` after its format); none: the page asks for a file */
  graphFile?: string;
  /** 0 asks the system for any free port */
  port: number;
  /** loopback by default; the viewer is for this machine only */
  host?: string;
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

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...extra,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // the page never needs code from elsewhere; a graph's text cannot bring any in
    'Content-Security-Policy': "default-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; connect-src *",
  });
  res.end(body);
}

async function serveFile(res: ServerResponse, file: string, head: boolean, extra: Record<string, string> = {}): Promise<void> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return send(res, 404, 'not found\n');
    const body = await readFile(file);
    send(res, 200, head ? Buffer.alloc(0) : body, contentTypeFor(file), extra);
  } catch {
    send(res, 404, 'not found\n');
  }
}

/** The request handler, separate from the socket so that tests can see what each path maps to. */
export function viewerRequestHandler(options: Pick<ViewerServerOptions, 'root' | 'graphFile'>) {
  const alias = options.graphFile ? graphAlias(options.graphFile) : null;
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n');
    const head = req.method === 'HEAD';
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    if (options.graphFile && (rawPath === '/graph' || rawPath === alias)) {
      // the page shows the file's name; header values must be ASCII
      void serveFile(res, options.graphFile, head, { 'X-Graph-Name': encodeURIComponent(basename(options.graphFile)) });
      return;
    }
    // no graph given: "nothing here yet" without an error status, so the page asks for a file quietly
    if (!options.graphFile && rawPath === '/graph') return send(res, 204, '');
    const file = resolveInside(options.root, rawPath === '/' ? '/index.html' : rawPath);
    if (file === null) return send(res, 403, 'forbidden: path leaves the served folder\n');
    void serveFile(res, file, head);
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
