/**
 * claimgraph claims: a statement or press release is its issuer's speech. The issuer is named by a title
 * ("Statement of X, TITLE of Y, on Z", "Statement by X", "X Statement on Z"), a lead ("The following is a
 * statement from X:", "X issued the following statement:", "Below is X's statement about Z:"), a wire dateline
 * ("CITY, date /Wire/ -- X ...") or a closing byline of an office ("By X Public Affairs Office"). Every sentence
 * of the body that asserts something and that no other frame gives to a speaker is the issuer's, stated;
 * questions, headings, contact lines, links and "For more information" footers are not claims.
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
const SENTENCE_END = /[.!\u201d"]$/;
const TITLE_LINKS = new Set(['on', 'about', 'regarding', 'concerning', 'following', 'after', 'for', 'to']);
const ISSUING_VERBS = new Set(['issue', 'release', 'make', 'give', 'send', 'publish', 'deliver']);
/** A unit that ends the body: the footer of a release. */
const FOOTER = /^(for more information|for further information|media contacts?|press contacts?|contacts?:|about the |about us|###|-30-)/i;
/** Links, e-mail addresses and telephone numbers: contact lines, not propositions. */
const CONTACT = /(https?:\/\/|www\.|\S@\S+\.\w|\.(org|com|gov|net)\b|\(\d{3}\)\s?\d{3}-\d{4}|\+\d[\d\s-]{7,})/i;
/** "CITY, date /PR Newswire/ --" opening a wire release. */
const WIRE_DATELINE = /^[^\n]{0,120}?\/\s*[\p{L} ]*wire\s*\/\s*(--|\u2014|\u2013|-)\s*/iu;
/** Head words that make a closing byline an issuing office's, not a reporter's. */
const NAME_JOINERS = new Set(['of', 'and', '&', '.']);
const OFFICE_WORDS = new Set(['office', 'affairs', 'department', 'ministry', 'agency', 'authority', 'administration', 'bureau', 'service', 'press', 'communications', 'embassy', 'commission', 'council']);

interface Issuer {
  speakers: TokenRange[];
  cue: Span;
}

/** What frames a statement: who issues it and which units are its body. */
interface Statement {
  issuer: Issuer;
  body: Unit[];
}

const spanOfToken = (ctx: ClaimContext, k: number): Span => ({ start: ctx.tokens[k]!.start, end: ctx.tokens[k]!.end });

/** "Statement of X, TITLE of Y, on Z" / "Statement by X" / "X, Y Statement on Z" in the title unit. */
function issuerInTitle(ctx: ClaimContext): Issuer | undefined {
  const title = ctx.units[0];
  if (!title) return undefined;
  const { tokens, forms } = ctx;
  for (let k = title.firstToken; k < title.endToken; k++) {
    if (!STATEMENT_WORDS.has(forms[k]!)) continue;
    const cue = spanOfToken(ctx, k);
    if (AUTHOR_LINKS.has(forms[k + 1] ?? '') && k + 2 < title.endToken) {
      // the issuer ends at a comma (a title follows) or at the link to the topic
      let end = k + 2;
      while (end < title.endToken && forms[end] !== ',' && !TITLE_LINKS.has(forms[end]!)) end++;
      const named = phraseStartingAt(tokens, k + 2, end) ?? (end > k + 2 ? { first: k + 2, end } : undefined);
      return named ? { speakers: [named], cue } : undefined;
    }
    // names before the word: every token a capitalised name, a comma or "and" (a "joint" statement too),
    // and no verb ("Rail Board Issues Statement on ..." is a report about one)
    let first = k;
    while (first > title.firstToken && (UPPER_START.test(tokens[first - 1]!.text) || forms[first - 1] === ',' || forms[first - 1] === 'and')) first--;
    const verbBefore = tokens.slice(first, k).some((t) => t.pos === 'VERB' || ISSUING_VERBS.has(t.lemma.toLowerCase()) || ISSUING_VERBS.has(t.normal.replace(/s$/, '')));
    if (first === title.firstToken && first < k && !verbBefore && TITLE_LINKS.has(forms[k + 1] ?? '')) {
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

/**
 * A lead that ends with a colon: "The following is a (joint) statement (from X)", "X issued the following
 * statement", "Below is X's statement about Z". Its unit, and the issuer it names.
 */
function lead(ctx: ClaimContext): { unit: Unit; issuer?: Issuer } | undefined {
  const { tokens, forms, units } = ctx;
  for (const unit of units) {
    if (tokens[unit.endToken - 1]!.text !== ':') continue;
    for (let k = unit.firstToken; k + 1 < unit.endToken; k++) {
      // "Below is X's statement", "Here is X's statement"
      if ((forms[k] === 'below' || forms[k] === 'here') && tokens[k + 1]?.lemma === 'be' && k === unit.firstToken) {
        for (let s = k + 2; s < unit.endToken && s - k < 16; s++) {
          if (!STATEMENT_WORDS.has(forms[s]!)) continue;
          const owner = /^['\u2019]s?$/.test(tokens[s - 1]!.text) ? phraseEndingAt(tokens, s - 2, k + 2) : undefined;
          return { unit, ...(owner ? { issuer: { speakers: [owner], cue: spanOfToken(ctx, s) } } : {}) };
        }
      }
      if (forms[k] !== 'following' || forms[k - 1] !== 'the') continue;
      let s = k + 1;
      if (tokens[s]!.lemma === 'be') s++;
      while (s < unit.endToken && s - k < 6 && !STATEMENT_WORDS.has(forms[s]!)) s++;
      if (!STATEMENT_WORDS.has(forms[s] ?? '')) continue;
      const cue = spanOfToken(ctx, s);
      if (AUTHOR_LINKS.has(forms[s + 1] ?? '')) {
        const named = phraseStartingAt(tokens, s + 2, unit.endToken);
        if (named) return { unit, issuer: { speakers: [named], cue } };
      }
      const verb = k - 2;
      if (verb >= unit.firstToken && ISSUING_VERBS.has(tokens[verb]!.lemma)) {
        const subject = phraseEndingAt(tokens, verb - 1, unit.firstToken);
        if (subject) return { unit, issuer: { speakers: [subject], cue } };
      }
      return { unit };
    }
  }
  return undefined;
}

/** A unit that asserts: a sentence, not a question, heading, contact line or link. */
function asserts(ctx: ClaimContext, unit: Unit): boolean {
  const text = ctx.text.slice(unit.start, unit.end).trim();
  if (unit.endToken - unit.firstToken < 4 || !SENTENCE_END.test(text) || CONTACT.test(text)) return false;
  return !FOOTER.test(text);
}

/** The units after `from` that assert, up to a footer or `until`. */
function sentencesAfter(ctx: ClaimContext, from: number, until = ctx.units.length): Unit[] {
  const out: Unit[] = [];
  for (let u = from; u < until; u++) {
    const unit = ctx.units[u]!;
    if (FOOTER.test(ctx.text.slice(unit.start, unit.end).trim())) break;
    if (asserts(ctx, unit)) out.push(unit);
  }
  return out;
}

/** The body after a lead: the quotation that follows it, or its paragraphs while they read as sentences. */
function bodyAfterLead(ctx: ClaimContext, intro: Unit): Unit[] {
  const { units, quoteOf, quotes } = ctx;
  const next = units[intro.index + 1];
  if (!next) return [];
  if (isQuoteOpener(ctx, next.firstToken)) {
    const r = quoteOf[next.firstToken] ?? -1;
    if (r < 0) return [];
    const end = quotes[chainEnd(quotes, r)]!.end;
    const out: Unit[] = [];
    for (let u = next.index; u < units.length && units[u]!.start < end; u++) out.push(units[u]!);
    return out;
  }
  return sentencesAfter(ctx, next.index);
}

/** "By X Public Affairs Office" or "X Office of Communications" as the last unit: an issuing office. */
function closingByline(ctx: ClaimContext): { issuer: Issuer; unit: Unit } | undefined {
  const last = ctx.units[ctx.units.length - 1];
  if (!last || last.index === 0) return undefined;
  const { tokens, forms } = ctx;
  let first = last.firstToken;
  if (forms[first] === 'by') first++;
  const words = tokens.slice(first, last.endToken).filter((t) => t.pos !== 'PUNCT');
  if (!words.length || words.length > 10 || !words.every((t) => UPPER_START.test(t.text) || t.normal === 'of' || t.normal === 'and')) return undefined;
  if (!words.some((t) => OFFICE_WORDS.has(t.normal))) return undefined;
  // the issuer is the name before "Public Affairs Office" / "Press Office", or the whole line
  let end = last.endToken;
  while (end > first && tokens[end - 1]!.pos === 'PUNCT') end--;
  for (let k = first + 1; k < end; k++) {
    if (forms[k] === 'public' || forms[k] === 'press' || (forms[k] === 'office' && k > first)) {
      end = k;
      break;
    }
  }
  return end > first ? { issuer: { speakers: [{ first, end }], cue: { start: last.start, end: last.end } }, unit: last } : undefined;
}

/** "CITY, date /PR Newswire/ -- X announced ...": the issuer is the first sentence's subject. */
function wireDateline(ctx: ClaimContext): { issuer: Issuer; unit: Unit; contentStart: number } | undefined {
  for (const unit of ctx.units.slice(0, 3)) {
    const text = ctx.text.slice(unit.start, unit.end);
    const m = WIRE_DATELINE.exec(text);
    if (!m) continue;
    const at = unit.start + m[0].length;
    let k = unit.firstToken;
    while (k < unit.endToken && ctx.tokens[k]!.start < at) k++;
    // the issuer's name: the capitalised words that open the release ("Orvex Shipping Ltd. announced")
    let end = k;
    while (end < unit.endToken && (UPPER_START.test(ctx.tokens[end]!.text) || (end > k && NAME_JOINERS.has(ctx.forms[end]!)))) end++;
    while (end > k && NAME_JOINERS.has(ctx.forms[end - 1]!)) end--;
    if (!ctx.tokens.slice(k, end).some((t) => t.pos === 'PROPN')) return undefined;
    return { issuer: { speakers: [{ first: k, end }], cue: { start: unit.start, end: unit.start + m[0].trimEnd().length } }, unit, contentStart: at };
  }
  return undefined;
}

/** The statement the document frames, if it is one. */
function findStatement(ctx: ClaimContext): Statement | undefined {
  const intro = lead(ctx);
  const title = issuerInTitle(ctx);
  if (intro) {
    const issuer = intro.issuer ?? title ?? closingByline(ctx)?.issuer;
    return issuer ? { issuer, body: bodyAfterLead(ctx, intro.unit) } : undefined;
  }
  const byline = closingByline(ctx);
  if (title) return { issuer: title, body: sentencesAfter(ctx, 1, byline?.unit.index) };
  if (byline) return { issuer: byline.issuer, body: sentencesAfter(ctx, 1, byline.unit.index) };
  return undefined;
}

function frameOf(issuer: Issuer, speaker: TokenRange, unit: Unit, content: Span): Frame {
  return { kind: 'statement', cue: issuer.cue, stance: 'stated', belief: false, report: false, speaker, content, frame: issuer.cue, unit: unit.index, contentBefore: false };
}

/** Frames that attribute each unframed sentence of the document's statement to its issuer(s). */
export function statementFrames(ctx: ClaimContext, frames: readonly Frame[]): Frame[] {
  const framed = new Set(frames.filter((f) => f.speaker || f.kind === 'verb').map((f) => f.unit));
  const out: Frame[] = [];
  // a title or a lead names the issuer more surely than the words after a wire dateline
  const found = findStatement(ctx);
  const wire = found ? undefined : wireDateline(ctx);
  const statement = wire ? { issuer: wire.issuer, body: [wire.unit, ...sentencesAfter(ctx, wire.unit.index + 1)] } : found;
  if (!statement) return out;
  for (const unit of statement.body) {
    if (framed.has(unit.index)) continue;
    const content = wire && unit === wire.unit ? { start: wire.contentStart, end: unit.end } : { start: unit.start, end: unit.end };
    for (const speaker of statement.issuer.speakers) out.push(frameOf(statement.issuer, speaker, unit, content));
  }
  return out;
}
