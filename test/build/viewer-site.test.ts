/**
 * Where serve takes the page from: the package's prebuilt bundle while it matches the sources, else a bundle made
 * once into the user's cache folder under the sources' hash and reused; never a write into the package. The
 * cache folder is the user's own: a folder others may write is passed over.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STAMP_FILE, viewerSourceHash } from '../../src/cli/viewer-bundle';
import { cacheDirCandidates, firstFitDir } from '../../src/cli/viewer-cache-dir';
import { viewerSite } from '../../src/cli/viewer-site';

/** A folder that looks like a complete bundle, stamped with `sourceHash`. */
function fakeBundle(dir: string, sourceHash: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of ['index.html', 'app.js', 'styles.css']) writeFileSync(join(dir, name), `/* ${name} */`);
  writeFileSync(join(dir, STAMP_FILE), JSON.stringify({ sourceHash }));
  return dir;
}

describe('viewerSite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-site-'));

  it('serves the prebuilt bundle when it was made from these sources, and writes nothing', async () => {
    const prebuiltDir = fakeBundle(join(dir, 'current'), await viewerSourceHash());
    const cacheDir = join(dir, 'cache-unused');
    mkdirSync(cacheDir);
    expect(await viewerSite({ prebuiltDir, cacheDir })).toEqual({ dir: prebuiltDir, how: 'prebuilt' });
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('bundles a stale or missing prebuilt one into the cache folder once, then reuses it', async () => {
    const cacheDir = join(dir, 'cache');
    mkdirSync(cacheDir);
    const stale = fakeBundle(join(dir, 'stale'), 'made-from-other-sources');
    const first = await viewerSite({ prebuiltDir: stale, cacheDir });
    const hash = await viewerSourceHash();
    expect(first).toMatchObject({ dir: join(cacheDir, `viewer-${hash.slice(0, 16)}`), how: 'bundled' });
    expect(readFileSync(join(first.dir, 'app.js'), 'utf8').length).toBeGreaterThan(10_000);
    expect(readFileSync(join(first.dir, 'index.html'), 'utf8')).toContain('<html');
    expect(JSON.parse(readFileSync(join(first.dir, STAMP_FILE), 'utf8'))).toEqual({ sourceHash: hash });
    // no temporary folder is left beside it
    expect(readdirSync(cacheDir)).toEqual([`viewer-${hash.slice(0, 16)}`]);
    expect(await viewerSite({ prebuiltDir: join(dir, 'missing'), cacheDir })).toEqual({ dir: first.dir, how: 'cached' });
  }, 120_000);

  it('keeps bundles in a folder of this user that no one else may write', async () => {
    const open = join(dir, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    const mine = join(dir, 'mine', 'claimgraph');
    expect(await firstFitDir([open, mine])).toBe(mine);
    expect(existsSync(mine)).toBe(true);
    await expect(firstFitDir([open])).rejects.toThrow(`${open}: writable by other users`);
  });

  it('prefers $XDG_CACHE_HOME, ignores a relative one, and ends with a folder of its own in the temp folder', () => {
    const uid = process.getuid?.() ?? 'user';
    expect(cacheDirCandidates({ XDG_CACHE_HOME: '/x/cache' })[0]).toBe('/x/cache/claimgraph');
    const withoutXdg = cacheDirCandidates({ XDG_CACHE_HOME: 'relative/cache' });
    expect(withoutXdg).toHaveLength(2);
    expect(withoutXdg[1]).toBe(join(tmpdir(), `claimgraph-${uid}`));
  });
});
