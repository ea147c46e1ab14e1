/**
 * The per-user folder that holds viewer bundles when the package has no current one of its own:
 * $XDG_CACHE_HOME/claimgraph, else ~/.cache/claimgraph, else a folder of this user's in the system's temp folder
 * (a user such as `nobody` has no home). A folder is taken only when it is a real folder (no symbolic link),
 * owned by this user and writable by no one else, since the page is served from it.
 */
import { constants } from 'node:fs';
import { access, lstat, mkdir } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** Why `dir` may not hold the bundles, or undefined when it may (it is made when missing). */
async function unfitReason(dir: string): Promise<string | undefined> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const info = await lstat(dir);
    if (!info.isDirectory()) return 'not a folder';
    const uid = process.getuid?.();
    if (uid !== undefined && info.uid !== uid) return 'owned by another user';
    // another user who may write here could put a page of their own in our place
    if ((info.mode & 0o022) !== 0) return 'writable by other users';
    await access(dir, constants.W_OK);
    return undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? String(err);
  }
}

/** The candidates in order of preference. */
export function cacheDirCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const xdg = env.XDG_CACHE_HOME;
  const user = process.getuid?.() ?? 'user';
  return [
    // the XDG spec says a relative value is to be ignored
    ...(xdg && isAbsolute(xdg) ? [join(xdg, 'claimgraph')] : []),
    join(homedir(), '.cache', 'claimgraph'),
    join(tmpdir(), `claimgraph-${user}`),
  ];
}

/** The user's cache folder for viewer bundles: the first fit candidate. */
export const userCacheDir = (env: NodeJS.ProcessEnv = process.env): Promise<string> => firstFitDir(cacheDirCandidates(env));

/** The first of `candidates` fit to hold bundles (made when missing); throws, naming each and why not, when none is. */
export async function firstFitDir(candidates: readonly string[]): Promise<string> {
  const refused: string[] = [];
  for (const dir of candidates) {
    const reason = await unfitReason(dir);
    if (!reason) return dir;
    refused.push(`${dir}: ${reason}`);
  }
  throw new Error(`no folder to keep the viewer bundle in (${refused.join('; ')}); set XDG_CACHE_HOME to a folder of yours`);
}
