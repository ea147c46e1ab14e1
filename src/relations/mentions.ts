/**
 * claimgraph relations: the entity mentions of a document laid over its tokens, so that the relation patterns
 * can ask "which entity is named here?" in constant time.
 */
import type { AnalyzedDocument, EntityKind, EntityRecord } from '../types';
import { tokenAfter } from '../nlp/token-at';

export interface Occurrence {
  entity: string;
  kind: EntityKind;
  /** token range [start, end) */
  start: number;
  end: number;
}

export interface MentionIndex {
  /** occurrences in text order; overlapping mentions keep the longest */
  occurrences: Occurrence[];
  /** token index → index into occurrences */
  at: (number | undefined)[];
  kindOf: Map<string, EntityKind>;
}


export function indexMentions(analyzed: AnalyzedDocument, entities: EntityRecord[]): MentionIndex {
  const raw: Occurrence[] = [];
  const kindOf = new Map<string, EntityKind>();
  for (const e of entities) {
    kindOf.set(e.id, e.kind);
    for (const m of e.mentions) {
      const start = tokenAfter(analyzed.tokens, m.start);
      let end = start;
      while (end < analyzed.tokens.length && analyzed.tokens[end]!.start < m.end) end++;
      if (end > start) raw.push({ entity: e.id, kind: e.kind, start, end });
    }
  }
  // Longest first, so a person's "Acme Director Ana Silva" wins over a nested "Acme".
  raw.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0));
  const at: (number | undefined)[] = new Array(analyzed.tokens.length).fill(undefined);
  const kept: Occurrence[] = [];
  for (const o of raw) {
    let free = true;
    for (let k = o.start; k < o.end; k++) if (at[k] !== undefined) free = false;
    if (!free) continue;
    kept.push(o);
    for (let k = o.start; k < o.end; k++) at[k] = -1;
  }
  kept.sort((a, b) => a.start - b.start);
  kept.forEach((o, i) => {
    for (let k = o.start; k < o.end; k++) at[k] = i;
  });
  return { occurrences: kept, at, kindOf };
}
