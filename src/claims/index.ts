/** claimgraph claims: placeholder until the claim stage is written. */
import type { AnalyzedDocument, ClaimRecord, EntityRecord } from '../types';

/**
 * Finds attributed claims. Returns the claims and the entity list, extended with any speaker the entity stage
 * did not know (unnamed sources such as "officials", "a source").
 */
export function extractClaims(_analyzed: AnalyzedDocument, entities: EntityRecord[]): { claims: ClaimRecord[]; entities: EntityRecord[] } {
  return { claims: [], entities };
}
