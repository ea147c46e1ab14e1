/**
 * claimgraph sidecar index, the writer: a graph file's text and the text of its index (sidecar-format.ts). The
 * index says where the graph's lines lie in bytes, which only the bytes themselves tell, so it is made from the
 * graph's lines as they go to the file: one pass, rather than making every line's JSON twice. The same graph
 * gives the same lines, so the same index bytes, whichever build made it.
 *
 * It is made to cost as little as it can beside the graph's own write. The first writer cost twice that write
 * and more (a synthetic graph of 207,074 nodes and 351,512 edges: 1.3 to 1.4 s for graph.json alone, 2.9 to 3.5 s
 * more for its index), in maps by key of every line filled between the making of the graph's lines, a walk over
 * every node's edges, a SHA-256 update a line, a sort of every name and a string kept for every index line.
 * Here instead:
 * - the pass only appends what the lines' parts hold (graphFileParts says what each line holds) to lists, each
 *   node and edge by its place in its list, and hashes the text a piece of many lines at a time; the edges are
 *   joined to their nodes by key once it is over;
 * - a claim's line of the index is written once, however many speakers said it;
 * - the table is in buckets by a hash of the lookup, not sorted, and every line goes at once, as UTF-8, to the
 *   bytes of its section or bucket.
 */
import { createHash } from 'node:crypto';
import type { ClaimGraph } from '../graph/load';
import type { Evidence, GraphDocument, NodeAttributes } from '../graph/schema';
import { graphFileParts, type FileLine, type LinePart } from '../graph/file-layout';
import { GENERATOR } from '../version';
import { isAttribution } from './attributions';
import { normalizeName } from './normalize';
import { compareStrings } from './refs';
import { bucketCount, bucketOf, LOOKUP, namesProbe, SIDECAR_FORMAT, SIDECAR_VERSION, type Section, type SidecarHeader, type Span } from './sidecar-format';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Lines joined into pieces of at least `size` characters: a few thousand strings to hash, keep or write, not a million. */
class Pieces {
  private lines: string[] = [];
  private chars = 0;

  constructor(private readonly size: number) {}

  /** Adds a line; the piece it fills, if it does. */
  add(line: string): string | undefined {
    this.lines.push(line);
    this.chars += line.length;
    return this.chars >= this.size ? this.flush() : undefined;
  }

  /** The lines not yet in a piece, as one; undefined when there are none. */
  flush(): string | undefined {
    if (!this.lines.length) return undefined;
    const piece = this.lines.join('');
    this.lines = [];
    this.chars = 0;
    return piece;
  }
}

/** Where the lines of one list of the graph file (its documents, nodes or edges) fell, in the list's order. */
class ListLines {
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];

  /** Notes the next line of the list; its place in the list. */
  add(offset: number, length: number): number {
    this.offsets.push(offset);
    return this.lengths.push(length) - 1;
  }

  /** The span of line `i` as JSON writes it in a list of numbers, for the lines made as text here. */
  text(i: number): string {
    return `${this.offsets[i]!},${this.lengths[i]!}`;
  }

  get count(): number {
    return this.offsets.length;
  }
}

/**
 * What the index is made of, gathered as the graph file's lines pass on to the file: where each line fell, and
 * what the node and edge lines hold that the index needs, each node and edge by its place in its list. The
 * pass only appends to lists; joining edges to their nodes by key waits until it is over (`join`): a lookup by
 * key costs three to four times as much between the making of the graph's lines as in a loop of its own.
 */
class GraphLines {
  readonly documents = new ListLines();
  readonly nodes = new ListLines();
  readonly edges = new ListLines();
  /** by node place: its key and attributes */
  readonly nodeKeys: string[] = [];
  readonly nodeAttributes: NodeAttributes[] = [];
  /** by edge place: its key */
  readonly edgeKeys: string[] = [];
  /** the directed `about` and attribution edges (the kept edges): each's place, kind, ends and evidence */
  readonly kept = { edges: [] as number[], about: [] as boolean[], sources: [] as string[], targets: [] as string[], evidence: [] as (readonly Evidence[])[] };
  private readonly whole = createHash('sha256');
  private bytes = 0;
  private firstLine: string | undefined;
  private digest: string | undefined;

