/** claimgraph entities: placeholder until the entity stage is written. */
import type { AnalyzedDocument, EntityRecord } from '../types';

/** Finds the entities a document names, with every mention. */
export function extractEntities(_analyzed: AnalyzedDocument): EntityRecord[] {
  return [];
}
