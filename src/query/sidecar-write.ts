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
import { nameTables } from './graph-index';
import { normalizeName } from './normalize';
import { compareStrings } from './refs';
import {
  BLOCK_BYTES,
  LOOKUP,
  namesProbe,
  SIDECAR_FORMAT,
  SIDECAR_VERSION,
  type ClaimSpans,
  type DocumentRow,
  type Section,
  type SidecarHeader,
  type Span,
  type SpeakerRecord,
} from './sidecar-format';

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
    return table.get(key) ?? this.missing(`"${key}"`);
  }

  missing(what: string): never {
    throw new Error(`no line was written for ${what}`);
  }
}

/** A document's row: the graph's documents by id, in order (ids are unique: a build makes them file names). */
function documentRows(graph: ClaimGraph, spans: LineSpans): Map<string, DocumentRow> {
  const rows = new Map<string, DocumentRow>();
  graph.getAttribute('documents').forEach((d, i) => {
    if (rows.has(d.id)) throw new Error(`document id "${d.id}" appears twice in the graph`);
    rows.set(d.id, [d.id, d.title, d.date ?? null, i, ...spans.documents[i]!]);
  });
  return rows;
}

/**
 * The records of the speakers, in graph order, each with the span of its line among them. Edges by key, what
 * the claims are about by key, documents in graph order: the record follows from the file's content alone,
 * whatever order a build added the edges in.
 */
function speakerRecords(graph: ClaimGraph, spans: LineSpans, documents: ReadonlyMap<string, DocumentRow>): Map<string, { line: string; at: Span }> {
  const records = new Map<string, { line: string; at: Span }>();
  let offset = 0;
  graph.forEachNode((key, attributes) => {
    if (attributes.kind === 'claim') return;
    const edges = speakerEdges(graph, key).sort(compareStrings);
    if (!edges.length) return;
    const about = new Set<string>();
    const docs = new Set<string>();
    const claims = edges.map((edge): ClaimSpans => {
      const claim = graph.target(edge);
      const abouts = aboutEdges(graph, claim).sort(compareStrings);
      for (const a of abouts) about.add(graph.target(a));
      for (const e of graph.getEdgeAttribute(edge, 'evidence')) docs.add(e.doc);
      return [...spans.span(spans.edges, edge), ...spans.span(spans.nodes, claim), abouts.flatMap((a) => spans.span(spans.edges, a))];
    });
    const record: SpeakerRecord = {
      speaker: key,
      claims,
      about: [...about].sort(compareStrings).map((k) => [k, graph.getNodeAttribute(k, 'kind'), graph.getNodeAttribute(k, 'label')]),
      documents: [...docs].map((id) => documents.get(id) ?? spans.missing(`document "${id}"`)).sort((a, b) => a[3] - b[3]),
    };
    const line = `${JSON.stringify(record)}\n`;
    const length = Buffer.byteLength(line);
    records.set(key, { line, at: [offset, length] });
    offset += length;
  });
  return records;
}

/**
 * The table's lines, sorted by lookup: every entity by key (with its record's place), every normalized label
 * and alias of entities with their keys in graph order (as the query's own name tables have them), every
 * document by id and by normalized id.
 */
function tableLines(graph: ClaimGraph, documents: ReadonlyMap<string, DocumentRow>, records: ReadonlyMap<string, { at: Span }>): [lookup: string, line: string][] {
  const lines: [string, string][] = [];
  const add = (lookup: string, ...rest: unknown[]) => lines.push([lookup, `${JSON.stringify([lookup, ...rest])}\n`]);
  const byName = new Map<string, string[]>();
  for (const [id, [, ...rest]] of documents) {
    add(LOOKUP.document + id, ...rest);
    const name = normalizeName(id);
    byName.set(name, [...(byName.get(name) ?? []), id]);
  }
  for (const [name, ids] of byName) add(LOOKUP.documentName + name, ids);
  let position = 0;
  graph.forEachNode((key, a) => {
    if (a.kind === 'claim') return;
    add(LOOKUP.entity + key, a.kind, a.label, a.aliases, position++, ...(records.get(key)?.at ?? []));
  });
  const { labels, aliases } = nameTables(graph);
  for (const [table, prefix] of [[labels, LOOKUP.label], [aliases, LOOKUP.alias]] as const) {
    for (const [name, keys] of table) {
      // the claims query looks among entities only
      const entities = (typeof keys === 'string' ? [keys] : keys).filter((k) => graph.getNodeAttribute(k, 'kind') !== 'claim');
      if (entities.length) add(prefix + name, entities);
    }
  }
  return lines.sort((x, y) => compareStrings(x[0], y[0]));
}

/** The table's blocks: the first lookup of each and where it starts, a block ending once it holds BLOCK_BYTES. */
function blockLines(table: [string, string][]): string[] {
  const blocks: string[] = [];
  let offset = 0;
  let filled = BLOCK_BYTES;
  for (const [lookup, line] of table) {
    if (filled >= BLOCK_BYTES) {
      blocks.push(`${JSON.stringify([lookup, offset])}\n`);
      filled = 0;
    }
    const length = Buffer.byteLength(line);
    offset += length;
    filled += length;
  }
  return blocks;
}

const section = (lines: string[]): Section => ({ count: lines.length, bytes: lines.reduce((n, line) => n + Buffer.byteLength(line), 0) });

/** The index's lines, made once the graph's lines have all passed through `spans`. */
function* indexLines(graph: ClaimGraph, spans: LineSpans): Generator<string> {
  const written = spans.written();
  const documents = documentRows(graph, spans);
  const records = speakerRecords(graph, spans, documents);
  const table = tableLines(graph, documents, records);
  const blocks = blockLines(table);
  const tableText = table.map(([, line]) => line);
  const recordText = [...records.values()].map((r) => r.line);
  const header: SidecarHeader = {
    format: SIDECAR_FORMAT,
    version: SIDECAR_VERSION,
    generator: GENERATOR,
    names: namesProbe(),
    graph: written,
    options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops },
    table: section(tableText),
    blocks: section(blocks),
    records: section(recordText),
  };
  yield `${JSON.stringify(header)}\n`;
  yield* tableText;
  yield* blocks;
  yield* recordText;
}

/**
 * The lines of the graph file (the line layout) and of its index. Write them in this order: the index's lines
 * are made of where the graph's fell, and asking for them first is an error.
 */
export function graphFileWithIndex(graph: ClaimGraph): { graph: Iterable<string>; index: Iterable<string> } {
  const spans = new LineSpans(graph);
  return { graph: spans.pass(graphFileParts(graph)), index: { [Symbol.iterator]: () => indexLines(graph, spans) } };
}
