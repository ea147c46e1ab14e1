/**
 * claimgraph ingest: an HTML page as a document. The article is found with @mozilla/readability over a
 * linkedom DOM; the title comes from the page, the date from its metadata (or else from the text).
 */
import { Readability } from '@mozilla/readability';
import type { ArticleDocument } from '../types';
import { blockText, proseWordCount } from './html-text';
import { findDate } from './from-text';
import { checkHtmlDepth } from './limits';
import { removeAds } from './html-ads';

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

export type HtmlResult =
  | { ok: true; document: ArticleDocument }
  | { ok: false; code: 'no-article' | 'too-deep'; reason: string };

/**
 * Fewest words of prose (text outside links) that make a page an article. A login page or an index has its
 * title and a few link labels; the shortest news brief has a sentence or two.
 */
export const MIN_ARTICLE_WORDS = 8;

const NO_ARTICLE = { ok: false, code: 'no-article', reason: 'no article found in the HTML page' } as const;

/** A byline as a name: "By Jane Doe" and "Jane Doe" both give "Jane Doe". */
const bylineName = (byline: string) => byline.replace(/\s+/g, ' ').trim().replace(/^by\s+/i, '');

/** A byline worth keeping: a short name, not a profile URL that some pages put in their author metadata. */
const usableByline = (name: string) => name.length > 0 && name.length < 100 && !/^https?:|^www\./i.test(name);

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
  // checked on the markup, before any DOM is built: parsing and Readability are the slow part of a deep page
  const tooDeep = checkHtmlDepth(html);
  if (tooDeep) return { ok: false, code: 'too-deep', reason: tooDeep };
  const { document } = parseHTML(html);
  const date = metaDate(document as unknown as QueryableDocument);
  removeAds(document as never);
  // Readability's types expect the browser's Document; linkedom's is close enough for what it reads.
  const article = new Readability(document as unknown as Document).parse();
  if (!article?.content) return NO_ARTICLE;
  const content = parseHTML(`<html><body>${article.content}</body></html>`).document;
  removeAds(content as never);
  const body = blockText(content as never);
  if (!body.trim() || proseWordCount(content as never) < MIN_ARTICLE_WORDS) return NO_ARTICLE;
  const title = (article.title ?? '').replace(/\s+/g, ' ').trim() || (body.split('\n')[0] ?? '').slice(0, 300);
  // Readability takes the byline out of the article; it goes back under the title, so the author is not lost.
  const named = article.byline ? bylineName(article.byline) : '';
  const author = usableByline(named) ? named : '';
  const withByline = author && !body.includes(author) ? `By ${author}\n\n${body}` : body;
  // The title leads the text, as in a plain-text article, unless the body already starts with it.
  const text = withByline.startsWith(title) ? withByline : `${title}\n\n${withByline}`;
  const found = normalizeDate(article.publishedTime) ?? date ?? findDate(text);
  return {
    ok: true,
    document: {
      id,
      title,
      ...(found ? { date: found } : {}),
      ...(article.siteName ? { source: article.siteName.trim() } : {}),
      // the byline's name, as Readability found it ("By Jane Doe" → "Jane Doe"); it stays in the text too
      ...(author ? { author } : {}),
      ...(path ? { path } : {}),
      text,
    },
  };
}