  /** The file's text as the lines pass, in pieces of about 1 MB. */
  *pass(lines: Iterable<FileLine>): Generator<string> {
    const pieces = new Pieces(1 << 20);
    const hashed = (piece: string) => (this.whole.update(piece), piece);
    for (const { line, part } of lines) {
      const length = Buffer.byteLength(line);
      if (part !== undefined) this.note(part, this.bytes, length);
      this.firstLine ??= sha256(line);
      this.bytes += length;
      const piece = pieces.add(line);
      if (piece !== undefined) yield hashed(piece);
    }
    const last = pieces.flush();
    if (last !== undefined) yield hashed(last);
    this.digest = this.whole.digest('hex');
  }

  private note(part: LinePart, offset: number, length: number): void {
    if (part.list === 'documents') {
      this.documents.add(offset, length);
    } else if (part.list === 'nodes') {
      this.nodes.add(offset, length);
      this.nodeKeys.push(part.key);
      this.nodeAttributes.push(part.attributes);
    } else {
      const edge = this.edges.add(offset, length);
      const { key, source, target, attributes, undirected } = part;
      this.edgeKeys.push(key);
      // an undirected edge is no node's out edge
      if (undirected) return;
      const about = attributes.kind === 'about';
      if (!about && !isAttribution(attributes.kind)) return;
      // lists, not an object an edge: fewer objects for the collector to keep
      this.kept.edges.push(edge);
      this.kept.about.push(about);
      this.kept.sources.push(source);
      this.kept.targets.push(target);
      this.kept.evidence.push(attributes.evidence);
    }
  }

  /** The graph file as written, once every line has passed. */
  written(): SidecarHeader['graph'] {
    if (this.digest === undefined || this.firstLine === undefined) throw new Error('the index is made of where the graph file\'s lines fell: write the graph file first');
    return { bytes: this.bytes, firstLine: this.firstLine, sha256: this.digest };
  }
}

/** The graph's nodes and the edges the index names, joined: each by its place in its list of the graph file. */
interface Joined {
  /** the places of the entities (the nodes that are not claims), in graph order */
  entities: number[];
  /**
   * By node place: its attribution edges (an entity's directed out edges of an attribution kind: `speakerEdges`
   * of claims.ts; a claim is no speaker) and its `about` edges (its directed out edges of that kind: `aboutEdges`
   * of attributions.ts), each as a place in `kept`.
   */
  attributions: (number[] | undefined)[];
  about: (number[] | undefined)[];
  /** by place in `kept`: the place of the edge's target */
  targets: number[];
}

function join(lines: GraphLines): Joined {
  const place = new Map(lines.nodeKeys.map((key, i) => [key, i]));
  // filled ahead: written at random places, an empty list would become a slow dictionary
  const byNode = () => new Array<number[] | undefined>(lines.nodeKeys.length).fill(undefined);
  const joined: Joined = { entities: [], attributions: byNode(), about: byNode(), targets: [] };
  lines.nodeAttributes.forEach((a, i) => a.kind !== 'claim' && joined.entities.push(i));
  const { kept } = lines;
  kept.edges.forEach((_edge, k) => {
    const from = place.get(kept.sources[k]!)!;
    joined.targets.push(place.get(kept.targets[k]!)!);
    const lists = kept.about[k] ? joined.about : lines.nodeAttributes[from]!.kind === 'claim' ? undefined : joined.attributions;
    if (lists) (lists[from] ??= []).push(k);
  });
  return joined;
}

/**
 * Lines of the index as they are made, written at once as UTF-8 into buffers of about `size` bytes, each line's
 * place counted: the writing counts the bytes, and the buffers lie outside the JavaScript heap. Kept as strings
 * until the end, the index's half a million lines cost the garbage collector more than making them.
 */
class ByteLines {
  private readonly done: string[] = [];
  private buffer: Buffer;
  private used = 0;
  count = 0;
  /** the bytes so far: where the next line starts */
  bytes = 0;

  constructor(private readonly size: number) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** Adds a line (with its line break); where it lies among these lines. */
  add(line: string): Span {
    // a UTF-16 code unit is at most 3 bytes of UTF-8
    if (this.used + 3 * line.length > this.buffer.length) this.next(3 * line.length);
    const length = this.buffer.write(line, this.used);
    const span: Span = [this.bytes, length];
    this.used += length;
    this.bytes += length;
    this.count++;
    return span;
  }

  /** The lines' text, in pieces; no line is added after. */
  pieces(): string[] {
    this.next(0);
    return this.done;
  }

  section(): Section {
    return { count: this.count, bytes: this.bytes };
  }

