/**
 * claimgraph build: what an existing output holds, so that the build says what it replaces, and refuses to
 * replace a file that claimgraph did not write (an article, notes, someone else's JSON) unless told to.
 */
import { createReadStream, promises as fsp } from 'node:fs';
import { graphFileDocumentIds } from '../graph/file-layout';
import { SIDECAR_FORMAT, sidecarPathFor } from '../query/sidecar-format';

export type ExistingOutput =
  | { kind: 'graph'; /** the ids of the documents it was built from */ documents: string[] }
  | { kind: 'gexf' }
  | { kind: 'index' }
  | { kind: 'foreign' };

/** GEXF files that claimgraph writes name it as their creator near the top. */
const OUR_GEXF = /<gexf\b[\s\S]*<creator>claimgraph\b/;
/** A sidecar index (src/query/sidecar-format.ts) opens with its format's name. */
const OUR_INDEX = new RegExp(`^\\{"format":"${SIDECAR_FORMAT}"`);

/** The first 4 KB of a file, as text. */
async function head(path: string): Promise<string> {
  const handle = await fsp.open(path, 'r');
  try {
    const bytes = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    return bytes.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Reads an existing graph JSON, GEXF or sidecar index far enough to tell whether claimgraph wrote it. */
export async function readExistingOutput(path: string, format: 'json' | 'gexf' | 'index'): Promise<ExistingOutput> {
  if (format === 'gexf') return OUR_GEXF.test(await head(path)) ? { kind: 'gexf' } : { kind: 'foreign' };
  if (format === 'index') return OUR_INDEX.test(await head(path)) ? { kind: 'index' } : { kind: 'foreign' };
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  try {
    const found = await graphFileDocumentIds(stream as AsyncIterable<string>);
    return found?.generator.startsWith('claimgraph') ? { kind: 'graph', documents: found.documents } : { kind: 'foreign' };
  } catch {
    return { kind: 'foreign' };
  } finally {
    stream.destroy();
  }
}

/**
 * Removes the sidecar index beside `path` (a file just written that is no graph in the line layout, so has
 * none), when it is one that claimgraph wrote: left there, it would describe the graph that was replaced.
 * A reader would refuse it as stale all the same, so a failure here costs nothing.
 */
export async function removeLeftoverIndex(path: string): Promise<void> {
  const index = sidecarPathFor(path);
  const found = await readExistingOutput(index, 'index').catch(() => undefined);
  if (found?.kind === 'index') await fsp.rm(index, { force: true }).catch(() => undefined);
}

/** The part of the summary line that says what was replaced: "replaced a graph of 3 document(s), 1 not in this build: old-story". */
export function describeReplaced(old: string[], built: readonly string[]): string {
  const now = new Set(built);
  const dropped = old.filter((id) => !now.has(id));
  const listed = dropped.length > 5 ? `${dropped.slice(0, 5).join(', ')}, …` : dropped.join(', ');
  return `replaced a graph of ${old.length} document(s)${dropped.length ? `, ${dropped.length} not in this build: ${listed}` : ''}`;
}
