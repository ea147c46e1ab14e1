/**
 * Where graphs come from in the browser: a URL (the served graph, or `?graph=URL`) or a file the user picks
 * or drops. Each read ends in a graph or an Error whose message a person can read.
 */
import type { ClaimGraph } from '../../src/graph/load';
import type { NodeMatch } from '../../src/query/neighbourhood';
import { parseGraphText } from './model/parse';

/** Thrown when the server has no graph to give (the page then asks for a file instead of failing). */
export class NoGraphServed extends Error {}

export interface LoadedGraph {
  graph: ClaimGraph;
  /** the file's name, for the toolbar */
  name: string;
}

export async function loadFromUrl(url: string, explicit: boolean): Promise<LoadedGraph> {
  let response: Response;
  try {
    // same mode and credentials as the page's preload of the served graph, so the browser reuses it
    response = await fetch(url, { mode: 'cors', credentials: 'same-origin' });
  } catch (err) {
    throw new Error(`${url}: could not be fetched (${err instanceof Error ? err.message : String(err)})`);
  }
  if ((response.status === 204 || response.status === 404) && !explicit) throw new NoGraphServed('no graph served');
  if (!response.ok) throw new Error(`${url}: the server answered ${response.status} ${response.statusText}`);
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  const format = /gexf|xml/i.test(type) ? 'gexf' : /json/i.test(type) ? 'json' : undefined;
  // the server names the file it serves; otherwise the URL's last segment
  const header = response.headers.get('x-graph-name');
  const name = header ? decodeURIComponent(header) : decodeURIComponent(new URL(url, location.href).pathname.split('/').pop() || url);
  return { graph: parseGraphText(text, name, format), name };
}

export async function loadFromFile(file: File): Promise<LoadedGraph> {
  return { graph: parseGraphText(await file.text(), file.name), name: file.name };
}

/** The nodes of the served graph (sent by parts) that match `text`; an Error a person can read otherwise. */
export async function searchServedGraph(text: string): Promise<NodeMatch[]> {
  let response: Response;
  try {
    response = await fetch(`graph-search?q=${encodeURIComponent(text)}`, { credentials: 'same-origin' });
  } catch (err) {
    throw new Error(`the search could not reach the server (${err instanceof Error ? err.message : String(err)})`);
  }
  if (response.status === 204) throw new Error('this server sends its graph whole: use the search box above the graph');
  if (!response.ok) throw new Error(`the search failed: the server answered ${response.status} ${response.statusText}`);
  const matches = (await response.json()) as unknown;
  return Array.isArray(matches) ? (matches as NodeMatch[]) : [];
}