  private next(room: number): void {
    if (this.used > 0) this.done.push(this.buffer.toString('utf8', 0, this.used));
    this.buffer = Buffer.allocUnsafe(Math.max(this.size, room));
    this.used = 0;
  }
}

/** Kept edges in key order, as the query lists a node's edges, whatever order a build added them in. */
function byKey(kept: number[], lines: GraphLines): number[] {
  // most nodes have one: no sort to set up
  return kept.length < 2 ? kept : kept.sort((a, b) => compareStrings(lines.edgeKeys[lines.kept.edges[a]!]!, lines.edgeKeys[lines.kept.edges[b]!]!));
}

/** Node places, each once, in key order. */
function nodesByKey(nodes: number[], lines: GraphLines): number[] {
  return nodes.length < 2 ? nodes : [...new Set(nodes)].sort((a, b) => compareStrings(lines.nodeKeys[a]!, lines.nodeKeys[b]!));
}

/**
 * The claims' lines of the index, each made the first time an attribution leads to its claim, so a claim said
 * by many speakers is written once. An attribution that leads to a node that is no claim (the contract does
 * not forbid one; the reader refuses such a line) is given that node's line all the same.
 */
class ClaimLines {
  readonly text = new ByteLines(1 << 20);
  /** where the line of each node's claim lies among the claims, as JSON numbers, by the node's place */
  private readonly written: (string | undefined)[];

  constructor(
    private readonly lines: GraphLines,
    private readonly joined: Joined,
  ) {
    this.written = new Array<string | undefined>(lines.nodeKeys.length).fill(undefined);
  }

  /** Where the line of the claim at node place `node` lies among the claims, as JSON numbers. */
  of(node: number): string {
    return (this.written[node] ??= this.write(node));
  }

  private write(node: number): string {
    const { lines, joined } = this;
    const about = byKey(joined.about[node] ?? [], lines);
    const targets = nodesByKey(about.map((k) => joined.targets[k]!), lines).map((t) => [lines.nodeKeys[t], lines.nodeAttributes[t]!.kind, lines.nodeAttributes[t]!.label]);
    const spans = about.map((k) => lines.edges.text(lines.kept.edges[k]!)).join(',');
    const [offset, length] = this.text.add(`[${lines.nodes.text(node)},[${spans}],${JSON.stringify(targets)}]\n`);
    return `${offset},${length}`;
  }
}

/**
 * The records of the speakers, in graph order: for each, its edges in key order with their claims' lines, and
 * its documents in graph order; and where each entity's record lies (undefined for one that made no claim).
 */
function speakerRecords(graph: ClaimGraph, lines: GraphLines, joined: Joined, claims: ClaimLines): { text: ByteLines; at: (Span | undefined)[] } {
  const text = new ByteLines(1 << 20);
  const documentLine = new Map(graph.getAttribute('documents').map((d, i) => [d.id, i]));
  const documentOf = (id: string) => documentLine.get(id) ?? missing(`document "${id}"`);
  const at = joined.entities.map((node) => {
    const edges = joined.attributions[node];
    if (edges === undefined) return undefined;
    const parts = byKey(edges, lines).map((k) => `${lines.edges.text(lines.kept.edges[k]!)},${claims.of(joined.targets[k]!)}`);
    const documents = new Set<number>();
    for (const k of edges) for (const { doc } of lines.kept.evidence[k]!) documents.add(documentOf(doc));
    const inOrder = [...documents].sort((a, b) => a - b).map((i) => lines.documents.text(i));
    return text.add(`[${JSON.stringify(lines.nodeKeys[node])},[${parts.join(',')}],[${inOrder.join(',')}]]\n`);
  });
  return { text, at };
}

function missing(what: string): never {
  throw new Error(`no line was written for ${what}`);
}

/**
 * The table, a line at a time, each line written at once to the bytes of its lookup's bucket, where it keeps
 * the order it came in; and where each bucket starts. The bytes are counted a bucket at a time: only a bucket's
 * start is ever looked up.
 */
class TableText {
  private readonly buckets: ByteLines[];

  /** A table of the entities and documents of a graph: `rows` of them. */
  constructor(rows: number) {
    this.buckets = Array.from({ length: bucketCount(rows) }, () => new ByteLines(1 << 13));
  }

