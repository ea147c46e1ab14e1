/**
 * claimgraph build, file side: finds the article files that the command names (files, or folders read for
 * .txt, .md and .html) and reads them, checking each one's size with stat before reading a byte. An http(s) URL
 * named on the command line stands for itself and is fetched (build-fetch.ts); nothing else is fetched.
 */
import { promises as fsp, type Dirent, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_FETCH_TIMEOUT_MS, fetchPage, type FetchResult } from './build-fetch';
import { formatSize } from './byte-size';
import { SUPPORTED_EXTENSIONS, formatOf } from '../ingest/ingest';
import { isHttpUrl, urlForRecord } from '../ingest/fetched-url';
import type { InputProblem } from '../pipeline/build-from-sources';

/** The file operations used here; tests pass their own to simulate failures that root cannot meet. */
export interface InputFs {
  stat(path: string): Promise<Stats>;
  readdir(path: string): Promise<Dirent[]>;
  readFile(path: string): Promise<Uint8Array>;
  /** fetches a page named by its URL, of at most `maxBytes` (default: with the default time limit) */
  fetchPage?(url: string, maxBytes: number): Promise<FetchResult>;
}

const fetchWithDefaults = (url: string, maxBytes: number) => fetchPage(url, { maxBytes, timeoutMs: DEFAULT_FETCH_TIMEOUT_MS });

export const nodeInputFs: InputFs = {
  stat: (path) => fsp.stat(path),
  readdir: (path) => fsp.readdir(path, { withFileTypes: true }),
  readFile: (path) => fsp.readFile(path),
  fetchPage: fetchWithDefaults,
};

/** The input operations with another time limit for fetching (`--fetch-timeout`); the defaults without one. */
export function inputFsWithFetchTimeout(timeoutMs: number | undefined): InputFs {
  return timeoutMs === undefined ? nodeInputFs : { ...nodeInputFs, fetchPage: (url, maxBytes) => fetchPage(url, { maxBytes, timeoutMs }) };
}

/** 5 MiB: a long news article is under 100 KB; anything much bigger is not one article. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

// sizes are parsed and written in one module, which the URL fetcher shares; these names stay exported here
export { formatSize, parseSize } from './byte-size';

/** A file-system error as a short reason: the message of the system without its code and path noise. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES': case 'EPERM': return 'cannot read: permission denied';
    case 'EISDIR': return 'cannot read: it is a folder';
    case 'ENOTDIR': return 'a part of the path is not a folder';
    case 'ELOOP': return 'too many symbolic links';
    case 'EMFILE': case 'ENFILE': return 'cannot read: too many open files';
    default: return `cannot read: ${err instanceof Error ? err.message : String(err)}`;
  }
}

export interface CollectedInputs {
  /** files to read, as the user would name them, without repeats */
  files: string[];
  errors: InputProblem[];
}

/**
 * Every readable article file under `dir`, in name order; hidden entries are skipped. Symbolic links are
 * followed, but each folder is walked once (by device and inode), so a link to a parent cannot loop. A subfolder
 * that cannot be read, or a link that leads nowhere, is an error of its own: the rest of the tree is still found.
 * Only a failure to read `dir` itself throws.
 */
async function walk(dir: string, fs: InputFs, into: string[], errors: InputProblem[], seen = new Set<string>()): Promise<void> {
  const info = await fs.stat(dir);
  const id = `${info.dev}:${info.ino}`;
  if (seen.has(id)) return;
  seen.add(id);
  const entries = (await fs.readdir(dir)).filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let kind: 'dir' | 'file' | 'other' = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
    if (entry.isSymbolicLink()) {
      const target = await fs.stat(path).then((info) => ({ info }), (err: unknown) => ({ err: err as NodeJS.ErrnoException }));
      if ('err' in target) {
        // named, not skipped: the user may have meant the link to be read
        if (target.err.code === 'ENOENT') errors.push({ file: path, reason: 'broken symbolic link (its target does not exist)' });
        else errors.push({ file: path, reason: describeFsError(target.err) });
        continue;
      }
      kind = target.info.isDirectory() ? 'dir' : target.info.isFile() ? 'file' : 'other';
    }
    if (kind === 'dir') {
      await walk(path, fs, into, errors, seen).catch((err: unknown) => errors.push({ file: path, reason: describeFsError(err) }));
    } else if (kind === 'file' && formatOf(entry.name)) into.push(path);
  }
}

/**
 * Expands the inputs: a file stands for itself (whatever its extension: ingest says if it cannot read it),
 * a folder for the article files under it. A missing path or an empty folder is an error of its own.
 */
export async function collectInputs(inputs: string[], fs: InputFs = nodeInputFs): Promise<CollectedInputs> {
  const files: string[] = [];
  const errors: InputProblem[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  for (const input of inputs) {
    if (isHttpUrl(input)) {
      // named as stored: a password must not reach the graph or the terminal, so such a URL is not fetched
      const named = urlForRecord(input);
      if (/^https?:\/\/[^/?#]*@/i.test(input)) errors.push({ file: named, reason: 'a URL with a user name or password is not fetched (claimgraph reads public pages)' });
      else if (!seen.has(named)) {
        seen.add(named);
        files.push(named);
      }
      continue;
    }
    let info: Stats;
    try {
      info = await fs.stat(input);
    } catch (err) {
      errors.push({ file: input, reason: describeFsError(err) });
      continue;
    }
    if (info.isDirectory()) {
      const found: string[] = [];
      const before = errors.length;
      try {
        await walk(input, fs, found, errors);
      } catch (err) {
        errors.push({ file: input, reason: describeFsError(err) });
        continue;
      }
      if (!found.length && errors.length === before) errors.push({ file: input, reason: `no article files in this folder (${SUPPORTED_EXTENSIONS.join(', ')})` });
      found.forEach(add);
    } else if (info.isFile()) {
      add(input);
    } else {
      errors.push({ file: input, reason: 'not a regular file or folder' });
    }
  }
  return { files, errors };
}

/** `path`: what to store as the document's path, when it is not the file's path (a URL is stored as it is). */
export type ReadResult = { ok: true; bytes: Uint8Array; path?: string } | { ok: false; reason: string };

/**
 * Reads one file, unless stat says it is over `maxBytes`: then it is refused without being read. A URL is
 * fetched, with the same size limit.
 */
export async function readInput(file: string, maxBytes: number, fs: InputFs = nodeInputFs): Promise<ReadResult> {
  if (isHttpUrl(file)) {
    const fetched = await (fs.fetchPage ?? fetchWithDefaults)(file, maxBytes);
    return fetched.ok ? { ok: true, bytes: fetched.bytes, path: file } : fetched;
  }
  try {
    const info = await fs.stat(file);
    if (!info.isFile()) return { ok: false, reason: info.isDirectory() ? 'cannot read: it is a folder' : 'not a regular file' };
    if (info.size > maxBytes) {
      return { ok: false, reason: `${formatSize(info.size)} is over the ${formatSize(maxBytes)} size limit (raise it with --max-size)` };
    }
    const bytes = await fs.readFile(file);
    // The file may have grown between stat and read.
    if (bytes.length > maxBytes) return { ok: false, reason: `${formatSize(bytes.length)} is over the ${formatSize(maxBytes)} size limit (raise it with --max-size)` };
    return { ok: true, bytes };
  } catch (err) {
    return { ok: false, reason: describeFsError(err) };
  }
}
