/**
 * claimgraph query entry point: reads a graph file, checks it against the contract (src/graph/load.ts, zod)
 * and opens it for queries. With indexed.ts and sidecar-read.ts (`claims --by` through the graph's sidecar
 * index), the one place in src/query that touches the file system, as the API promises.
 */
import { createReadStream } from 'node:fs';
import { GraphContractError } from '../graph/schema';
import { graphFromTextStream, type ClaimGraph } from '../graph/load';
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

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such graph file (build one with `claimgraph build`)',
  EISDIR: 'is a folder, not a graph file',
  EACCES: 'permission denied',
};

/**
 * Reads and validates the graph file at `path` as it streams, so that a graph of any size in the line layout is
 * read without holding its text whole. Errors name the file: GraphFileError when it cannot be read,
 * GraphContractError when it is no claimgraph graph.
 */
export async function readGraphFile(path: string): Promise<ClaimGraph> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  try {
    return await graphFromTextStream(stream as AsyncIterable<string>, path);
  } catch (err) {
    if (err instanceof GraphContractError || (err instanceof Error && err.message.startsWith(`${path}: `))) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new GraphFileError(path, (code && READ_ERRORS[code]) ?? `cannot read the graph file (${(err as Error).message})`);
  } finally {
    stream.destroy();
  }
}

/** Loads, validates and indexes the graph file at `path`. */
export async function loadGraph(path: string): Promise<GraphQueries> {
  return queryGraph(await readGraphFile(path), path);
}
