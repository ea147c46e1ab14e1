/**
 * claimgraph ingest: a plain-text or Markdown article as a document. The title is the first non-empty line;
 * the date is the first date the opening lines give (ISO or written out), if any.
 */
import type { ArticleDocument } from '../types';

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?';
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const WRITTEN_DATE = new RegExp(`\\b(${MONTHS})\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`);
const MONTH_INDEX: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** The first date in the article's opening lines, as YYYY-MM-DD; dates deeper in the body are events, not the dateline. */
export function findDate(text: string): string | undefined {
  const head = text.split(/\r?\n/).slice(0, 6).join('\n');
  const iso = ISO_DATE.exec(head);
  if (iso) return iso[0];
  const written = WRITTEN_DATE.exec(head);
  if (written) {
    const month = MONTH_INDEX[(written[1] ?? '').slice(0, 3).toLowerCase()];
    if (month) return `${written[3]}-${String(month).padStart(2, '0')}-${String(written[2]).padStart(2, '0')}`;
  }
  return undefined;
}

/** Builds the document for an article's text; `id` is the file name without its extension. */
export function documentFromText(id: string, text: string, path?: string): ArticleDocument {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim().length > 0) ?? '';
  const title = firstLine.replace(/^#+\s*/, '').trim().slice(0, 300);
  const date = findDate(text);
  return { id, title, ...(date ? { date } : {}), ...(path ? { path } : {}), text };
}
