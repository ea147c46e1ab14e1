/**
 * claimgraph query entry point: reads a graph file, checks it against the contract (src/graph/load.ts, zod)
 * and opens it for queries. The one place in src/query that touches the file system, as the API promises.
 */
import { readFile } from 'node:fs/promises';
import { graphFromJsonText } from '../graph/load';
import { queryGraph, type GraphQueries } from './api';

/** Raised when the graph file cannot be read; the message names the file and the reason. */
export class GraphFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'GraphFileError';
  }
}

/** Loads, validates and indexes the graph file at `path`. */
export async function loadGraph(path: string): Promise<GraphQueries> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such graph file (build one with `claimgraph build`)' : `cannot read the graph file (${(err as Error).message})`;
    throw new GraphFileError(path, reason);
  }
  return queryGraph(graphFromJsonText(text, path), path);
}
