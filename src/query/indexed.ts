/**
 * claimgraph query: `claims --by NAME` through the sidecar index beside the graph file (sidecar-format.ts). It
 * looks the names up in the index, reads the speaker's record and its claims' lines, then only the graph-file
 * lines that the speaker's claims are made of (at their byte offsets), however large the graph, and asks
 * findClaims on a graph of those (sidecar-graph.ts). With load.ts and sidecar-read.ts, the places in src/query that read files.
 *
 * An index is used only when it fits its graph file: of the size it was made for, with the same first line,
 * and not older than the graph (a graph written again since, by hand or by another program, makes it stale);
 * every line read must then be the part the index says it is. A missing index, or one that fails any of this,
 * is never trusted: the graph is read whole, as loadGraph does, and the answer says why (unless it is missing).
 */
import { createHash } from 'node:crypto';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { checkClaimFilter, findClaims } from './claims';
import { AmbiguousNameError, NameNotFoundError, QueryArgumentError } from './errors';
import { buildIndex } from './graph-index';
import { loadGraph } from './load';
import { normalizeName } from './normalize';
import { resolveDocument, resolveName } from './resolve';
import { LOOKUP, SidecarMismatch, sidecarPathFor, type DocumentRow, type EntityRow, type Span } from './sidecar-format';
import { documentLine, namesGraph, placedRow, speakerGraph, speakerParts } from './sidecar-graph';
import { firstLine, readLines, SidecarFile } from './sidecar-read';
import type { ClaimFilter, ClaimRow } from './types';

export interface ClaimsAnswer {
  rows: ClaimRow[];
  /** how the rows were found: through the index beside the graph file, or by reading the whole graph */
  read: 'index' | 'graph';
  /** why the index beside the graph file was not used; absent when it was, or when there is none */
  indexProblem?: string;
}

/** The errors that are the answer itself (a name that matches nothing, a bad filter): the whole graph gives the same. */
const isAnswer = (err: unknown) => err instanceof NameNotFoundError || err instanceof AmbiguousNameError || err instanceof QueryArgumentError;

/**
 * The attributions of the graph file at `path` that pass `filter`, exactly as `loadGraph(path).claims(filter)`
 * gives them: through the index when `filter.by` names a speaker and the file has an index that fits it, else
 * from the whole graph. Errors are loadGraph's and findClaims's.
 */
export async function claimsFromFile(path: string, filter: ClaimFilter = {}): Promise<ClaimsAnswer> {
  let indexProblem: string | undefined;
  if (filter.by !== undefined) {
    try {
      const rows = await claimsThroughIndex(path, filter);
      if (rows !== undefined) return { rows, read: 'index' };
    } catch (err) {
      if (isAnswer(err)) throw err;
      indexProblem = err instanceof Error ? err.message : String(err);
    }
  }
  const rows = (await loadGraph(path)).claims(filter);
  return { rows, read: 'graph', ...(indexProblem === undefined ? {} : { indexProblem }) };
}

/** The rows through the index; undefined when there is no index (or no graph file, which loadGraph reports). */
async function claimsThroughIndex(path: string, filter: ClaimFilter): Promise<ClaimRow[] | undefined> {
  const real = await realpath(path).catch(() => undefined);
  if (real === undefined) return undefined;
  const indexPath = sidecarPathFor(real);
  const index = await open(indexPath, 'r').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw new Error(`${indexPath}: cannot read (${err.message})`);
  });
  if (index === undefined) return undefined;
  const graph = await open(real, 'r').catch(() => undefined);
  try {
    if (graph === undefined) return undefined;
    const sidecar = await SidecarFile.open(index);
    await checkFits(sidecar, graph, path);
    // a filter that no graph satisfies is told before any name, as findClaims tells it (once the graph is known good)
    checkClaimFilter(filter);
    return await answer(sidecar, graph, filter as ClaimFilter & { by: string });
  } catch (err) {
    if (err instanceof SidecarMismatch) throw new Error(`${indexPath}: ${err.message}`);
    throw err;
  } finally {
    await Promise.all([index.close(), graph?.close()]);
  }
}

/** Whether the index was made for this graph file, as it is now. */
async function checkFits(sidecar: SidecarFile, graph: FileHandle, path: string): Promise<void> {
  const made = sidecar.header.graph;
  const [graphInfo, indexInfo] = await Promise.all([graph.stat(), sidecar.stat()]);
  if (graphInfo.size !== made.bytes) throw new SidecarMismatch(`made for a graph file of ${made.bytes} bytes, and ${path} has ${graphInfo.size}`);
  if (indexInfo.mtimeMs < graphInfo.mtimeMs) throw new SidecarMismatch(`older than ${path}, which was written again since`);
  const first = await firstLine(graph);
  if (first === undefined || createHash('sha256').update(first).digest('hex') !== made.firstLine) throw new SidecarMismatch(`made for another graph file (the first line of ${path} differs)`);
}

