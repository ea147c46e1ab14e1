/**
 * claimgraph query name resolution: a node key, a label or an alias (case, accents, punctuation ignored; labels
 * first). None: NameNotFoundError with the closest names; several: AmbiguousNameError with every candidate.
 */
import { keysNamed, type QueryIndex } from './graph-index';
import { AmbiguousNameError, NameNotFoundError } from './errors';
import { normalizeName } from './normalize';
import { compareStrings, nodeRef } from './refs';
import { closestNames } from './suggest';
import type { NodeRef } from './types';

/** `entity`: any node but claims; `node`: any node, claims included. */
export type NameScope = 'entity' | 'node';

const inScope = (index: QueryIndex, key: string, scope: NameScope) =>
  scope === 'node' || index.graph.getNodeAttribute(key, 'kind') !== 'claim';

/** The key of the one node that `name` names within `scope`. */
export function resolveName(index: QueryIndex, name: string, scope: NameScope = 'entity'): string {
  if (index.graph.hasNode(name) && inScope(index, name, scope)) return name;
  const normalized = normalizeName(name);
  for (const tier of [index.labels, index.aliases]) {
    const keys = keysNamed(tier, normalized).filter((k) => inScope(index, k, scope));
    if (keys.length === 1) return keys[0]!;
    if (keys.length > 1) {
      const candidates = [...new Set(keys)].sort(compareStrings).map((k) => nodeRef(index, k));
      throw new AmbiguousNameError(name, scope, candidates);
    }
  }
  throw new NameNotFoundError(name, scope, suggestNodes(index, normalized, scope));
}

/** Up to five nodes whose label or alias is close to `normalized`, best first. */
export function suggestNodes(index: QueryIndex, normalized: string, scope: NameScope, limit = 5): NodeRef[] {
  if (!normalized) return [];
  const names = new Map<string, string>(); // normalized name → first node in scope that bears it
  for (const tier of [index.labels, index.aliases]) {
    for (const [name, keys] of tier) {
      const key = (typeof keys === 'string' ? [keys] : keys).find((k) => inScope(index, k, scope));
      if (key !== undefined && !names.has(name)) names.set(name, key);
    }
  }
  const seen = new Set<string>();
  const result: NodeRef[] = [];
  for (const name of closestNames(normalized, names.keys(), limit * 2)) {
    const key = names.get(name)!;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(nodeRef(index, key));
    if (result.length === limit) break;
  }
  return result;
}

/** The id of the document that `id` names (exactly, or ignoring case and punctuation). */
export function resolveDocument(index: QueryIndex, id: string): string {
  if (index.documents.has(id)) return id;
  const normalized = normalizeName(id);
  const ids = [...index.documents.keys()];
  const match = ids.filter((d) => normalizeName(d) === normalized);
  if (match.length === 1) return match[0]!;
  const close = new Set(closestNames(normalized, ids.map(normalizeName)));
  const suggestions = ids
    .filter((d) => close.has(normalizeName(d)))
    .map((d) => ({ key: d, label: index.documents.get(d)!.title, kind: 'document' }));
  throw new NameNotFoundError(id, 'document', suggestions);
}
