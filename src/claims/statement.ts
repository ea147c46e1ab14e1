/**
 * claimgraph claims: statements framed as an author's ("The following is a statement from X:", a title
 * "X Statement on ..."). Every sentence of the statement's body that has no frame of its own is attributed to
 * the author(s), stated.
 */
import type { Span } from '../types';
import type { ClaimContext } from './context';
import { isQuoteOpener } from './context';
import type { Frame } from './frames';
import { phraseEndingAt, phraseStartingAt, type TokenRange } from './phrases';
import { chainEnd } from './quotes';
import type { Unit } from './units';

const STATEMENT_WORDS = new Set(['statement', 'remarks', 'message']);
const AUTHOR_LINKS = new Set(['from', 'by', 'of']);
const UPPER_START = /^\p{Lu}/u;
const SENTENCE_END = /[.!?\u201d"]$/;
const TITLE_LINKS = new Set(['on', 'about', 'regarding', 'concerning', 'following', 'after', 'for', 'to']);

interface Authors {
  speakers: TokenRange[];
  cue: Span;
}

/** "X, Y Statement on ..." / "Statement by X" in the first unit (the title). */
function authorsInTitle(ctx: ClaimContext): Authors | undefined {
  const title = ctx.units[0];
  if (!title) return undefined;
  const { tokens, forms } = ctx;
  for (let k = title.firstToken; k < title.endToken; k++) {
    if (!STATEMENT_WORDS.has(forms[k]!)) continue;
    const cue = { start: tokens[k]!.start, end: tokens[k]!.end };
    if (AUTHOR_LINKS.has(forms[k + 1] ?? '') && k + 2 < title.endToken) {
      const after = phraseStartingAt(tokens, k + 2, title.endToken);
      return after ? { speakers: [after], cue } : undefined;
    }
    // names before the word: every token a capitalised name, a comma or "and" (a "joint" statement too)
    let first = k;
    while (first > title.firstToken && (UPPER_START.test(tokens[first - 1]!.text) || forms[first - 1] === ',' || forms[first - 1] === 'and')) first--;
    if (first === title.firstToken && first < k && TITLE_LINKS.has(forms[k + 1] ?? '')) {
      let end = k;
      if (forms[end - 1] === 'joint') end--;
      const speakers = splitNames(ctx, first, end);
      return speakers.length ? { speakers, cue } : undefined;
    }
    return undefined;
  }
  return undefined;
}

function splitNames(ctx: ClaimContext, first: number, end: number): TokenRange[] {
  const out: TokenRange[] = [];
  let from = first;
  for (let k = first; k <= end; k++) {
    if (k === end || ctx.forms[k] === ',' || ctx.forms[k] === 'and') {
      if (k > from) out.push({ first: from, end: k });
      from = k + 1;
    }
  }
  return out;
}

const ISSUING_VERBS = new Set(['issue', 'release', 'make', 'give', 'send', 'publish', 'deliver']);

/**
 * "The following is a (joint) statement (from X) ...:" or "X issued the following statement:": its unit and
 * the authors it names. Only a unit that ends with a colon introduces a body.
 */
function introduction(ctx: ClaimContext): { unit: Unit; authors?: Authors } | undefined {
  const { tokens, forms, units } = ctx;
  for (const unit of units) {
    if (tokens[unit.endToken - 1]!.text !== ':') continue;
    for (let k = unit.firstToken + 1; k + 1 < unit.endToken; k++) {
      if (forms[k] !== 'following' || forms[k - 1] !== 'the') continue;
      let s = k + 1;
      if (tokens[s]!.lemma === 'be') s++;
      while (s < unit.endToken && s - k < 6 && !STATEMENT_WORDS.has(forms[s]!)) s++;
      if (!STATEMENT_WORDS.has(forms[s] ?? '')) continue;
      const cue = { start: tokens[s]!.start, end: tokens[s]!.end };
      if (AUTHOR_LINKS.has(forms[s + 1] ?? '')) {
        const named = phraseStartingAt(tokens, s + 2, unit.endToken);
        if (named) return { unit, authors: { speakers: [named], cue } };
      }
      // "X issued the following statement:"
      const verb = k - 2;
      if (verb >= unit.firstToken && ISSUING_VERBS.has(tokens[verb]!.lemma)) {
        const subject = phraseEndingAt(tokens, verb - 1, unit.firstToken);
        if (subject) return { unit, authors: { speakers: [subject], cue } };
      }
      return { unit };
    }
  }
  return undefined;
}

/** The units of the statement's body: the quotation that follows the introduction, or its paragraphs. */
function bodyUnits(ctx: ClaimContext, intro: Unit): Unit[] {
  const { units, tokens, quoteOf, quotes } = ctx;
  const next = units[intro.index + 1];
  if (!next) return [];
  const out: Unit[] = [];
  if (isQuoteOpener(ctx, next.firstToken)) {
    const r = quoteOf[next.firstToken] ?? -1;
    if (r < 0) return [];
    const end = quotes[chainEnd(quotes, r)]!.end;
    for (let u = next.index; u < units.length && units[u]!.start < end; u++) out.push(units[u]!);
    return out;
  }
  // an unquoted body: the paragraphs that follow, while they read as sentences
  for (let u = next.index; u < units.length; u++) {
    const unit = units[u]!;
    const last = tokens[unit.endToken - 1]!.text;
    if (!SENTENCE_END.test(last) || unit.endToken - unit.firstToken < 4) break;
    out.push(unit);
  }
  return out;
}

/** Frames that attribute each framed statement's unframed sentences to its author(s). */
export function statementFrames(ctx: ClaimContext, frames: readonly Frame[]): Frame[] {
  const intro = introduction(ctx);
  const title = authorsInTitle(ctx);
  const authors = intro?.authors ?? title;
  let body: Unit[] = [];
  if (intro && authors) body = bodyUnits(ctx, intro.unit);
  else if (title) {
    // a titled statement without an introduction: its body is the first quotation that opens a paragraph
    const opening = ctx.units.find((u) => u.index > 0 && u.opensParagraph && isQuoteOpener(ctx, u.firstToken));
    if (opening && ctx.units[opening.index - 1]) body = bodyUnits(ctx, ctx.units[opening.index - 1]!);
  }
  if (!authors || !body.length) return [];
  const framed = new Set(frames.filter((f) => f.speaker || f.kind === 'verb').map((f) => f.unit));
  const out: Frame[] = [];
  for (const unit of body) {
    if (framed.has(unit.index)) continue;
    for (const speaker of authors.speakers) {
      out.push({ kind: 'statement', cue: authors.cue, stance: 'stated', belief: false, report: false, speaker, content: { start: unit.start, end: unit.end }, frame: authors.cue, unit: unit.index, contentBefore: false });
    }
  }
  return out;
}
