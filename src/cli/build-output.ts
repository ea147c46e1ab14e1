/**
 * claimgraph build, output side: writes the graph files whole or not at all. Each file goes to a temporary
 * file in the same folder first and is renamed into place only once every file has been written.
 */
import { promises as fsp } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file operations used here; tests pass their own to make a write fail half-way. */
export interface OutputFs {
  stat(path: string): Promise<{ isDirectory(): boolean }>;
  mkdir(path: string): Promise<unknown>;
  writeFile(path: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

export const nodeOutputFs: OutputFs = {
  stat: (path) => fsp.stat(path),
  mkdir: (path) => fsp.mkdir(path),
  writeFile: (path, data) => fsp.writeFile(path, data),
  rename: (from, to) => fsp.rename(from, to),
  rm: (path, options) => fsp.rm(path, options),
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
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/**
 * Writes every file whole or not at all. On any failure the temporary files are removed, the targets are left
 * as they were (unless a rename already happened: renames are the last step and cannot fail half-written),
 * and the error is rethrown.
 */
export async function writeFilesWhole(files: { path: string; data: string }[], fs: OutputFs = nodeOutputFs): Promise<void> {
  const temps: string[] = [];
  try {
    for (const { path, data } of files) {
      await ensureFolder(dirname(path), fs);
      const temp = tempPathFor(path);
      temps.push(temp);
      await fs.writeFile(temp, data);
    }
    for (const [i, { path }] of files.entries()) await fs.rename(temps[i]!, path);
  } catch (err) {
    await Promise.all(temps.map((t) => fs.rm(t, { force: true }).catch(() => undefined)));
    throw err;
  }
}
