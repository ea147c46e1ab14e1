/**
 * claimgraph CLI: what an output path may be. A command never writes over one of its own inputs, a device, a
 * FIFO, a socket or a folder; a symbolic link is followed on purpose (the file it points to is replaced and the
 * link is kept), and a link to nowhere is refused. Checked before any work, so a refused output costs nothing.
 */
import { promises as fsp, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type OutputTarget =
  | { ok: true; /** where the bytes go: the path itself, or the file its symbolic links lead to */ path: string; exists: boolean }
  | { ok: false; reason: string };

/** The file-system calls used here; tests pass their own. */
export interface TargetFs {
  lstat(path: string): Promise<Stats>;
  stat(path: string): Promise<Stats>;
  realpath(path: string): Promise<string>;
}

export const nodeTargetFs: TargetFs = {
  lstat: (path) => fsp.lstat(path),
  stat: (path) => fsp.stat(path),
  realpath: (path) => fsp.realpath(path),
};

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** The stats of each input that exists, to recognise an output that is one of them (by device and inode). */
export async function statInputs(inputs: readonly string[], fs: TargetFs = nodeTargetFs): Promise<{ path: string; info: Stats }[]> {
  const found: { path: string; info: Stats }[] = [];
  for (const path of inputs) {
    const info = await fs.stat(path).catch(() => undefined);
    if (info) found.push({ path, info });
  }
  return found;
}

/**
 * Checks that `path` may be written (replaced by a rename): it is absent or a regular file, and none of `inputs`.
 * `inputs` are the files (and folders) the command reads; an output inside an input folder is fine unless it is
 * one of the files read.
 */
export async function checkOutputTarget(path: string, inputs: readonly { path: string; info: Stats }[], fs: TargetFs = nodeTargetFs): Promise<OutputTarget> {
  let link: Stats;
  try {
    link = await fs.lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, path, exists: false };
    return { ok: false, reason: `cannot write: ${(err as Error).message}` };
  }
  let real = path;
  let info = link;
  if (link.isSymbolicLink()) {
    try {
      real = await fs.realpath(path);
      info = await fs.stat(real);
    } catch {
      return { ok: false, reason: 'is a symbolic link to a missing file; refusing to follow it (remove the link or give the real path)' };
    }
  }
  if (!info.isFile()) return { ok: false, reason: `is ${kindOf(info)}; refusing to replace it with a graph file` };
  const input = inputs.find((i) => sameFile(i.info, info));
  if (input) return { ok: false, reason: `is an input of this command (${input.path}); refusing to write over it` };
  return { ok: true, path: real === path ? path : resolve(dirname(path), real), exists: true };
}
