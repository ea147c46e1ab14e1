/** claimgraph relations: placeholder until the relation stage is written. */
import type { AnalyzedDocument, EntityRecord, RelationRecord } from '../types';

/** Finds the relations between entities that the text states. */
export function extractRelations(_analyzed: AnalyzedDocument, _entities: EntityRecord[]): RelationRecord[] {
  return [];
}
