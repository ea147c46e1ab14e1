/**
 * claimgraph build, output side: writes the graph files whole or not at all. Each file goes to a temporary
 * file in the same folder first and is renamed into place only once every file has been written.
 */
import { promises as fsp } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file operations used here; tests pass their own to make a write fail half-way. */
export interface OutputFs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

export const nodeOutputFs: OutputFs = {
  mkdir: (path, options) => fsp.mkdir(path, options),
  writeFile: (path, data) => fsp.writeFile(path, data),
  rename: (from, to) => fsp.rename(from, to),
  rm: (path, options) => fsp.rm(path, options),
};

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
      await fs.mkdir(dirname(path), { recursive: true });
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
