/**
 * claimgraph sidecar index, the writer: a graph file's lines and the lines of its index (sidecar-format.ts).
 * The index says where the graph's lines lie in bytes, which only the bytes themselves tell, so it is made
 * from the graph's lines as they go to the file: one pass, rather than making every line's JSON twice. The
 * same graph gives the same lines, so the same index bytes, whichever build made it.
 */
import { createHash } from 'node:crypto';
import type { ClaimGraph } from '../graph/load';
import { graphFileParts, type FileLine } from '../graph/file-layout';
import { GENERATOR } from '../version';
import { aboutEdges, isAttribution } from './attributions';
import { speakerEdges } from './claims';
import { compareStrings } from './refs';
import { SIDECAR_FORMAT, SIDECAR_VERSION, type ClaimSpans, type DocumentRow, type EntityRow, type SidecarHeader, type Span, type SpeakerRecord } from './sidecar-format';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Where each line the index names fell, counted as the lines pass on to the file. */
class LineSpans {
  readonly documents: Span[] = [];
  readonly nodes = new Map<string, Span>();
  readonly edges = new Map<string, Span>();
  private readonly whole = createHash('sha256');
  private bytes = 0;
  private firstLine: string | undefined;
  private digest: string | undefined;

  constructor(private readonly graph: ClaimGraph) {}

  *pass(lines: Iterable<FileLine>): Generator<string> {
    for (const { line, part } of lines) {
      const span: Span = [this.bytes, Buffer.byteLength(line)];
      this.firstLine ??= sha256(line);
      this.whole.update(line);
      this.bytes += span[1];
      if (part?.list === 'documents') this.documents.push(span);
      else if (part?.list === 'nodes') this.nodes.set(part.key, span);
      // only the edges a speaker's record names: its attributions and their claims' `about` edges
      else if (part?.list === 'edges' && this.isRecorded(part.key)) this.edges.set(part.key, span);
      yield line;
    }
    this.digest = this.whole.digest('hex');
  }

  private isRecorded(edge: string): boolean {
    const kind = this.graph.getEdgeAttribute(edge, 'kind');
    return kind === 'about' || isAttribution(kind);
  }

  /** The graph file as written, once every line has passed. */
  written(): SidecarHeader['graph'] {
    if (this.digest === undefined || this.firstLine === undefined) throw new Error('the index is made of where the graph file\'s lines fell: write the graph file first');
    return { bytes: this.bytes, firstLine: this.firstLine, sha256: this.digest };
  }

  span(table: Map<string, Span>, key: string): Span {
    const span = table.get(key);
    if (span === undefined) throw new Error(`no line was written for "${key}"`);
    return span;
  }
}

/**
 * The records of the speakers, in graph order, each with the span of its line among them. Edges by key, so that
 * the record follows from the file's content alone, whatever order a build added the edges in.
 */
function speakerRecords(graph: ClaimGraph, spans: LineSpans): Map<string, { line: string; at: Span }> {
  const records = new Map<string, { line: string; at: Span }>();
  let offset = 0;
  graph.forEachNode((key, attributes) => {
    if (attributes.kind === 'claim') return;
    const edges = speakerEdges(graph, key).sort(compareStrings);
    if (!edges.length) return;
    const claims = edges.map((edge): ClaimSpans => {
      const claim = graph.target(edge);
      return [...spans.span(spans.edges, edge), ...spans.span(spans.nodes, claim), aboutEdges(graph, claim).sort(compareStrings).flatMap((about) => spans.span(spans.edges, about))];
    });
    const line = `${JSON.stringify({ speaker: key, claims } satisfies SpeakerRecord)}\n`;
    const length = Buffer.byteLength(line);
    records.set(key, { line, at: [offset, length] });
    offset += length;
  });
  return records;
}

/** The index's lines, made once the graph's lines have all passed through `spans`. */
function* indexLines(graph: ClaimGraph, spans: LineSpans): Generator<string> {
  const written = spans.written();
  const documents = graph.getAttribute('documents').map((d, i) => `${JSON.stringify([d.id, d.title, d.date ?? null, ...spans.documents[i]!] satisfies DocumentRow)}\n`);
  const records = speakerRecords(graph, spans);
  const entities: string[] = [];
  graph.forEachNode((key, a) => {
    if (a.kind === 'claim') return;
    const record = records.get(key);
    entities.push(`${JSON.stringify((record ? [key, a.kind, a.label, a.aliases, ...record.at] : [key, a.kind, a.label, a.aliases]) satisfies EntityRow)}\n`);
  });
  const bytes = (lines: string[]) => lines.reduce((n, line) => n + Buffer.byteLength(line), 0);
  const header: SidecarHeader = {
    format: SIDECAR_FORMAT,
    version: SIDECAR_VERSION,
    generator: GENERATOR,
    graph: written,
    options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops },
    documents: { count: documents.length, bytes: bytes(documents) },
    entities: { count: entities.length, bytes: bytes(entities) },
  };
  yield `${JSON.stringify(header)}\n`;
  yield* documents;
  yield* entities;
  for (const { line } of records.values()) yield line;
}

/**
 * The lines of the graph file (the line layout) and of its index. Write them in this order: the index's lines
 * are made of where the graph's fell, and asking for them first is an error.
 */
export function graphFileWithIndex(graph: ClaimGraph): { graph: Iterable<string>; index: Iterable<string> } {
  const spans = new LineSpans(graph);
  return { graph: spans.pass(graphFileParts(graph)), index: { [Symbol.iterator]: () => indexLines(graph, spans) } };
}
