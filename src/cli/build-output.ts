/**
 * claimgraph CLI, output side: writes a set of files (graph.json and graph.gexf, or an export's files) whole or
 * not at all. Each file goes to a temporary file in its folder; only when every one is written are they renamed
 * into place, and if a rename fails the files already renamed are put back from a hard-linked backup, so the
 * set is replaced entirely or not at all. Ctrl-C or SIGTERM during the write removes the temporary files.
 */
import { promises as fsp, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file operations used here; tests pass their own to make a write or a rename fail half-way. */
export interface OutputFs {
  stat(path: string): Promise<{ isDirectory(): boolean }>;
  mkdir(path: string): Promise<unknown>;
  /** `data` whole, or its pieces in order (a file too large for one string) */
  writeFile(path: string, data: FileData): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
  /** a second name for an existing file (the backup of a file about to be replaced) */
  link(existing: string, newPath: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
}

/** A file's text: one string, or pieces (lines) that are written in order and never joined whole. */
export type FileData = string | Iterable<string>;

/** Pieces joined into blocks of about `size` characters, so that a file of a million lines is not a million writes. */
export function* inBlocks(pieces: Iterable<string>, size = 1 << 20): Generator<string> {
  let block: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    block.push(piece);
    length += piece.length;
    if (length >= size) {
      yield block.join('');
      block = [];
      length = 0;
    }
  }
  if (block.length) yield block.join('');
}

export const nodeOutputFs: OutputFs = {
  stat: (path) => fsp.stat(path),
  mkdir: (path) => fsp.mkdir(path),
  writeFile: (path, data) => fsp.writeFile(path, typeof data === 'string' ? data : inBlocks(data)),
  rename: (from, to) => fsp.rename(from, to),
  rm: (path, options) => fsp.rm(path, options),
  link: (existing, newPath) => fsp.link(existing, newPath),
  copyFile: (from, to) => fsp.copyFile(from, to),
  readdir: (path) => fsp.readdir(path),
};

/**
 * Creates `dir` and its missing parents, one level at a time. Not `mkdir({recursive: true})`: on Node 20 it
 * never returns for a path under /proc (a loop on ENOENT), and a build must fail, not hang.
 */
async function ensureFolder(dir: string, fs: OutputFs): Promise<void> {
  try {
    if ((await fs.stat(dir)).isDirectory()) return;
    throw Object.assign(new Error(`ENOTDIR: not a folder: ${dir}`), { code: 'ENOTDIR' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const parent = dirname(dir);
  if (parent !== dir) await ensureFolder(parent, fs);
  await fs.mkdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
}

/** The GEXF file written beside a graph JSON: `graph.json` → `graph.gexf`. */
export function gexfPathFor(jsonPath: string): string {
  return jsonPath.replace(/\.json$/i, '') + '.gexf';
}

/** A temporary name beside `path`, hidden, and matched by the project's `*.tmp` ignore rule. */
export function tempPathFor(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.${pid}.tmp`);
}

/** The backup of a file being replaced, kept until every rename is done. */
export function backupPathFor(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.${pid}.old.tmp`);
}

/** Whether process `pid` is running (signal 0 only checks); EPERM means it runs under another user. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files that an earlier run left beside `path` when it was killed (`.graph.json.PID.tmp`
 * of a process that is gone). Resolves to the names removed.
 */
export async function removeStaleTemps(path: string, fs: OutputFs = nodeOutputFs, running: (pid: number) => boolean = isRunning): Promise<string[]> {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)(?:\.old)?\.tmp$/.exec(name.slice(prefix.length));
    const pid = m ? Number(m[1]) : NaN;
    if (!m || pid === process.pid || running(pid)) continue;
    await fs.rm(join(dir, name), { force: true }).catch(() => undefined);
    removed.push(join(dir, name));
  }
  return removed;
}

/** What a write has done so far, so that a failure or a signal can undo exactly that. */
interface WriteState {
  temps: string[];
  /** backups[i]: the old file at files[i], or undefined when there was none */
  backups: (string | undefined)[];
  renamed: number[];
}

/** Undoes a partial write synchronously (it runs in signal handlers too): old files back, temp files gone. */
function undoSync(paths: string[], state: WriteState): void {
  for (const i of [...state.renamed].reverse()) {
    const backup = state.backups[i];
    try {
      if (backup) renameSync(backup, paths[i]!);
      else rmSync(paths[i]!, { force: true });
    } catch {
      // nothing more can be done here; the error that started the undo is reported
    }
  }
  for (const file of [...state.temps, ...state.backups]) if (file) rmSync(file, { force: true });
}

/** Keeps a second name for `path` if it exists: a hard link (instant), else a copy. */
async function backUp(path: string, fs: OutputFs): Promise<string | undefined> {
  const backup = backupPathFor(path);
  await fs.rm(backup, { force: true });
  try {
    await fs.link(path, backup);
    return backup;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  }
  await fs.copyFile(path, backup);
  return backup;
}

/**
 * Writes every file whole, and all of them or none. On a failure the targets are left as they were (a rename
 * already done is undone from its backup), no temporary file is left, and the error is rethrown. SIGINT and
 * SIGTERM during the write undo it too, then end the process as the signal would have.
 */
export async function writeFilesWhole(files: { path: string; data: FileData }[], fs: OutputFs = nodeOutputFs): Promise<void> {
  const paths = files.map((f) => f.path);
  const state: WriteState = { temps: [], backups: [], renamed: [] };
  const onSignal = (signal: NodeJS.Signals) => {
    undoSync(paths, state);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    for (const { path, data } of files) {
      await ensureFolder(dirname(path), fs);
      const temp = tempPathFor(path);
      state.temps.push(temp);
      await fs.writeFile(temp, data);
    }
    for (const path of paths) state.backups.push(await backUp(path, fs));
    for (const [i, path] of paths.entries()) {
      await fs.rename(state.temps[i]!, path);
      state.renamed.push(i);
    }
    for (const backup of state.backups) if (backup) await fs.rm(backup, { force: true }).catch(() => undefined);
  } catch (err) {
    undoSync(paths, state);
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
