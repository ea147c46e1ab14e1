/**
 * claimgraph build: what an existing output holds, so that the build says what it replaces, and refuses to
 * replace a file that claimgraph did not write (an article, notes, someone else's JSON) unless told to.
 */
import { createReadStream, promises as fsp } from 'node:fs';
import { graphFileDocumentIds } from '../graph/file-layout';

export type ExistingOutput =
  | { kind: 'graph'; /** the ids of the documents it was built from */ documents: string[] }
  | { kind: 'gexf' }
  | { kind: 'foreign' };

/** GEXF files that claimgraph writes name it as their creator near the top. */
const OUR_GEXF = /<gexf\b[\s\S]*<creator>claimgraph\b/;

/** Reads an existing graph JSON or GEXF far enough to tell whether claimgraph wrote it. */
export async function readExistingOutput(path: string, format: 'json' | 'gexf'): Promise<ExistingOutput> {
  if (format === 'gexf') {
    const handle = await fsp.open(path, 'r');
    try {
      const head = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      return OUR_GEXF.test(head.subarray(0, bytesRead).toString('utf8')) ? { kind: 'gexf' } : { kind: 'foreign' };
    } finally {
      await handle.close();
    }
  }
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

/** The part of the summary line that says what was replaced: "replaced a graph of 3 document(s), 1 not in this build: old-story". */
export function describeReplaced(old: string[], built: readonly string[]): string {
  const now = new Set(built);
  const dropped = old.filter((id) => !now.has(id));
  const listed = dropped.length > 5 ? `${dropped.slice(0, 5).join(', ')}, …` : dropped.join(', ');
  return `replaced a graph of ${old.length} document(s)${dropped.length ? `, ${dropped.length} not in this build: ${listed}` : ''}`;
}