/** What the names of the filter stand for, when the index's lookups tell; undefined when one matches nothing. */
async function resolveNames(sidecar: SidecarFile, filter: ClaimFilter & { by: string }): Promise<{ speaker: EntityRow; about?: EntityRow; doc?: DocumentRow } | undefined> {
  // every entity a name may stand for: the one it is the key of, those whose label or alias it is
  const entities = new Map<string, EntityRow>();
  const gather = async (name: string) => {
    const keys = [name, ...(await sidecar.named(LOOKUP.label, normalizeName(name))), ...(await sidecar.named(LOOKUP.alias, normalizeName(name)))];
    for (const key of keys) {
      const row = entities.get(key) ?? (await sidecar.entity(key));
      if (row) entities.set(key, row);
      else if (key !== name) throw new SidecarMismatch(`it names an entity "${key}" it does not list`);
    }
  };
  await gather(filter.by);
  if (filter.about !== undefined) await gather(filter.about);
  // the document --doc names: by its id, else the one id of that normalized name
  let doc: DocumentRow | undefined;
  if (filter.doc !== undefined) {
    const ids = await sidecar.named(LOOKUP.documentName, normalizeName(filter.doc));
    doc = (await sidecar.document(filter.doc)) ?? (ids.length === 1 ? await sidecar.document(ids[0]!) : undefined);
  }
  const names = buildIndex(namesGraph(sidecar.header, doc ? [doc] : [], [...entities.values()]));
  try {
    const speaker = resolveName(names, filter.by, 'entity');
    const about = filter.about === undefined ? undefined : resolveName(names, filter.about, 'entity');
    if (filter.doc !== undefined) resolveDocument(names, filter.doc);
    return { speaker: entities.get(speaker)!, ...(about === undefined ? {} : { about: entities.get(about)! }), ...(doc ? { doc } : {}) };
  } catch (err) {
    // the suggestions for a name that matches nothing come from every name: see unresolved()
    if (err instanceof NameNotFoundError) return undefined;
    throw err;
  }
}

/** A name matched nothing: the whole table's names throw the error the whole graph throws, suggestions and all. */
async function unresolved(sidecar: SidecarFile, filter: ClaimFilter): Promise<never> {
  const all = await sidecar.all();
  findClaims(buildIndex(namesGraph(sidecar.header, all.documents, all.entities)), filter);
  throw new SidecarMismatch('a name it does not find by lookup is in its table');
}

async function answer(sidecar: SidecarFile, graph: FileHandle, filter: ClaimFilter & { by: string }): Promise<ClaimRow[]> {
  const names = (await resolveNames(sidecar, filter)) ?? (await unresolved(sidecar, filter));
  const record = await sidecar.record(names.speaker);
  const claims = await sidecar.claims(record.attributions.map((a) => a.claim));
  const spans = record.attributions.map(({ edge, claim }) => ({ edge, ...claims.get(claim[0])! }));
  const lines = await readLines(graph, [...spans.flatMap((s) => [s.edge, s.node, ...s.about]), ...record.documents], 'the graph file');
  // a line of a graph file's list ends with a comma, but for the last
  const text = (span: Span) => lines.get(span[0])!.replace(/,$/, '');
  const { parts, documents } = speakerParts(names.speaker.key, spans.map((s) => ({ edge: text(s.edge), claim: text(s.node), about: s.about.map(text) })));
  const read = record.documents.map((span) => documentLine(text(span), span[0]));
  const ids = new Set(read.map((d) => d.document.id));
  for (const id of documents) if (!ids.has(id)) throw new SidecarMismatch(`the record of "${names.speaker.key}" lacks document "${id}"`);
  const targets = new Map(spans.flatMap((s) => s.targets).map(([key, kind, label]) => [key, { kind, label }]));
  const named = names.about ? [names.speaker, names.about] : [names.speaker];
  // the document --doc names first: when the record has it too, that one, with its text, is kept
  const part = speakerGraph(sidecar.header, names.speaker.key, [...(names.doc ? [placedRow(names.doc)] : []), ...read], targets, named, parts);
  // keys and ids, not names: resolved above against the names of the whole graph
  const resolved = { by: names.speaker.key, ...(names.about ? { about: names.about.key } : {}), ...(names.doc ? { doc: names.doc[0] } : {}) };
  return findClaims(buildIndex(part), { ...filter, ...resolved });
}
