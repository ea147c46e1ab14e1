/**
 * claimgraph graph loading: a parsed graph file (graphology JSON) checked against the contract and turned
 * into a graphology instance. Reading the file itself is the caller's job.
 */
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { graphFromLayoutLines, openLines, opensLineLayout, wholeText } from './file-layout';
import { validateSerializedGraph, type EdgeAttributes, type GraphAttributes, type NodeAttributes, type ValidateOptions } from './schema';

export type ClaimGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Validates `data` (already JSON-parsed) and imports it; `source` names the file in errors. */
export function graphFromJson(data: unknown, source = 'graph', options: ValidateOptions = {}): ClaimGraph {
  const serialized = validateSerializedGraph(data, source, options);
  const graph: ClaimGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: true, ...(serialized.options ?? {}) });
  graph.import(serialized as unknown as SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>);
  return graph;
}

/** Parses JSON text and validates it; a syntax error is reported with the file's name. */
export function graphFromJsonText(text: string, source = 'graph'): ClaimGraph {
  let data: unknown;
  try {
    // a byte-order mark is no part of the JSON; editors on some systems write one
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new Error(`${source}: not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return graphFromJson(data, source);
}

/**
 * Reads a graph file's text as it streams (chunks of UTF-8 text, as a file stream gives them). A file in the
 * line layout (GRAPH-CONTRACT.md, "Container") is checked and loaded a line at a time, whatever its size;
 * any other JSON text is parsed whole, as `graphFromJsonText` does.
 */
export async function graphFromTextStream(chunks: AsyncIterable<string>, source = 'graph'): Promise<ClaimGraph> {
  const file = await openLines(chunks);
  if (opensLineLayout(file.first)) return graphFromLayoutLines(file.rest, file.first, source);
  return graphFromJsonText(await wholeText(file), source);
}
