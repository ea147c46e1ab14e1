/**
 * claimgraph graph file, line layout (GRAPH-CONTRACT.md, "Container"): the file is graphology JSON, laid out
 * with one document, node or edge per line, so that a graph of any size is written and read a line at a time.
 * No step ever holds the file as one string: V8 cannot make a string of more than about 512 MB, and the graph
 * of 100,000 articles is several times that. Any JSON reader still reads a small file whole.
 */
import Graph from 'graphology';
import type { ZodError } from 'zod';
import type { ClaimGraph } from './load';
import {
  GraphChecker,
  GraphContractError,
  documentSchema,
  graphAttributesSchema,
  graphOptionsSchema,
  serializedEdgeSchema,
  serializedNodeSchema,
  zodIssueLines,
  type EdgeAttributes,
  type GraphAttributes,
  type GraphDocument,
  type NodeAttributes,
  type ValidateOptions,
} from './schema';

/** The first line ends so: what follows, up to the line `]},`, is one document per line. */
const HEADER_END = '"documents":[';
const HEADER_START = '{"attributes":{';

/**
 * What one line of the file holds: a document (by its place in the list), a node or an edge (with what its line
 * was made of). The lines between them (the header, `]},`, the options, ...) hold none. A sidecar index
 * (src/query/sidecar-write.ts) is made of these as the file is written: where each part's line lies, and what
 * the nodes and edges are, without walking the graph again.
 */
export type LinePart =
  | { list: 'documents'; index: number }
  | { list: 'nodes'; key: string; attributes: NodeAttributes }
  | { list: 'edges'; key: string; source: string; target: string; attributes: EdgeAttributes; undirected: boolean };

/** A line of the file (with its line break) and the part it holds, if any. */
export interface FileLine {
  line: string;
  part?: LinePart;
}

/** `items` as the lines of a JSON list: every item but the last ends with a comma. */
function* listLines<T>(items: Iterable<T>, toJson: (item: T) => string, partOf: (item: T, index: number) => LinePart): Generator<FileLine> {
  let previous: FileLine | undefined;
  let index = 0;
  for (const item of items) {
    if (previous !== undefined) yield { line: `${previous.line},\n`, part: previous.part };
    previous = { line: toJson(item), part: partOf(item, index++) };
  }
  if (previous !== undefined) yield { line: `${previous.line}\n`, part: previous.part };
}

/**
 * The graph file's text, a line at a time (each with its line break), each with the part it holds: the graph's
 * attributes up to the documents, each document, the options, each node, each edge. The lines, joined, are
 * exactly the JSON of `graph.export()` (documents last among the attributes), so the same graph always gives the
 * same bytes.
 */
export function* graphFileParts(graph: ClaimGraph): Generator<FileLine> {
  const { documents, ...rest } = graph.getAttributes();
  const head = JSON.stringify(rest);
  yield { line: `{"attributes":${head.slice(0, -1)}${head === '{}' ? '' : ','}${HEADER_END}\n` };
  yield* listLines(documents, (d) => JSON.stringify(d), (_d, index) => ({ list: 'documents', index }));
  yield { line: ']},\n' };
  yield { line: `"options":${JSON.stringify({ type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops })},\n` };
  yield { line: '"nodes":[\n' };
  yield* listLines(graph.nodeEntries(), ({ node, attributes }) => JSON.stringify({ key: node, attributes }), ({ node, attributes }) => ({ list: 'nodes', key: node, attributes }));
  yield { line: '],\n' };
  yield { line: '"edges":[\n' };
  yield* listLines(
    graph.edgeEntries(),
    ({ edge, attributes, source, target, undirected }) =>
      JSON.stringify(graph.type === 'mixed' && undirected ? { key: edge, source, target, attributes, undirected: true } : { key: edge, source, target, attributes }),
    ({ edge, source, target, attributes, undirected }) => ({ list: 'edges', key: edge, source, target, attributes, undirected }),
  );
  yield { line: ']}\n' };
}

/** The graph file's text, a line at a time (each with its line break): `graphFileParts` without the parts. */
export function* graphFileLines(graph: ClaimGraph): Generator<string> {
  for (const { line } of graphFileParts(graph)) yield line;
}

