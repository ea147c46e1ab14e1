/**
 * claimgraph pipeline: one document through every extraction stage, in order
 * (nlp → entities → claims → relations). Pure: text in, plain values out.
 */
import { analyze } from '../nlp/analyze';
import { extractEntities } from '../entities';
import { extractClaims } from '../claims';
import { extractRelations } from '../relations';
import { proseText } from '../ingest/prose-text';
import type { ArticleDocument, DocumentExtraction } from '../types';
import { withoutIdleNames } from './idle-names';

export function extractDocument(doc: ArticleDocument): DocumentExtraction {
  // The stages read a same-length copy with hard wraps and tabs as spaces, so a sentence wrapped over two lines
  // is one sentence; offsets are unchanged, and the extraction keeps the document with its text as stored.
  const analyzed = analyze({ ...doc, text: proseText(doc.text) });
  const found = extractEntities(analyzed);
  const { claims, entities } = extractClaims(analyzed, found);
  const relations = extractRelations(analyzed, entities);
  return withoutIdleNames({ doc, entities, claims, relations });
}
