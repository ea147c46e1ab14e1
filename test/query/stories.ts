/**
 * Test helper: a graph built, through the real extraction and graph stages, from one of the invented stories
 * in test/fixtures/stories, each article's `path` as a build beside the story's folder would store it.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentFromText } from '../../src/ingest/from-text';
import { extractDocument } from '../../src/pipeline/extract-document';
import { graphFromExtractions } from '../../src/pipeline/build-from-sources';
import type { ClaimGraph } from '../../src/graph/load';

export const STORIES = join(__dirname, '..', 'fixtures', 'stories');

/** The graph of story `name` (harrow-ferry, valmont-quarry, ...), documents in file order. */
export function fixtureStory(name: string): ClaimGraph {
  const dir = join(STORIES, name);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return graphFromExtractions(files.map((f) => extractDocument(documentFromText(f.replace(/\.txt$/, ''), readFileSync(join(dir, f), 'utf8'), `${name}/${f}`))));
}

/** Writes `graph` as `graph.json` into a fresh temp folder; returns the file's path. */
export function writeStoryFile(graph: ClaimGraph): string {
  const path = join(mkdtempSync(join(tmpdir(), 'claimgraph-story-')), 'graph.json');
  writeFileSync(path, JSON.stringify(graph.export()));
  return path;
}
