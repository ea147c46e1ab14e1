/**
 * claimgraph report: composes the story brief from a graph opened with the query API. Pure: it reads the
 * graph through the API and returns a document model (model.ts); writing it out is the CLI's part.
 */
import { ATTRIBUTIONS, type ClaimRow, type DisputeRow, type GraphQueries, type NodeRef } from '../query';
import { compareDates } from '../query/attributions';
import { citationsOf, type CitedArticle } from './citations';
import type { ArticleEntry, Brief, DisputeItem, SpeakerSection, StanceLine, TimelineDay } from './model';

/** An article as the API lists it (its text left out). */
export type ArticleInfo = ReturnType<GraphQueries['documents']>[number];

export interface BriefOptions {
  /** keep to the claims about this entity (a label, an alias or a key) */
  about?: string;
  /** the link to an article, or undefined when there is none to give (the caller knows where files are) */
  articleHref?: (article: ArticleInfo) => string | undefined;
}

/** The articles of the graph, in its order, each with its link. */
function articleEntries(queries: GraphQueries, options: BriefOptions): ArticleEntry[] {
  return queries.documents().map((d) => {
    const href = options.articleHref?.(d);
    return { id: d.id, title: d.title || d.id, date: d.date ?? null, ...(d.source ? { source: d.source } : {}), ...(d.path ? { path: d.path } : {}), ...(href ? { href } : {}) };
  });
}

/** One line for an attribution row, citing all its evidence. */
function stanceLine(row: ClaimRow, articleOf: (doc: string) => CitedArticle): StanceLine {
  return { speaker: row.speaker, stance: row.stance, claim: row.claim.text, date: row.date, citations: citationsOf(row.evidence, articleOf) };
}

/** One line per article an attribution's evidence lies in, each dated by its own article. */
function linesByArticle(row: ClaimRow, articleOf: (doc: string) => CitedArticle): StanceLine[] {
  const docs = [...new Set(row.evidence.map((e) => e.doc))];
  return docs.map((doc) => ({ ...stanceLine({ ...row, evidence: row.evidence.filter((e) => e.doc === doc) }, articleOf), date: articleOf(doc).date }));
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compareSpeakers = (a: NodeRef, b: NodeRef) => compareText(a.label.toLowerCase(), b.label.toLowerCase()) || compareText(a.key, b.key);

/** Each speaker with its lines by stance; most lines first, then by name. */
function speakerSections(rows: readonly ClaimRow[], articleOf: (doc: string) => CitedArticle): SpeakerSection[] {
  const bySpeaker = new Map<string, ClaimRow[]>();
  for (const row of rows) bySpeaker.set(row.speaker.key, [...(bySpeaker.get(row.speaker.key) ?? []), row]);
  const sections = [...bySpeaker.values()].map((own): SpeakerSection => ({
    speaker: own[0]!.speaker,
    total: own.length,
    groups: ATTRIBUTIONS.map((stance) => ({ stance, lines: own.filter((r) => r.stance === stance).map((r) => stanceLine(r, articleOf)) })).filter((g) => g.lines.length),
  }));
  return sections.sort((a, b) => b.total - a.total || compareSpeakers(a.speaker, b.speaker));
}

/** The lines grouped by day, oldest first, undated last; within a day in reading order. */
function timeline(rows: readonly ClaimRow[], articleOf: (doc: string) => CitedArticle, order: ReadonlyMap<string, number>): TimelineDay[] {
  const position = (l: StanceLine) => order.get(l.citations[0]?.doc ?? '') ?? Infinity;
  const lines = rows.flatMap((r) => linesByArticle(r, articleOf));
  lines.sort((a, b) => compareDates(a.date, b.date) || position(a) - position(b) || (a.citations[0]?.start ?? 0) - (b.citations[0]?.start ?? 0));
  const days: TimelineDay[] = [];
  for (const line of lines) {
    const last = days[days.length - 1];
    if (last && last.date === line.date) last.lines.push(line);
    else days.push({ date: line.date, lines: [line] });
  }
  return days;
}

function disputeItem(row: DisputeRow, articleOf: (doc: string) => CitedArticle): DisputeItem {
  return { reason: row.reason, date: row.date, sides: [stanceLine(row.sides[0], articleOf), stanceLine(row.sides[1], articleOf)] };
}

/** The first and last article dates, when any article is dated. */
function dateSpan(articles: readonly ArticleEntry[]): Brief['span'] {
  const days = articles.map((a) => a.date).filter((d): d is string => d !== null).sort(compareDates);
  return days.length ? { from: days[0]!, until: days[days.length - 1]! } : null;
}

/**
 * The brief: each speaker with what it stated, denied, questioned, confirmed (or reported); the disputes; a dated
 * timeline; the articles. With `about`, only the claims about that entity (and their articles); an unknown
 * name throws the query API's NameNotFoundError, with suggestions.
 */
export function composeBrief(queries: GraphQueries, options: BriefOptions = {}): Brief {
  const about = options.about === undefined ? null : queries.resolve(options.about);
  const filter = about ? { about: about.key } : {};
  const rows = queries.claims({ ...filter, sort: 'date' });
  const disputes = queries.disputes(filter);
  const all = articleEntries(queries, options);
  const byId = new Map(all.map((a) => [a.id, a]));
  const articleOf = (doc: string): CitedArticle => byId.get(doc) ?? { title: doc, date: null };
  const cited = new Set(rows.flatMap((r) => r.evidence.map((e) => e.doc)));
  const articles = (about ? all.filter((a) => cited.has(a.id)) : all).sort((a, b) => compareDates(a.date, b.date));
  const speakers = speakerSections(rows, articleOf);
  return {
    title: about ? `Story brief: ${about.label}` : 'Story brief',
    about,
    counts: { articles: articles.length, speakers: speakers.length, claims: new Set(rows.map((r) => r.claim.key)).size, disputes: disputes.length },
    span: dateSpan(articles),
    speakers,
    disputes: disputes.map((d) => disputeItem(d, articleOf)),
    timeline: timeline(rows, articleOf, new Map(all.map((a, i) => [a.id, i]))),
    articles,
  };
}
