/**
 * claimgraph build's extraction cache: one file per document extraction, so that a rebuild after one article was
 * added or changed extracts only that article. An entry's name is a hash of everything an extraction depends on
 * (the extractor's version, the input's bytes, the name its id and format come from, its stored path), so an
 * entry is never stale: a change to any of them is another name. The cache only ever saves work: an entry that
 * cannot be read, is damaged or was cut short is a miss (the document is extracted again and the entry
 * rewritten), and a cache that cannot be written costs one warning, never the build.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { SourceFile, SourceOutcome } from '../pipeline/build-from-sources';
import { parseShardLine, shardLine } from '../pipeline/shards';
import { isHttpUrl } from '../ingest/fetched-url';
import type { DocumentExtraction } from '../types';

/** The cache's folder beside the graph file, unless CLAIMGRAPH_CACHE_DIR names one. */
export const CACHE_FOLDER = '.claimgraph-cache';
export const CACHE_DIR_ENV = 'CLAIMGRAPH_CACHE_DIR';
/** An entry that no build has used for this many days is removed by the next build that prunes. */
export const UNUSED_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A temporary file older than this was left by a build that was killed; one being written is younger. */
const STALE_TEMP_MS = 60 * 60 * 1000;
/** Entries read or written at once: enough to hide the file system's latency, few enough for file handles. */
const PARALLEL_IO = 32;

/** The first line of an entry; the second is the extraction as a shard line (`claimgraph extract`'s format). */
const HEADER_FORMAT = 'claimgraph-cache';
const HEADER_VERSION = 1;
const ENTRY = /^[0-9a-f]{64}\.ndjson$/;

export interface CacheStats {
  dir: string;
  /** inputs whose extraction came from the cache */
  cached: number;
  /** inputs extracted by this build (cache misses) */
  extracted: number;
  /** entries removed after the build (unused for UNUSED_DAYS days) */
  pruned: number;
}

/** Where the cache of a build writing `out` lives. */
export function defaultCacheDir(out: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env[CACHE_DIR_ENV] || join(dirname(resolve(out)), CACHE_FOLDER));
}

/** What, of the input's name, ingest reads: a URL whole; of a file only the last part (its id and extension). */
const nameRead = (file: string): string => (isHttpUrl(file) ? file : basename(file.replace(/\\/g, '/')));

/** The entry name of `source` under `version`: every field is length-prefixed, so no two inputs run together. */
export function cacheKey(version: string, source: SourceFile): string {
  const hash = createHash('sha256');
  for (const field of [version, nameRead(source.file), source.path ?? '']) hash.update(`${Buffer.byteLength(field)}:${field}\0`);
  return hash.update(source.bytes).digest('hex');
}

/** Runs `task` over `items`, at most PARALLEL_IO at a time; results in the items' order. */
async function eachLimited<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await task(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_IO, items.length) }, lane));
  return results;
}

/** An entry's text back to the outcome it holds, or undefined when it is not a whole, valid entry for `key`. */
export function readEntry(text: string, key: string): SourceOutcome | undefined {
  const newline = text.indexOf('\n');
  if (newline < 0 || !text.endsWith('\n')) return undefined;
  let header: { format?: unknown; version?: unknown; key?: unknown; warnings?: unknown };
  try {
    header = JSON.parse(text.slice(0, newline)) as typeof header;
  } catch {
    return undefined;
  }
  const { warnings } = header;
  if (header.format !== HEADER_FORMAT || header.version !== HEADER_VERSION || header.key !== key) return undefined;
  if (!Array.isArray(warnings) || !warnings.every((w) => typeof w === 'string')) return undefined;
  const parsed = parseShardLine(text.slice(newline + 1));
  if (parsed.kind !== 'record') return undefined;
  const { extraction } = parsed.record;
  return { ok: true, id: extraction.doc.id, warnings, extraction };
}

/** An entry's text: the header, with the input's warnings (they are printed again on a hit), and the shard line. */
export function entryText(key: string, version: string, file: string, outcome: Extracted): string {
  const header = { format: HEADER_FORMAT, version: HEADER_VERSION, key, extractor: version, warnings: outcome.warnings };
  return `${JSON.stringify(header)}\n${shardLine({ file, extraction: outcome.extraction })}`;
}

/** An outcome with an extraction: the only kind stored. */
type Extracted = Extract<SourceOutcome, { extraction: DocumentExtraction }>;

const reasonOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** One build's use of the cache: look inputs up, store what was extracted, prune what no build uses. */
export class ExtractionCache {
  /** the keys this build looked up, so that pruning keeps them */
  private readonly used = new Set<string>();
  /** the first write failure, reported once as a warning */
  problem: string | undefined;

  constructor(readonly dir: string, readonly version: string) {}

  key(source: SourceFile): string {
    const key = cacheKey(this.version, source);
    this.used.add(key);
    return key;
  }

  private path(key: string): string {
    return join(this.dir, `${key}.ndjson`);
  }

  /** The cached outcome of each source (undefined: a miss); a hit's file is touched, so its age is its last use. */
  async lookup(sources: readonly SourceFile[]): Promise<(SourceOutcome | undefined)[]> {
    return eachLimited(sources, async (source) => {
      const key = this.key(source);
      let text: string;
      try {
        text = await fsp.readFile(this.path(key), 'utf8');
      } catch {
        return undefined;
      }
      const outcome = readEntry(text, key);
      if (outcome) {
        const now = new Date();
        await fsp.utimes(this.path(key), now, now).catch(() => undefined);
      }
      return outcome;
    });
  }

  /** Stores the extractions of `sources` (the failures are not stored: they are retried, as a fix may come). */
  async store(sources: readonly SourceFile[], outcomes: readonly SourceOutcome[]): Promise<void> {
    if (!sources.length) return;
    try {
      await fsp.mkdir(this.dir, { recursive: true });
    } catch (err) {
      this.problem ??= reasonOf(err);
      return;
    }
    await eachLimited(sources.map((source, i) => [source, outcomes[i]!] as const), async ([source, outcome]) => {
      if (!outcome.ok || outcome.extraction === undefined) return;
      const key = this.key(source);
      await this.writeWhole(this.path(key), entryText(key, this.version, source.file, outcome));
    });
  }

  /** Written to a temporary name and renamed, so that a reader sees a whole entry or none. */
  private async writeWhole(path: string, text: string): Promise<void> {
    const temp = join(this.dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await fsp.writeFile(temp, text);
      await fsp.rename(temp, path);
    } catch (err) {
      this.problem ??= reasonOf(err);
      await fsp.rm(temp, { force: true }).catch(() => undefined);
    }
  }

  /**
   * Removes the entries this build did not use that no build has used for UNUSED_DAYS days, and temporary files
   * left by killed builds. Only files the cache names are touched; anything else in the folder is left alone.
   */
  async prune(now = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = await fsp.readdir(this.dir);
    } catch {
      return 0;
    }
    const removable = (name: string): number | undefined =>
      ENTRY.test(name) ? (this.used.has(name.slice(0, 64)) ? undefined : UNUSED_DAYS * DAY_MS) : /^\.[0-9a-f]{64}\.ndjson\.\d+\.[0-9a-f]+\.tmp$/.test(name) ? STALE_TEMP_MS : undefined;
    const removed = await eachLimited(names, async (name) => {
      const age = removable(name);
      if (age === undefined) return false;
      try {
        const path = join(this.dir, name);
        if (now - (await fsp.stat(path)).mtimeMs <= age) return false;
        await fsp.rm(path, { force: true });
        return true;
      } catch {
        return false;
      }
    });
    return removed.filter(Boolean).length;
  }
}
