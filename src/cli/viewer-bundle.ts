/**
 * The viewer page as files: esbuild bundles viewer/src/main.ts and viewer/styles.css, with viewer/index.html
 * beside them, and a stamp (`bundle.json`) that names the hash of the sources it was made from, so that a
 * bundle made earlier (at pack time, or in a cache folder) is used only while the sources are the same.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** The package root; src/cli and dist/cli are both two levels under it. */
export const PACKAGE_ROOT = resolve(__dirname, '..', '..');
export const VIEWER_DIR = join(PACKAGE_ROOT, 'viewer');
/** Where npm's prepare script puts the bundle (dist/ ships in the package; viewer/ may not be writable later). */
export const PREBUILT_DIR = join(PACKAGE_ROOT, 'dist', 'viewer');
/** The file in a bundle folder that says which sources it was made from. */
export const STAMP_FILE = 'bundle.json';
/** The files a complete bundle folder has (the stamp is written last, so it alone proves the rest). */
export const BUNDLE_FILES = ['index.html', 'app.js', 'styles.css', STAMP_FILE] as const;

export interface BundleStamp {
  sourceHash: string;
}

/** Writes a file whole or not at all: a temp file in the same folder, then a rename. */
async function writeWhole(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/** Not shipped in the package (package.json `files`), so not part of what the hash covers. */
const isLeftOut = (name: string) => name.startsWith('.') || name.endsWith('.test.ts') || name === 'test-helpers.ts';

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && !isLeftOut(e.name) && !relative(dir, e.parentPath).split(sep).some((p) => p.startsWith('.'))).map((e) => join(e.parentPath, e.name));
}

/**
 * A hash of everything the bundle can be made from: the viewer's sources and page, and all of src/ (the page
 * imports the schema, the loader and the GEXF writer, which import more). All of src/ rather than the exact
 * imports: a wider hash only costs a rebundle, a narrower one could serve a stale page. About 20 ms.
 */
export async function viewerSourceHash(root = PACKAGE_ROOT): Promise<string> {
  const files = [
    join(root, 'viewer', 'index.html'),
    join(root, 'viewer', 'styles.css'),
    ...(await filesUnder(join(root, 'viewer', 'src'))),
    ...(await filesUnder(join(root, 'src'))),
  ].filter((f) => existsSync(f));
  const names = files.map((f) => relative(root, f).split(sep).join('/')).sort();
  const hash = createHash('sha256');
  for (const name of names) {
    // the name and the length go in too, so that moving bytes between files changes the hash
    const bytes = await readFile(join(root, name));
    hash.update(`${name}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/** The stamp of a bundle folder, or undefined when the folder is not a complete bundle. */
export async function readStamp(dir: string): Promise<BundleStamp | undefined> {
  if (!BUNDLE_FILES.every((f) => existsSync(join(dir, f)))) return undefined;
  try {
    const stamp = JSON.parse(await readFile(join(dir, STAMP_FILE), 'utf8')) as Partial<BundleStamp>;
    return typeof stamp.sourceHash === 'string' ? { sourceHash: stamp.sourceHash } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Bundles the viewer into `outDir` (made if missing): app.js, styles.css, index.html and the stamp, which is
 * written last. `sourceHash` is the stamp's hash (computed when not given). Resolves to the time it took in ms.
 */
export async function bundleViewer(outDir: string, options: { minify?: boolean; sourceHash?: string } = {}): Promise<number> {
  const t0 = Date.now();
  // esbuild is loaded only here: a server that uses a bundle made earlier never needs it
  const { build } = require('esbuild') as typeof import('esbuild');
  const sourceHash = options.sourceHash ?? (await viewerSourceHash());
  await mkdir(outDir, { recursive: true });
  // no stamp while the files change: a bundle cut off half way is never taken for a complete one
  await rm(join(outDir, STAMP_FILE), { force: true });
  const result = await build({
    entryPoints: { app: join(VIEWER_DIR, 'src', 'main.ts'), styles: join(VIEWER_DIR, 'styles.css') },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: options.minify ?? true,
    sourcemap: false,
    write: false,
    outdir: outDir,
    logLevel: 'silent',
    legalComments: 'none',
  });
  for (const file of result.outputFiles) await writeWhole(file.path, file.contents);
  await writeWhole(join(outDir, 'index.html'), await readFile(join(VIEWER_DIR, 'index.html')));
  await writeWhole(join(outDir, STAMP_FILE), `${JSON.stringify({ sourceHash } satisfies BundleStamp)}\n`);
  return Date.now() - t0;
}
