/**
 * claimgraph query errors: a name that matches nothing (with suggestions) or several nodes (with the candidates).
 * Their messages are complete sentences, so the CLI prints them as they are.
 */
import type { NodeRef } from './types';

const describe = (n: NodeRef) => `${n.label} (${n.kind}, ${n.key})`;

/** No node (or document) answers to `query`; `suggestions` are the closest names, best first. */
export class NameNotFoundError extends Error {
  constructor(
    readonly query: string,
    /** what was looked for: "entity", "node" or "document" */
    readonly what: string,
    readonly suggestions: NodeRef[],
  ) {
    super(
      `no ${what} named "${query}"` +
        (suggestions.length ? `; did you mean: ${suggestions.map(describe).join(', ')}?` : ''),
    );
    this.name = 'NameNotFoundError';
  }
}

/** `query` matches several nodes equally well; pass one of the candidates' keys to choose. */
export class AmbiguousNameError extends Error {
  constructor(
    readonly query: string,
    readonly what: string,
    readonly candidates: NodeRef[],
  ) {
    super(
      `"${query}" names ${candidates.length} ${what === 'entity' ? 'entities' : `${what}s`}: ` +
        `${candidates.map(describe).join('; ')}. Give one of the keys instead.`,
    );
    this.name = 'AmbiguousNameError';
  }
}

/** An option value that no graph could satisfy (a negative depth, a kind the contract does not know). */
export class QueryArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryArgumentError';
  }
}
