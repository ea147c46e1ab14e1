/**
 * claimgraph export: how node and edge attributes map onto flat formats, shared by every exporter.
 * Contract attributes get a place of their own in each format; any other attribute is kept as an "extra".
 */
import inferType from 'graphology-utils/infer-type';
import type { ClaimGraph } from '../graph/load';

/** Node attributes of the contract; each format writes them in a place of its own (label, viz, columns). */
export const NODE_CONTRACT_KEYS: ReadonlySet<string> = new Set(['kind', 'label', 'aliases', 'evidence', 'text', 'x', 'y', 'size', 'color']);

/** Edge attributes of the contract (plus the optional style the builder adds). */
export const EDGE_CONTRACT_KEYS: ReadonlySet<string> = new Set(['kind', 'evidence', 'size', 'color']);

export type ScalarValue = string | number | boolean;

/**
 * A value as one scalar: strings, finite numbers and booleans as they are, arrays and objects as JSON text
 * (so that no format writes "[object Object]" or splits a list on a separator its items may contain).
 * Empty values (null, undefined, NaN) give undefined: the attribute is left out.
 */
export function toScalar(value: unknown): ScalarValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object') return JSON.stringify(value);
  return undefined;
}

/** Attributes outside the contract, as [name, scalar] pairs in attribute order; empty values are skipped. */
export function extraAttributes(attributes: Record<string, unknown>, contractKeys: ReadonlySet<string>): [string, ScalarValue][] {
  const extras: [string, ScalarValue][] = [];
  for (const name in attributes) {
    if (contractKeys.has(name)) continue;
    const value = toScalar(attributes[name]);
    if (value !== undefined) extras.push([name, value]);
  }
  return extras;
}

export type ScalarType = 'boolean' | 'integer' | 'double' | 'string';

function scalarType(value: ScalarValue): ScalarType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isSafeInteger(value) && Math.abs(value) <= 0x7fffffff ? 'integer' : 'double';
  return 'string';
}

/** The narrowest type that holds both: integer widens to double, anything else that differs to string. */
function widen(a: ScalarType, b: ScalarType): ScalarType {
  if (a === b) return a;
  if ((a === 'integer' && b === 'double') || (a === 'double' && b === 'integer')) return 'double';
  return 'string';
}

/**
 * The extra attributes over all nodes (or all edges), in first-seen order so columns are stable, each with
 * the one type that holds all its values (formats that declare types need it before the first element).
 */
export function extraAttributeTypes(
  forEach: (callback: (attributes: Record<string, unknown>) => void) => void,
  contractKeys: ReadonlySet<string>,
): Map<string, ScalarType> {
  const types = new Map<string, ScalarType>();
  forEach((attributes) => {
    for (const name in attributes) {
      if (contractKeys.has(name)) continue;
      const value = toScalar(attributes[name]);
      if (value === undefined) continue;
      const type = scalarType(value);
      const known = types.get(name);
      types.set(name, known === undefined ? type : widen(known, type));
    }
  });
  return types;
}

/**
 * The graph's real edge type: 'mixed' only when it holds both directed and undirected edges.
 * Formats whose readers cannot hold a mixed graph (networkx reads GEXF 1.2 and GraphML) write every edge
 * as directed when this is 'mixed', and keep the truth in a `directed` edge attribute.
 */
export function edgeType(graph: ClaimGraph): 'directed' | 'undirected' | 'mixed' {
  return inferType(graph);
}
