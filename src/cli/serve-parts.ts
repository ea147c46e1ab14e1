/**
 * claimgraph serve: a graph file too large to send to the page whole (a browser cannot parse, let alone draw, a
 * graph of 100,000 articles). The server reads it once, as a stream, and answers the page with one node's
 * neighbourhood at a time, laid out anew, and with searches over every node. It reads the file again when a
 * rebuild replaces it.
 */
import { stat } from 'node:fs/promises';
import type { ClaimGraph } from '../graph/load';
import { applyLayout } from '../layout/layout';
import { graphToJsonText } from '../pipeline/serialize';
import { readGraphFile } from '../query/load';
import { defaultFocus, neighbourhoodGraph, nodeSearch, type NodeMatch } from '../query/neighbourhood';

/** Graph files above this many MB go to the page by neighbourhood, by default. */
export const DEFAULT_MAX_WHOLE_GRAPH_MB = 50;

interface Loaded {
  stamp: string;
  graph: ClaimGraph;
  search: ReturnType<typeof nodeSearch>;
  focus: string | null;
}

export type PartAnswer = { status: 200; text: string } | { status: 404; text: string };

export class GraphParts {
  private loaded: Loaded | undefined;
  private loading: Promise<Loaded> | undefined;

  constructor(
    readonly file: string,
    private readonly onRead: (message: string) => void = () => undefined,
  ) {}

  /** The graph as the file holds it now: read again only when its modification time or size moved on. */
  private async current(): Promise<Loaded> {
    const info = await stat(this.file);
    const stamp = `${info.mtimeMs}-${info.size}`;
    if (this.loaded?.stamp === stamp) return this.loaded;
    if (this.loading) return this.loading;
    const started = Date.now();
    this.loading = readGraphFile(this.file)
      .then((graph) => {
        this.loaded = { stamp, graph, search: nodeSearch(graph), focus: defaultFocus(graph) };
        this.onRead(`read ${graph.order} nodes and ${graph.size} edges in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return this.loaded;
      })
      .finally(() => (this.loading = undefined));
    return this.loading;
  }

  /** Reads the file now, so that the first page load does not wait for it. */
  async prepare(): Promise<void> {
    await this.current();
  }

  /** The neighbourhood of `focus` (by default the most connected entity) as a graph file's text. */
  async neighbourhood(focus: string | null): Promise<PartAnswer> {
    const { graph, focus: fallback } = await this.current();
    const key = focus ?? fallback;
    if (key === null) return { status: 200, text: graphToJsonText(graph) };
    if (!graph.hasNode(key)) return { status: 404, text: `no node "${key}" in the graph\n` };
    const part = neighbourhoodGraph(graph, key);
    applyLayout(part);
    return { status: 200, text: graphToJsonText(part) };
  }

  async search(text: string): Promise<NodeMatch[]> {
    return (await this.current()).search(text);
  }
}
