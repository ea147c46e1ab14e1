/**
 * claimgraph ingest: an HTML page as a document. The article is found with @mozilla/readability over a
 * linkedom DOM; the title comes from the page, the date from its metadata (or else from the text).
 */
import { Readability } from '@mozilla/readability';
import type { ArticleDocument } from '../types';
import { blockText } from './html-text';
import { findDate } from './from-text';

type ParseHtml = (typeof import('linkedom'))['parseHTML'];
let parseHtmlFn: ParseHtml | undefined;

/**
 * linkedom, loaded on the first HTML page only: its dependencies are ES modules, which cost start-up time
 * on plain-text builds and which jest (on Node 20) cannot load, so the text-only paths stay testable in-process.
 */
function parseHTML(html: string): ReturnType<ParseHtml> {
  parseHtmlFn ??= (require('linkedom') as typeof import('linkedom')).parseHTML;
  return parseHtmlFn(html);
}

export type HtmlResult = { ok: true; document: ArticleDocument } | { ok: false; reason: string };

/** Metadata that pages use for their publication date, most specific first. */
const DATE_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date"]',
  'meta[name="dcterms.created"]',
  'meta[property="og:updated_time"]',
];

/** A date value as YYYY-MM-DD: an ISO timestamp's date part, or a written-out date. */
function normalizeDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value);
  return iso ? iso[1] : findDate(value);
}

interface QueryableDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}

function metaDate(document: QueryableDocument): string | undefined {
  for (const selector of DATE_SELECTORS) {
    const date = normalizeDate(document.querySelector(selector)?.getAttribute('content'));
    if (date) return date;
  }
  return normalizeDate(document.querySelector('time[datetime]')?.getAttribute('datetime'));
}

/**
 * Builds the document of an HTML page. Its `text` is the article as plain text, the title first, so that
 * evidence offsets index readable text rather than markup. A page where Readability finds no article
 * (a login form, an index page with no prose) is refused with a reason.
 */
export function documentFromHtml(id: string, html: string, path?: string): HtmlResult {
  const { document } = parseHTML(html);
  const date = metaDate(document as unknown as QueryableDocument);
  // Readability's types expect the browser's Document; linkedom's is close enough for what it reads.
  const article = new Readability(document as unknown as Document).parse();
  if (!article?.content) return { ok: false, reason: 'no article found in the HTML page' };
  const body = blockText(parseHTML(`<html><body>${article.content}</body></html>`).document as never);
  if (!body.trim()) return { ok: false, reason: 'no article text found in the HTML page' };
  const title = (article.title ?? '').replace(/\s+/g, ' ').trim() || (body.split('\n')[0] ?? '').slice(0, 300);
  // The title leads the text, as in a plain-text article, unless the body already starts with it.
  const text = body.startsWith(title) ? body : `${title}\n\n${body}`;
  const found = normalizeDate(article.publishedTime) ?? date ?? findDate(text);
  return {
    ok: true,
    document: {
      id,
      title,
      ...(found ? { date: found } : {}),
      ...(article.siteName ? { source: article.siteName.trim() } : {}),
      ...(path ? { path } : {}),
      text,
    },
  };
}
