/**
 * claimgraph build's extraction cache: the extractor's version, the part of every cache key that says which code
 * and which models made an extraction. It is a hash of the files of every extraction stage as this process runs
 * them (the .ts sources under ts-node, the compiled .js in dist/ when installed), their data and model files, the
 * packages they read with, and Node's own version, so that any change to any of them misses the cache.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { GENERATOR_VERSION } from '../version';

/** The folders, under src/ or dist/, whose every file can change an extraction (the graph stage is not cached). */
export const EXTRACTOR_FOLDERS = ['ingest', 'nlp', 'entities', 'claims', 'relations', 'pipeline'] as const;
/** Single modules outside them that the stages or the cache's record format read. */
export const EXTRACTOR_MODULES = ['types', 'version', 'graph/schema'] as const;
/** The packages that read the text (tokens, tags, HTML): a new version may read it differently. */
export const EXTRACTOR_PACKAGES = ['wink-nlp', 'wink-eng-lite-web-model', 'linkedom', '@mozilla/readability'] as const;

/** Code and data, not tests, declarations or source maps (a test's change cannot change an extraction). */
const COUNTS = (name: string): boolean => /\.(ts|js|json)$/.test(name) && !/\.(test|d)\.ts$|^test-helpers\./.test(name);

function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() && COUNTS(e.name) ? [join(dir, e.name)] : []));
}

/** The extraction's files under `root` (src/ or dist/), in a fixed order so that the hash does not depend on readdir. */
export function extractorFiles(root: string): string[] {
  const modules = EXTRACTOR_MODULES.flatMap((m) => ['.ts', '.js', '.json'].map((ext) => join(root, `${m}${ext}`)));
  const present = modules.filter((file) => {
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
  return [...EXTRACTOR_FOLDERS.flatMap((f) => filesUnder(join(root, f))), ...present].sort();
}

function packageVersion(name: string): string {
  try {
    return String((require(`${name}/package.json`) as { version?: unknown }).version);
  } catch {
    return 'unknown';
  }
}

/**
 * The version of the code under `root`: claimgraph's version and a hash of the files, packages, Node and, when
 * CLAIMGRAPH_ATTRIBUTION_MODEL points the claims stage at another model file, that file.
 */
export function computeExtractorVersion(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash('sha256');
  for (const file of extractorFiles(root)) {
    const bytes = readFileSync(file);
    hash.update(`${relative(root, file).split(sep).join('/')}\0${bytes.length}\0`).update(bytes);
  }
  for (const name of EXTRACTOR_PACKAGES) hash.update(`package ${name}@${packageVersion(name)}\0`);
  hash.update(`node ${process.versions.node}\0`);
  const model = env.CLAIMGRAPH_ATTRIBUTION_MODEL;
  if (model) {
    let bytes: Buffer | string;
    try {
      bytes = readFileSync(model);
    } catch {
      bytes = 'unreadable';
    }
    hash.update(`model ${model}\0`).update(bytes);
  }
  return `${GENERATOR_VERSION}+${hash.digest('hex').slice(0, 24)}`;
}

let cached: string | undefined;

/** This process's extractor version, computed once (about 5 MB of files read and hashed, some 20 ms). */
export function extractorVersion(): string {
  // this file is src/cli/*.ts or dist/cli/*.js: the stages are in the folder above, compiled alike
  cached ??= computeExtractorVersion(join(__dirname, '..'));
  return cached;
}
