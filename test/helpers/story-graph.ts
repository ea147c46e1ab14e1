/**
 * The graph of every invented story in test/fixtures/stories built together by the real pipeline: several
 * stories, so several components, for tests of what reads a part of a graph.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFromText } from '../../src/ingest/from-text';
import { extractDocument } from '../../src/pipeline/extract-document';
import { graphFromExtractions } from '../../src/pipeline/build-from-sources';
import type { ClaimGraph } from '../../src/graph/load';

const STORIES = join(__dirname, '..', 'fixtures', 'stories');

export function allStoriesGraph(): ClaimGraph {
  const extractions = readdirSync(STORIES)
    .sort()
    .flatMap((story) =>
      readdirSync(join(STORIES, story))
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => extractDocument(documentFromText(f.replace(/\.txt$/, ''), readFileSync(join(STORIES, story, f), 'utf8')))),
    );
  return graphFromExtractions(extractions);
}
