/**
 * claimgraph report: the citations of a line. An attribution's evidence (the cue, and the speaker's own wording
 * when it differs from the claim's) usually lies in one sentence; its spans there are joined into one citation.
 */
import type { EvidenceRow } from '../query';
import type { Citation } from './model';

/** What a citation needs to know about an article. */
export interface CitedArticle {
  title: string;
  date: string | null;
  href?: string;
}

/** Turns evidence rows into citations, one per article and sentence, in the order the rows come. */
export function citationsOf(evidence: readonly EvidenceRow[], articleOf: (doc: string) => CitedArticle): Citation[] {
  const bySentence = new Map<string, Citation>();
  for (const e of evidence) {
    const key = `${e.doc}\u0000${e.sentence}`;
    const seen = bySentence.get(key);
    if (seen) {
      seen.start = Math.min(seen.start, e.start);
      seen.end = Math.max(seen.end, e.end);
      continue;
    }
    const article = articleOf(e.doc);
    bySentence.set(key, { doc: e.doc, title: article.title, date: article.date, start: e.start, end: e.end, sentence: e.sentence, ...(article.href ? { href: article.href } : {}) });
  }
  return [...bySentence.values()];
}
