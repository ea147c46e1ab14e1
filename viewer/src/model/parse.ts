/**
 * Turns the text of a graph file into a claimgraph graph, or an error a person can read: graphology JSON is
 * checked against the contract (src/graph/load.ts); GEXF is parsed with graphology-gexf and its flattened
 * attributes (lists, evidence, documents, colors, edge direction) restored before the same check. A GEXF file
 * has no place for the article texts, so its evidence is accepted without them and shown as offsets.
 */
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { parse as parseGexfDocument } from 'graphology-gexf/browser';
import { graphFromJson, graphFromJsonText, type ClaimGraph } from '../../../src/graph/load';
import { SCHEMA_VERSION } from '../../../src/graph/schema';

export type GraphFormat = 'json' | 'gexf';

/** Guesses the format from the name, then from the first character of the text. */
export function detectFormat(name: string, text: string): GraphFormat {
  if (/\.gexf$/i.test(name)) return 'gexf';
  if (/\.json$/i.test(name)) return 'json';
  return text.trimStart().startsWith('<') ? 'gexf' : 'json';
}

/** A JSON string attribute back to its value (GEXF stores lists and objects as text); other values unchanged. */
function revive(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return value;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return value;
  }
}

/** Evidence as GEXF gives it back: a JSON list, a list of JSON objects, or lost ("[object Object]"). */
function reviveEvidence(value: unknown): unknown[] {
  const revived = revive(value);
  if (!Array.isArray(revived)) return [];
  return revived.map(revive).filter((e) => typeof e === 'object' && e !== null);
}

function reviveList(value: unknown): string[] {
  const revived = revive(value);
  if (Array.isArray(revived)) return revived.map(String).filter(Boolean);
  return typeof revived === 'string' && revived ? [revived] : [];
}

/** "rgb(r,g,b)" (how GEXF readers give back r, g, b) as "#RRGGBB", the form claimgraph writes; others unchanged. */
export function cssColorToHex(color: string): string {
  const m = /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/.exec(color.trim());
  if (!m) return color;
  return `#${m.slice(1, 4).map((c) => Math.min(255, Number(c)).toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/** Restores the contract's attribute shapes in a graph read from GEXF and fills what GEXF cannot carry. */
export function normalizeGexfGraph(graph: Graph): SerializedGraph {
  const data = graph.export();
  const attrs = (data.attributes ?? {}) as Record<string, unknown>;
  const documents = revive(attrs.documents);
  const schemaVersion = Number(attrs.schemaVersion ?? attrs.schemaversion ?? SCHEMA_VERSION);
  data.attributes = {
    ...attrs,
    schemaVersion: Number.isInteger(schemaVersion) && schemaVersion > 0 ? schemaVersion : SCHEMA_VERSION,
    generator: String(attrs.generator ?? attrs.creator ?? 'GEXF file'),
    documents: Array.isArray(documents) ? documents : [],
  };
  const count = data.nodes.length || 1;
  data.nodes.forEach((node, i) => {
    const a = (node.attributes ?? {}) as Record<string, unknown>;
    const angle = (2 * Math.PI * i) / count;
    node.attributes = {
      ...a,
      label: String(a.label ?? node.key),
      aliases: reviveList(a.aliases),
      evidence: reviveEvidence(a.evidence),
      x: typeof a.x === 'number' ? a.x : Math.cos(angle) * 100,
      y: typeof a.y === 'number' ? a.y : Math.sin(angle) * 100,
      size: typeof a.size === 'number' ? a.size : 5,
      color: typeof a.color === 'string' ? cssColorToHex(a.color) : '#777777',
      ...(a.kind === 'claim' ? { text: String(a.text ?? a.label ?? node.key) } : {}),
    };
  });
  let undirected = false;
  for (const edge of data.edges) {
    const { directed, ...a } = (edge.attributes ?? {}) as Record<string, unknown>;
    // claimgraph writes a mixed graph directed, with `directed: false` on the edges that were not (networkx reads no mixed file)
    if (directed === false) edge.undirected = undirected = true;
    // a boolean `directed` was that record, now restored; any other value is an attribute of the file's own
    if (directed !== undefined && typeof directed !== 'boolean') a.directed = directed;
    edge.attributes = { ...a, evidence: reviveEvidence(a.evidence), ...(typeof a.color === 'string' ? { color: cssColorToHex(a.color) } : {}) };
  }
  if (undirected) data.options = { ...data.options, type: 'mixed' };
  return data;
}

/** Parses GEXF text; malformed XML and XML that is not GEXF are reported as such. */
export function parseGexf(text: string, source: string): ClaimGraph {
  const xml = new DOMParser().parseFromString(text, 'application/xml');
  const error = xml.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`${source}: not valid XML: ${(error.textContent ?? '').trim().split('\n')[0] ?? ''}`);
  if (!xml.getElementsByTagName('gexf')[0] || !xml.getElementsByTagName('graph')[0]) throw new Error(`${source}: not a GEXF file (no <gexf><graph> element)`);
  // graphology-gexf writes an empty list as <attvalue for="x"/> but fails reading it back: give it a value
  for (const value of xml.getElementsByTagName('attvalue')) if (!value.hasAttribute('value')) value.setAttribute('value', '');
  let graph: Graph;
  try {
    graph = parseGexfDocument(Graph, xml, { allowUndeclaredAttributes: true });
  } catch (err) {
    throw new Error(`${source}: the GEXF could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  return graphFromJson(normalizeGexfGraph(graph), source, { textless: true });
}

/** Any graph file's text to a claimgraph graph; the error names `source` and says what is wrong. */
export function parseGraphText(text: string, source: string, format: GraphFormat = detectFormat(source, text)): ClaimGraph {
  if (!text.trim()) throw new Error(`${source}: the file is empty`);
  return format === 'gexf' ? parseGexf(text, source) : graphFromJsonText(text, source);
}
