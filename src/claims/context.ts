/**
 * claimgraph claims: the per-document context every frame finder reads (tokens, lower-cased forms, sentence
 * units, quotation regions), computed once in linear passes.
 */
import type { AnalyzedDocument, Token } from '../types';
import { findQuotes, type QuoteRegion } from './quotes';
import { sentenceUnits, unitOfToken, type Unit } from './units';

export interface ClaimContext {
  text: string;
  tokens: readonly Token[];
  /** lower-cased token forms with typographic apostrophes made straight */
  forms: readonly string[];
  units: readonly Unit[];
  unitOf: Int32Array;
  quotes: readonly QuoteRegion[];
  /** the quotation region each token lies in, or -1 */
  quoteOf: Int32Array;
}

const OPENERS = new Set(['\u201c', '"']);
const CLOSERS = new Set(['\u201d', '"']);

export function buildContext(analyzed: AnalyzedDocument): ClaimContext {
  const text = analyzed.doc.text;
  const tokens = analyzed.tokens;
  const forms = tokens.map((t) => t.normal.replace(/\u2019/g, "'").toLowerCase());
  const units = sentenceUnits(analyzed);
  const quotes = findQuotes(text);
  const quoteOf = new Int32Array(tokens.length).fill(-1);
  let r = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (r < quotes.length && quotes[r]!.end <= t.start) r++;
    if (r < quotes.length && quotes[r]!.start <= t.start) quoteOf[i] = r;
  }
  return { text, tokens, forms, units, unitOf: unitOfToken(units, tokens.length), quotes, quoteOf };
}

export function isQuoteOpener(t: Token | undefined): boolean {
  return !!t && t.pos === 'PUNCT' && OPENERS.has(t.text);
}

export function isQuoteCloser(t: Token | undefined): boolean {
  return !!t && t.pos === 'PUNCT' && CLOSERS.has(t.text);
}

/** Index of the first token that ends after `offset` (binary search), or tokens.length. */
export function firstTokenFrom(ctx: ClaimContext, offset: number): number {
  let lo = 0;
  let hi = ctx.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
