/**
 * claimgraph build, web side: fetches the http(s) URLs that the command names (and nothing else: links inside a
 * page are never followed), each with a time limit for the whole answer and the same size limit as files.
 * The body is read as a stream and given up as soon as it passes the limit, so memory stays bounded whatever a
 * server sends. Each failure is one reason, for a line `claimgraph: URL: reason`.
 */
import { InvalidArgumentError } from 'commander';
import { formatSize } from './byte-size';
import { GENERATOR_VERSION } from '../version';

/** 30 s: a news page answers in a second or two; a server that has not sent it whole by then is not going to. */
export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;

/** Media types read as web pages. */
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
}

export type FetchResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

const seconds = (ms: number) => `${ms % 1000 === 0 ? ms / 1000 : (ms / 1000).toFixed(1)} s`;
const overLimit = (maxBytes: number, size?: number) =>
  size === undefined
    ? `the page is over the ${formatSize(maxBytes)} size limit (stopped reading at ${formatSize(maxBytes)}; raise it with --max-size)`
    : `${formatSize(size)} is over the ${formatSize(maxBytes)} size limit (raise it with --max-size)`;

/** A network failure as a short reason. undici puts the system's error in `cause`. */
function describeFetchError(err: unknown): string {
  const cause = (err as { cause?: NodeJS.ErrnoException } | undefined)?.cause;
  switch (cause?.code) {
    case 'ECONNREFUSED': return 'cannot connect: connection refused';
    case 'ENOTFOUND': case 'EAI_AGAIN': return 'cannot connect: host not found';
    case 'ECONNRESET': case 'UND_ERR_SOCKET': return 'the connection was closed before the page was sent';
    case 'EHOSTUNREACH': case 'ENETUNREACH': return 'cannot connect: host unreachable';
    default: {
      const message = cause?.message ?? (err instanceof Error ? err.message : String(err));
      return `cannot fetch: ${message}`;
    }
  }
}

/** Reads the body up to `maxBytes`; undefined when it is longer (the rest is not read). */
async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, length);
}

/**
 * Fetches one page: a 2xx answer served as HTML, of at most `maxBytes` (decompressed), within `timeoutMs` from
 * the request to the last byte. Redirects are followed (fetch's limit of 20).
 */
export async function fetchPage(url: string, limits: FetchLimits): Promise<FetchResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  // fetch would refuse them too, with the URL in its message: a password must not reach the terminal or a log
  if (parsed.username || parsed.password) return { ok: false, reason: 'a URL with a user name or password is not fetched (claimgraph reads public pages)' };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  try {
    const response = await fetch(parsed, {
      signal: controller.signal,
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9', 'user-agent': `claimgraph/${GENERATOR_VERSION}` },
    });
    const drop = () => response.body?.cancel().catch(() => undefined);
    if (!response.ok) {
      await drop();
      return { ok: false, reason: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
    }
    const type = response.headers.get('content-type');
    const mediaType = type?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!HTML_TYPES.has(mediaType)) {
      await drop();
      return { ok: false, reason: `not an HTML page (Content-Type: ${type ?? 'none'}); only web pages are fetched` };
    }
    // a declared length over the limit is refused before a byte of the body is read
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > limits.maxBytes) {
      await drop();
      return { ok: false, reason: overLimit(limits.maxBytes, declared) };
    }
    const bytes = response.body ? await readCapped(response.body, limits.maxBytes) : new Uint8Array();
    if (!bytes) return { ok: false, reason: overLimit(limits.maxBytes) };
    return { ok: true, bytes };
  } catch (err) {
    if (timedOut) return { ok: false, reason: `timed out after ${seconds(limits.timeoutMs)} (raise it with --fetch-timeout)` };
    return { ok: false, reason: describeFetchError(err) };
  } finally {
    clearTimeout(timer);
  }
}

/** `--fetch-timeout` in seconds, as milliseconds. */
export function secondsOption(value: string): number {
  const seconds = Number(value);
  if (!(seconds > 0) || !Number.isFinite(seconds)) throw new InvalidArgumentError(`"${value}" is not a number of seconds (examples: 30, 2.5)`);
  return Math.round(seconds * 1000);
}