/** The text's lines, without their line breaks (a `\r` before one is dropped too), however the chunks fall. */
async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pending: string[] = [];
  for await (const chunk of chunks) {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', from)) {
      pending.push(chunk.slice(from, nl));
      const line = pending.join('');
      pending = [];
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
      from = nl + 1;
    }
    if (from < chunk.length) pending.push(chunk.slice(from));
  }
  if (pending.length) yield pending.join('');
}

/** `raw`, with the `merged` and `ambiguous` lists of its attributes as parsed (a flat format writes them as text). */
function withParsedLists<T>(raw: T, parsed: T): T {
  const rawAttributes = (raw as { attributes?: Record<string, unknown> }).attributes;
  const parsedAttributes = (parsed as { attributes?: Record<string, unknown> }).attributes;
  if (!rawAttributes || !parsedAttributes) return raw;
  for (const list of ['merged', 'ambiguous']) if (typeof rawAttributes[list] === 'string') rawAttributes[list] = parsedAttributes[list];
  return raw;
}

/** Whether the first line of a file opens the line layout (a byte-order mark already removed). */
export const opensLineLayout = (firstLine: string): boolean => firstLine.startsWith(HEADER_START) && firstLine.endsWith(HEADER_END);

/** The JSON of the graph's attributes other than its documents, from the first line of the line layout. */
const headerJson = (firstLine: string): string => `${firstLine.slice(HEADER_START.length - 1, -HEADER_END.length).replace(/,$/, '')}}`;

/** A graph file's text as lines: the first (without a byte-order mark) and an iterator over the rest. */
export async function openLines(chunks: AsyncIterable<string>): Promise<{ first: string; rest: AsyncIterator<string> }> {
  const rest = linesOf(chunks)[Symbol.asyncIterator]();
  const first = await rest.next();
  return { first: first.done ? '' : first.value.replace(/^\uFEFF/, ''), rest };
}

/** The whole text again, for a file of another layout, which is parsed at once. */
export async function wholeText({ first, rest }: { first: string; rest: AsyncIterator<string> }): Promise<string> {
  const all = [first];
  for (let r = await rest.next(); !r.done; r = await rest.next()) all.push(r.value);
  return all.join('\n');
}

/**
 * Reads a graph file laid out in lines as it streams (the rest of `openLines`, the first already checked with
 * `opensLineLayout`), checking each part against the contract as it comes (zod, then GraphChecker) and adding
 * it to the graph. Every problem is gathered; the error, raised at the end, names `source` and the line.
 */
