/**
 * Which folder `serve` and `start` serve the page from, without ever writing into the package: the bundle that
 * npm's prepare script made (dist/viewer) while the sources are the ones it was made from; else a bundle in the
 * user's cache folder under the sources' hash, made once and reused by later starts.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { PREBUILT_DIR, VIEWER_DIR, bundleViewer, readStamp, viewerSourceHash } from './viewer-bundle';
import { userCacheDir } from './viewer-cache-dir';

export interface ViewerSite {
  dir: string;
  /** prebuilt: the package's own bundle; cached: one made by an earlier start; bundled: made now */
  how: 'prebuilt' | 'cached' | 'bundled';
  /** bundling time, when bundled now */
  ms?: number;
}

export interface ViewerSiteOptions {
  /** the package's bundle (default dist/viewer) */
  prebuiltDir?: string;
  /** the folder that holds cached bundles (default: userCacheDir()) */
  cacheDir?: string;
}

/** Bundles kept in the cache folder: a few, for a user with several versions installed; the rest are removed. */
const KEEP = 4;
/** A temporary bundle folder this old was left by a start that was killed. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/** Removes all but the newest KEEP bundles, and temporary folders of killed starts; failures are harmless. */
async function prune(cacheDir: string, keep: string): Promise<void> {
  const entries = await readdir(cacheDir).catch(() => [] as string[]);
  const dated = await Promise.all(
    entries.filter((n) => n.startsWith('viewer-') || n.startsWith('.viewer-')).map(async (name) => ({ name, mtimeMs: (await stat(join(cacheDir, name)).catch(() => undefined))?.mtimeMs ?? 0 })),
  );
  const bundles = dated.filter((e) => e.name.startsWith('viewer-') && join(cacheDir, e.name) !== keep).sort((a, b) => b.mtimeMs - a.mtimeMs);
  const old = [...bundles.slice(KEEP - 1), ...dated.filter((e) => e.name.startsWith('.viewer-') && Date.now() - e.mtimeMs > STALE_TEMP_MS)];
  for (const e of old) await rm(join(cacheDir, e.name), { recursive: true, force: true }).catch(() => undefined);
}

/** Bundles into a temporary folder beside `dir`, then renames it into place, so `dir` is always whole. */
async function bundleInto(cacheDir: string, dir: string, sourceHash: string): Promise<number> {
  const tmp = await mkdtemp(join(cacheDir, '.viewer-'));
  try {
    const ms = await bundleViewer(tmp, { sourceHash });
    try {
      await rename(tmp, dir);
    } catch (err) {
      // another start made it meanwhile: theirs is as good as ours
      if ((await readStamp(dir))?.sourceHash === sourceHash) return ms;
      // a broken folder left in the way: replace it
      await rm(dir, { recursive: true, force: true });
      await rename(tmp, dir).catch(() => { throw err; });
    }
    return ms;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

export async function viewerSite(options: ViewerSiteOptions = {}): Promise<ViewerSite> {
  const prebuiltDir = options.prebuiltDir ?? PREBUILT_DIR;
  const stamp = await readStamp(prebuiltDir);
  // a package shipped without the viewer's sources can only serve what it was shipped with
  if (!existsSync(join(VIEWER_DIR, 'src', 'main.ts'))) {
    if (stamp) return { dir: prebuiltDir, how: 'prebuilt' };
    throw new Error(`the viewer bundle (${prebuiltDir}) is missing, and the viewer's sources are not there to make one`);
  }
  const sourceHash = await viewerSourceHash();
  if (stamp?.sourceHash === sourceHash) return { dir: prebuiltDir, how: 'prebuilt' };
  const cacheDir = options.cacheDir ?? (await userCacheDir());
  const dir = join(cacheDir, `viewer-${sourceHash.slice(0, 16)}`);
  if ((await readStamp(dir))?.sourceHash === sourceHash) {
    // the newest used are the ones prune keeps
    const now = new Date();
    await utimes(dir, now, now).catch(() => undefined);
    return { dir, how: 'cached' };
  }
  const ms = await bundleInto(cacheDir, dir, sourceHash);
  await prune(cacheDir, dir);
  return { dir, how: 'bundled', ms };
}
