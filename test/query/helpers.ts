/**
 * Query test helpers: the mini fixture graph written to a temp dir (as `claimgraph build` would write it) and
 * opened with the query API.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Graph from 'graphology';
import { miniGraph } from '../fixtures/mini-graph';

/** Writes `graph` (default: the mini fixture) as graph JSON into a fresh temp dir; returns the file's path. */
export function writeGraphFile(graph: Graph = miniGraph(), name = 'graph.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-query-'));
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(graph.export()));
  return path;
}