export async function graphFromLayoutLines(lines: AsyncIterator<string>, firstLine: string, source: string, options: ValidateOptions = {}): Promise<ClaimGraph> {
  const checker = new GraphChecker(options);
  const shapeIssues: string[] = [];
  // once a problem is found the file is refused at the end: nothing more goes into the graph
  const broken = () => shapeIssues.length > 0 || checker.issues.length > 0;
  let lineNumber = 1;
  const fail = (message: string): never => {
    throw new GraphContractError(source, [`line ${lineNumber}: ${message}`]);
  };
  const nextLine = async (): Promise<string> => {
    const r = await lines.next();
    lineNumber++;
    return r.done ? fail('the file ends before the graph does') : r.value;
  };
  const parseJson = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (err) {
      return fail(`not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const expect = async (line: string) => {
    if ((await nextLine()) !== line) fail(`expected \`${line}\` here`);
  };

  const head = parseJson(headerJson(firstLine)) as Record<string, unknown>;
  const attributes = graphAttributesSchema.safeParse({ ...head, documents: [] });
  if (!attributes.success) shapeIssues.push(...zodIssueLines(attributes.error, ['attributes']));
  else checker.attributes(attributes.data);
  const documents: GraphDocument[] = [];

  // The parts of one list, up to its closing line; each is checked, and kept only if it passed.
  const readList = async <T>(closing: string, keep: (item: T) => void, check: (value: unknown, index: number) => T | undefined) => {
    for (let index = 0; ; index++) {
      const line = await nextLine();
      if (line === closing) return;
      const value = check(parseJson(line.endsWith(',') ? line.slice(0, -1) : line), index);
      if (value !== undefined) keep(value);
    }
  };
  // A part that passes its schema is kept as the file has it (its keys in the file's order, so a graph read and
  // written again is the same bytes); only the lists that flat formats carry as JSON text are taken as parsed.
  const shaped = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }, prefix: (i: number) => PropertyKey[]) =>
    (value: unknown, index: number): T | undefined => {
      const r = schema.safeParse(value);
      if (!r.success) {
        shapeIssues.push(...zodIssueLines(r.error, prefix(index)).map((m) => `line ${lineNumber}: ${m}`));
        return undefined;
      }
      return withParsedLists(value as T, r.data);
    };

  await readList(']},', (d: GraphDocument) => {
    checker.document(d);
    documents.push(d);
  }, shaped(documentSchema, (j) => ['attributes', 'documents', j]));

  const optionsLine = await nextLine();
  if (!optionsLine.startsWith('"options":') || !optionsLine.endsWith(',')) fail('expected the graph\'s "options" here');
  const graphOptions = graphOptionsSchema.safeParse(parseJson(optionsLine.slice('"options":'.length, -1)));
  if (!graphOptions.success) fail(zodIssueLines(graphOptions.error, ['options']).join('; '));
  const graphSettings = graphOptions.success ? graphOptions.data : {};
  checker.graphOptions(graphSettings);
  const graph: ClaimGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: true, ...graphSettings });

  await expect('"nodes":[');
  await readList('],', (n: { key: string; attributes: NodeAttributes }) => {
    checker.node(n);
    if (!broken()) graph.addNode(n.key, n.attributes);
  }, shaped(serializedNodeSchema, (j) => ['nodes', j]) as (v: unknown, i: number) => { key: string; attributes: NodeAttributes } | undefined);

  await expect('"edges":[');
  type Edge = { key?: string; source: string; target: string; attributes: EdgeAttributes; undirected?: boolean };
  await readList(']}', (e: Edge) => {
    checker.edge(e);
    if (broken()) return;
    if (e.key === undefined) (e.undirected ? graph.addUndirectedEdge(e.source, e.target, e.attributes) : graph.addDirectedEdge(e.source, e.target, e.attributes));
    else if (e.undirected) graph.addUndirectedEdgeWithKey(e.key, e.source, e.target, e.attributes);
    else graph.addDirectedEdgeWithKey(e.key, e.source, e.target, e.attributes);
  }, shaped(serializedEdgeSchema, (j) => ['edges', j]) as (v: unknown, i: number) => Edge | undefined);

  for (let r = await lines.next(); !r.done; r = await lines.next()) {
    lineNumber++;
    if (r.value.trim() !== '') fail('text after the end of the graph');
  }
  const issues = shapeIssues.length ? shapeIssues : checker.finish();
  if (issues.length) throw new GraphContractError(source, issues);
  graph.replaceAttributes({ ...(attributes.success ? attributes.data : {}), documents } as GraphAttributes);
  return graph;
}

/**
 * The generator and document ids of a graph file, read no further than its documents when it is in the line
 * layout (the ids of a graph of 100,000 articles without reading its nodes). `undefined` when the text is not
 * a claimgraph graph's. Any other layout is parsed whole.
 */
export async function graphFileDocumentIds(chunks: AsyncIterable<string>): Promise<{ generator: string; documents: string[] } | undefined> {
  const file = await openLines(chunks);
  let data: { attributes?: { generator?: unknown; documents?: { id?: unknown }[] } };
  try {
    if (opensLineLayout(file.first)) {
      const documents: { id?: unknown }[] = [];
      for (let r = await file.rest.next(); !r.done && r.value !== ']},'; r = await file.rest.next()) documents.push(JSON.parse(r.value.replace(/,$/, '')) as { id?: unknown });
      data = { attributes: { ...(JSON.parse(headerJson(file.first)) as object), documents } };
    } else {
      data = JSON.parse(await wholeText(file)) as typeof data;
    }
  } catch {
    return undefined;
  }
  const { generator, documents } = data.attributes ?? {};
  if (typeof generator !== 'string' || !Array.isArray(documents)) return undefined;
  return { generator, documents: documents.map((d) => String(d.id)) };
}
