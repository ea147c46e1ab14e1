/**
 * claimgraph pipeline: a name the text gives no evidence of kind for (kind `other`) is kept only where it plays
 * a part: a speaker or an outlet, a relation's end, or what a claim is about. Otherwise it is most likely a
 * capitalised word that is no name at all ("Stripped", a headline's "Port Authority Denies").
 */
import type { DocumentExtraction } from '../types';

export function withoutIdleNames(extraction: DocumentExtraction): DocumentExtraction {
  const used = new Set<string>();
  for (const c of extraction.claims) {
    for (const s of c.speakers) used.add(s.entityId);
    for (const r of c.reporters) used.add(r.entityId);
    for (const a of c.about) used.add(a);
  }
  for (const r of extraction.relations) {
    used.add(r.source);
    used.add(r.target);
  }
  const entities = extraction.entities.filter((e) => e.kind !== 'other' || used.has(e.id));
  return entities.length === extraction.entities.length ? extraction : { ...extraction, entities };
}
