/**
 * claimgraph pipeline: one document through every extraction stage, in order
 * (nlp → entities → claims → relations). Pure: text in, plain values out.
 */
import { analyze } from '../nlp/analyze';
import { extractEntities } from '../entities';
import { extractClaims } from '../claims';
import { extractRelations } from '../relations';
import type { ArticleDocument, DocumentExtraction } from '../types';

export function extractDocument(doc: ArticleDocument): DocumentExtraction {
  const analyzed = analyze(doc);
  const found = extractEntities(analyzed);
  const { claims, entities } = extractClaims(analyzed, found);
  const relations = extractRelations(analyzed, entities);
  return { doc, entities, claims, relations };
}