  /** The line of `lookup`, the rest of it given as JSON (made by hand: JSON.stringify of an array costs more, a million times). */
  add(lookup: string, rest: string): void {
    this.buckets[bucketOf(lookup, this.buckets.length)]!.add(`[${JSON.stringify(lookup)},${rest}]\n`);
  }

  finish(): { pieces: string[]; table: Section; starts: ByteLines } {
    const starts = new ByteLines(1 << 16);
    let bytes = 0;
    for (const bucket of this.buckets) {
      starts.add(`${bytes}\n`);
      bytes += bucket.bytes;
    }
    return { pieces: this.buckets.flatMap((b) => b.pieces()), table: { count: this.buckets.reduce((n, b) => n + b.count, 0), bytes }, starts };
  }
}

/** The names an entity is known by under its aliases, normalized: each once, none empty. */
function aliasNames(aliases: readonly string[]): Iterable<string> {
  const names = aliases.map(normalizeName).filter((name) => name !== '');
  return names.length < 2 ? names : new Set(names);
}

/**
 * Every entity, in graph order: its line by key (kind, label, aliases, place among the entities, record), and a
 * line under its label and each of its aliases normalized, so that a name's lines list their keys in graph
 * order, each once, as the query's own name tables do (nameTables of graph-index.ts). Each key is quoted once,
 * while it is at hand: grouping the names first, in maps of every name, and writing them after cost more than
 * all the rest of the table.
 */
function entityLines(table: TableText, lines: GraphLines, entities: number[], records: (Span | undefined)[]): void {
  entities.forEach((node, i) => {
    const key = lines.nodeKeys[node]!;
    const a = lines.nodeAttributes[node]!;
    const quoted = JSON.stringify(key);
    const record = records[i];
    table.add(LOOKUP.entity + key, `${JSON.stringify(a.kind)},${JSON.stringify(a.label)},${JSON.stringify(a.aliases)},${i}${record ? `,${record[0]},${record[1]}` : ''}`);
    const label = normalizeName(a.label);
    if (label !== '') table.add(LOOKUP.label + label, quoted);
    for (const alias of aliasNames(a.aliases)) table.add(LOOKUP.alias + alias, quoted);
  });
}

/** Every document, in graph order: its line by id (title, date, line) and by normalized id. */
function documentLines(table: TableText, documents: readonly GraphDocument[], lines: GraphLines): void {
  if (lines.documents.count !== documents.length) throw new Error('the graph\'s documents are not those of its file: write the graph file again');
  // ids are unique: a build makes them file names
  if (new Set(documents.map((d) => d.id)).size !== documents.length) throw new Error('a document id appears twice in the graph');
  documents.forEach(({ id, title, date }, i) => {
    table.add(LOOKUP.document + id, `${JSON.stringify(title)},${JSON.stringify(date ?? null)},${lines.documents.text(i)}`);
    table.add(LOOKUP.documentName + normalizeName(id), JSON.stringify(id));
  });
}

/** The index's text (in pieces of many lines), made once the graph's lines have all passed through `lines`. */
function* indexText(graph: ClaimGraph, lines: GraphLines): Generator<string> {
  const written = lines.written();
  const joined = join(lines);
  const claims = new ClaimLines(lines, joined);
  const records = speakerRecords(graph, lines, joined, claims);
  const documents = graph.getAttribute('documents');
  const rows = new TableText(joined.entities.length + documents.length);
  entityLines(rows, lines, joined.entities, records.at);
  documentLines(rows, documents, lines);
  const table = rows.finish();
  const header: SidecarHeader = {
    format: SIDECAR_FORMAT,
    version: SIDECAR_VERSION,
    generator: GENERATOR,
    names: namesProbe(),
    graph: written,
    options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops },
    table: table.table,
    buckets: table.starts.section(),
    records: records.text.section(),
    claims: claims.text.section(),
  };
  yield `${JSON.stringify(header)}\n`;
  for (const pieces of [table.pieces, table.starts.pieces(), records.text.pieces(), claims.text.pieces()]) yield* pieces;
}

/**
 * The text of the graph file (the line layout) and of its index, each in pieces of many lines. Write them in
 * this order: the index is made of the graph's lines as they passed, and asking for it first is an error.
 */
export function graphFileWithIndex(graph: ClaimGraph): { graph: Iterable<string>; index: Iterable<string> } {
  const lines = new GraphLines();
  return { graph: lines.pass(graphFileParts(graph)), index: { [Symbol.iterator]: () => indexText(graph, lines) } };
}
