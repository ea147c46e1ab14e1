/**
 * The timeline strip's model: the claims list's rows placed on their articles' days, oldest first, undated
 * last, leaving out hidden articles. A row whose evidence lies in several articles (one speaker saying the
 * same thing twice) stands on each of their days: it was said on each. Pure: no DOM.
 */
import { articleDay, type Article } from './articles';
import type { ClaimRow } from './claims';

export interface TimelineEntry {
  row: ClaimRow;
  /** the article that puts the row on this day */
  docId: string;
}

export interface TimelineDay {
  /** YYYY-MM-DD, or null for the rows whose article has no date */
  day: string | null;
  entries: TimelineEntry[];
}

export function timelineDays(rows: readonly ClaimRow[], articles: readonly Article[], hiddenArticles: ReadonlySet<string>): TimelineDay[] {
  const dayOf = new Map(articles.map((a) => [a.id, articleDay(a.date)]));
  const byDay = new Map<string | null, TimelineEntry[]>();
  for (const row of rows) {
    // the articles the row's evidence lies in; a document the file does not hold (GEXF) counts as undated
    const docs = new Set(row.evidence.map((e) => e.doc));
    if (!docs.size) docs.add(row.docId);
    for (const docId of docs) {
      if (hiddenArticles.has(docId)) continue;
      const day = dayOf.get(docId) ?? null;
      const list = byDay.get(day);
      if (list) list.push({ row, docId });
      else byDay.set(day, [{ row, docId }]);
    }
  }
  const days = [...byDay.keys()].filter((d): d is string => d !== null).sort();
  const out: TimelineDay[] = days.map((day) => ({ day, entries: byDay.get(day)! }));
  const undated = byDay.get(null);
  if (undated) out.push({ day: null, entries: undated });
  return out;
}
