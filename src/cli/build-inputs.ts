/**
 * claimgraph build, file side: finds the article files that the command names (files, or folders read for
 * .txt, .md and .html) and reads them, checking each one's size with stat before reading a byte.
 */
import { promises as fsp, type Dirent, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { SUPPORTED_EXTENSIONS, formatOf } from '../ingest/ingest';
import type { InputProblem } from '../pipeline/build-from-sources';

/** The file operations used here; tests pass their own to simulate failures that root cannot meet. */
export interface InputFs {
  stat(path: string): Promise<Stats>;
  readdir(path: string): Promise<Dirent[]>;
  readFile(path: string): Promise<Uint8Array>;
}

export const nodeInputFs: InputFs = {
  stat: (path) => fsp.stat(path),
  readdir: (path) => fsp.readdir(path, { withFileTypes: true }),
  readFile: (path) => fsp.readFile(path),
};

/** 5 MiB: a long news article is under 100 KB; anything much bigger is not one article. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** Parses a size such as `5MB`, `200k`, `1.5G` or `1000000` (bytes); units are powers of 1024. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? UNITS[(m[2] ?? '').toLowerCase()] : undefined;
  if (!m || unit === undefined) return undefined;
  const bytes = Math.floor(Number(m[1]) * unit);
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** A size for people: `50.0 MB`, `812 KB`, `17 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(bytes % 1024 ** 2 === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KB`;
  return `${bytes} bytes`;
}

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

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/** Reads one file, unless stat says it is over `maxBytes`: then it is refused without being read. */
export async function readInput(file: string, maxBytes: number, fs: InputFs = nodeInputFs): Promise<ReadResult> {
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
