/**
 * claimgraph entities: turns raw name runs into name spans: drops sentence-initial common words and unknown
 * headline words, strips demonyms ("Russian Apollo"), and splits titles off names ("Acme Director Ana Silva").
 */
import type { AnalyzedDocument, Token } from '../types';
import { isAcronym, type TokenFeatures } from './features';
import { lexicon, lowerKey, compactKey, type GazetteerEntry } from './lexicon';
import type { Run } from './runs';
import { vote, type NameSpan } from './spans';

/** A bare title that stands for a titled person met before ("the Administrator"). */
export interface TitleRef {
  title: string;
  start: number;
  end: number;
}

/** Titles that are also ordinary name words: they split a run only before a clear personal name. */
const AMBIGUOUS_TITLES = new Set(['general', 'major', 'private', 'justice', 'chief', 'head', 'host', 'member', 'partner', 'fellow', 'agent', 'dean', 'king', 'queen', 'prince', 'princess', 'lord', 'lady', 'father', 'brother', 'sister', 'executive', 'manager', 'owner', 'publisher', 'founder', 'pilot', 'player', 'coach', 'officer', 'official', 'leader', 'chair', 'principal', 'cardinal', 'bishop', 'captain', 'speaker', 'specialist', 'student', 'supporter', 'delegate', 'donor', 'partner', 'anchor', 'host', 'editor', 'engineer', 'scientist', 'member', 'employee', 'nurse', 'deputy']);

/** last words of the names of laws and documents */
const DOCUMENT_HEADS = new Set(['amendment', 'act', 'treaty', 'accord', 'accords', 'agreement', 'code', 'law', 'clause', 'doctrine', 'protocol', 'resolution', 'declaration', 'constitution', 'charter', 'report', 'index', 'plan', 'bill', 'prize', 'award', 'grants', 'grant']);

/** endings of capitalised adjectives ("Republican", "Baltic", "Eastern", "Senior") */
const ADJECTIVE_ENDING = /(an|ern|ic|ior|ish|ese|al|ist)$/;
const POSSESSIVE_ENDING = /['’]s$/;
const POSSESSIVE_WORD = /^['’]s$/;
const NAME_WORD = /^\p{Lu}[\p{Ll}'’.-]+$/u;
const INITIAL = /^\p{Lu}\.$/u;
const CAPITALS = /^\p{Lu}+$/u;
const CONTRACTION = /^\p{Lu}['’]\p{Ll}{1,2}$/u;
const LOWER_START = /^\p{Ll}/u;
const HAS_DIGIT = /\d/;

export function spanText(analyzed: AnalyzedDocument, start: number, end: number): string {
  const a = analyzed.tokens[start];
  const b = analyzed.tokens[end - 1];
  return a && b ? analyzed.doc.text.slice(a.start, b.end) : '';
}

/** Looks a name up in the gazetteer, as written, without a leading "The", or run together ("TechWire"). */
export function gazetteerLookup(text: string): GazetteerEntry | undefined {
  const hit = lookupCache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const found = gazetteerLookupUncached(text);
  // names recur within and across articles; the cache is bounded so a long run cannot grow it without end
  if (lookupCache.size > 50_000) lookupCache.clear();
  lookupCache.set(text, found ?? null);
  return found;
}

const lookupCache = new Map<string, GazetteerEntry | null>();

function gazetteerLookupUncached(text: string): GazetteerEntry | undefined {
  const lex = lexicon();
  const key = lowerKey(text).replace(POSSESSIVE_ENDING, '');
  return lex.gazetteer.get(key) ?? (key.startsWith('the ') ? lex.gazetteer.get(key.slice(4)) : undefined) ?? lex.gazetteerCompact.get(compactKey(key));
}

/** The longest title that starts at token p of [p, end), as its lower-case words and its end. */
export function titleAt(tokens: Token[], p: number, end: number): { title: string; end: number } | undefined {
  const lex = lexicon();
  if (!lex.titleFirstWords.has(tokens[p]?.normal ?? '')) return undefined;
  const words: string[] = [];
  let found: { title: string; end: number } | undefined;
  for (let k = p; k < end && k < p + lex.titleMaxWords; k++) {
    words.push(tokens[k]!.normal);
    // "Director-General" comes as three tokens
    const key = words.join(' ').replace(/ - /g, '-');
    const singular = key.endsWith('s') ? key.slice(0, -1) : key;
    if (lex.titles.has(key)) found = { title: key, end: k + 1 };
    else if (lex.titles.has(singular)) found = { title: singular, end: k + 1 };
  }
  return found;
}

/** A personal name: two to four capitalised alphabetic words, or one that starts with a known given name. */
export function looksPersonal(tokens: Token[], start: number, end: number): boolean {
  const lex = lexicon();
  const first = tokens[start];
  if (!first) return false;
  if (lex.firstNames.has(first.text)) return true;
  const len = end - start;
  if (len < 2 || len > 4) return false;
  for (let k = start; k < end; k++) {
    const t = tokens[k]!.text;
    if (!NAME_WORD.test(t) && !INITIAL.test(t)) return false;
    if (lex.nameHeads.has(tokens[k]!.normal)) return false;
  }
  return true;
}

interface KnownNames {
  /** lower-case texts of names met mid-sentence */
  names: Set<string>;
  /** lower-case first and last words of those names (given names, surnames) */
  edges: Set<string>;
  /** words of the runs that the text also writes in lower case: a capitalised "Country" or "Music" is then a common word */
  common: Set<string>;
}

/** Names seen where capitals prove a name (mid-sentence, outside headlines): they vouch for the doubtful places. */
function knownNames(analyzed: AnalyzedDocument, runs: Run[], features: TokenFeatures): KnownNames {
  const names = new Set<string>();
  const edges = new Set<string>();
  const common = new Set<string>();
  const { tokens } = analyzed;
  // only words inside runs are ever asked about: collect those, not every lower-case word of the text
  const inRuns = new Set<string>();
  for (const r of runs) for (let k = r.start; k < r.end; k++) inRuns.add(tokens[k]!.normal);
  for (const t of tokens) if (t.text === t.normal && t.pos !== 'PROPN' && inRuns.has(t.normal)) common.add(t.normal);
  for (const r of runs) {
    if (features.headline[r.start]) continue;
    if (features.sentenceInitial[r.start]) {
      // past its first word a sentence-initial run is as good as any: "Mayor Karen Bass" vouches for "Bass"
      if (r.end - r.start >= 2) edges.add(tokens[r.end - 1]!.normal);
      continue;
    }
    names.add(lowerKey(spanText(analyzed, r.start, r.end)));
    edges.add(tokens[r.start]!.normal);
    edges.add(tokens[r.end - 1]!.normal);
  }
  return { names, edges, common };
}

function newSpan(analyzed: AnalyzedDocument, start: number, end: number): NameSpan {
  const text = spanText(analyzed, start, end);
  const span: NameSpan = { start, end, mentionStart: start, mentionEnd: end, text, votes: {} };
  const gaz = gazetteerLookup(text);
  if (gaz) {
    span.gazetteer = gaz;
    vote(span, gaz.kind, 10);
  }
  return span;
}

/** "the Russians", "the North Koreans": the country the demonym names, mentioned from "the" on. */
function countrySpan(analyzed: AnalyzedDocument, start: number, end: number, country: string | undefined): NameSpan {
  const span = newSpan(analyzed, start, end);
  span.canonical = country;
  span.gazetteer = country ? gazetteerLookup(country) : undefined;
  span.votes = { place: 10 };
  span.mentionStart = start - 1;
  return span;
}

/** A capitalised phrase of ordinary words: each also appears in lower case in the text, and no cue makes it a name. */
function isCommonPhrase(tokens: Token[], start: number, end: number, known: KnownNames): boolean {
  const lex = lexicon();
  if (end - start > 3) return false;
  for (let k = start; k < end; k++) {
    const t = tokens[k]!;
    // an acronym counts as a name unless it is a shouted common word ("FULL SPEECH", "OUT")
    const shouted = isAcronym(t.text) && CAPITALS.test(t.text);
    if (!known.common.has(t.normal) || lex.firstNames.has(t.text) || lex.nameHeads.has(t.normal) || (isAcronym(t.text) && !shouted) || HAS_DIGIT.test(t.text)) return false;
  }
  return !gazetteerLookup(tokens.slice(start, end).map((t) => t.text).join(' '));
}

/** What follows a sentence-initial word shows it to be a name: "Waymo said", "Waymo's", "Waymo, a unit of". */
function actsAsName(tokens: Token[], end: number): boolean {
  const lex = lexicon();
  const next = tokens[end];
  if (!next) return false;
  if (POSSESSIVE_WORD.test(next.text)) return true;
  if (lex.speechVerbs.has(next.normal) && next.pos === 'VERB') return true;
  const after = tokens[end + 1];
  return next.text === ',' && !!after && (after.normal === 'a' || after.normal === 'an' || after.normal === 'the') && tokens[end + 2]?.pos !== 'PROPN';
}

/** Whether a sentence-initial word is a name: the gazetteer, a given name, an acronym or the rest of the text says so. */
function vouched(tokens: Token[], i: number, run: Run, text: string, known: KnownNames): boolean {
  const lex = lexicon();
  const t = tokens[i]!;
  return (
    // "Time", "Science", "Target" start sentences as common words: the gazetteer vouches unless the text writes them in lower case
    ((!!gazetteerLookup(t.text) || !!gazetteerLookup(text)) && !(run.end - run.start === 1 && known.common.has(t.normal))) ||
    // a given name vouches only before a surname ("Even Friday" is no name, "Maria Ortega" is)
    (lex.firstNames.has(t.text) && i + 1 < run.end && !known.common.has(t.normal)) ||
    isAcronym(t.text) ||
    known.names.has(lowerKey(text)) ||
    known.edges.has(t.normal) ||
    lex.demonymCountry.has(t.normal) ||
    !!titleAt(tokens, i, run.end) ||
    actsAsName(tokens, run.end) ||
    (run.end - run.start > 1 && t.pos === 'PROPN' && lex.nameHeads.has(tokens[run.end - 1]!.normal)) ||
    (run.end - run.start > 1 && t.pos === 'PROPN' && tokens[i + 1]?.pos === 'PROPN' && looksPersonal(tokens, run.start, run.end))
  );
}

/** Splits one body run into name spans; pushes title references for bare titles. */
function refineRun(analyzed: AnalyzedDocument, run: Run, features: TokenFeatures, known: KnownNames, out: NameSpan[], titleRefs: TitleRef[]): void {
  const lex = lexicon();
  const { tokens } = analyzed;
  let { start } = run;
  const { end } = run;

  if (features.sentenceInitial[start] && !vouched(tokens, start, run, spanText(analyzed, start, end), known)) start++;
  if (start >= end) return;
  // "Democrat Ana Ruiz", "Republican Tomas Vell": a party word before a name is no part of it
  while (end - start > 1 && lex.affiliations.has(tokens[start]!.normal) && !gazetteerLookup(spanText(analyzed, start, end))) start++;
  if (end - start === 1 && (lex.affiliations.has(tokens[start]!.normal) || lex.groupWords.has(tokens[start]!.normal))) return;
  // "I’m", "(D-N.Y.)", "R-Utah": contractions and party tags
  if (CONTRACTION.test(tokens[start]!.text) || (tokens[start]!.text.length === 1 && tokens[start + 1]?.text === '-')) return;
  // "First Amendment", "Affordable Care Act", "Constitution": laws and documents are no entities of ours
  if (DOCUMENT_HEADS.has(tokens[end - 1]!.normal) && (end - start >= 2 || tokens[start]!.pos !== 'PROPN' || known.common.has(tokens[start]!.normal) || tokens[start]!.normal === 'constitution')) return;
  // capitalised common words ("Music", "Health Issues"): every word also written in lower case, none a name
  if (isCommonPhrase(tokens, start, end, known)) return;
  // a lone capital ("S" in "AS-508") is a fragment, not a name
  if (end - start === 1 && tokens[start]!.text.length === 1) return;

  const whole = gazetteerLookup(spanText(analyzed, start, end));
  // a lone capitalised adjective ("Republican nominee", "Eastern") is a modifier, not a name
  if (!whole && end - start === 1 && !lex.demonymCountry.has(tokens[start]!.normal)) {
    const next = tokens[end];
    const modifies = next && LOWER_START.test(next.text) && (next.pos === 'NOUN' || next.pos === 'ADJ');
    const namesThing = next && (lex.modifierHeads.has(next.normal) || lex.groupHeads.has(next.normal) || lex.unnamedRoles.has(next.normal) || lex.titles.has(next.normal));
    if (!namesThing && (tokens[start]!.pos === 'ADJ' || (modifies && ADJECTIVE_ENDING.test(tokens[start]!.normal)))) return;
  }
  // "North Korean sailors": a demonym of several words names nobody either; "the North Koreans" the country
  if (!whole && end - start > 1 && lex.demonymCountry.has(spanText(analyzed, start, end).toLowerCase())) {
    if (tokens[end - 1]!.normal.endsWith('s') && tokens[start - 1]?.normal === 'the') out.push(countrySpan(analyzed, start, end, lex.demonymCountry.get(spanText(analyzed, start, end).toLowerCase())));
    return;
  }
  // "Polish American voters": demonyms before a demonym
  while (!whole && end - start > 1 && lex.demonymCountry.has(tokens[start]!.normal) && lex.demonymCountry.has(tokens[start + 1]!.normal)) start++;
  // "Russian Apollo" is Apollo; "Russian Space Agency" and "American Airlines" keep their demonym
  const firstWord = tokens[start]!;
  if (!whole && lex.demonymCountry.has(firstWord.normal)) {
    const headKind = lex.nameHeads.get(tokens[end - 1]!.normal);
    const keeps = end - start > 1 && headKind !== undefined && headKind !== 'place';
    // "African-American", "Polish-American": a compound of demonyms names nobody
    let onlyDemonyms = true;
    for (let k = start; k < end; k++) if (tokens[k]!.text !== '-' && !lex.demonymCountry.has(tokens[k]!.normal)) onlyDemonyms = false;
    if (onlyDemonyms && end - start > 1) return;
    if (!keeps) {
      if (end - start === 1) {
        // "the Russians" names the country; a lone adjective names nothing
        const before = tokens[start - 1];
        if (firstWord.normal.endsWith('s') && before?.normal === 'the') out.push(countrySpan(analyzed, start, end, lex.demonymCountry.get(firstWord.normal)));
        return;
      }
      start++;
      while (start < end && tokens[start]!.text === '-') start++;
      if (start >= end) return;
    }
  }

  // Titles inside the run: [organization] title name
  if (!whole) {
    for (let p = start; p < end; p++) {
      const title = titleAt(tokens, p, end);
      if (!title) continue;
      // "Department of Justice", "Office of the Inspector General": a title after "of" is part of an organization's name
      const link = tokens[p - 1]?.normal === 'the' && p - 1 > start ? p - 2 : p - 1;
      if (link >= start && tokens[link]!.normal === 'of') continue;
      let nameStart = title.end;
      // "Chairman Rep. Jason Chaffetz": titles in a row
      for (let more = titleAt(tokens, nameStart, end); more && more.end < end; more = titleAt(tokens, nameStart, end)) nameStart = more.end;
      if (nameStart >= end) {
        // "the Administrator", "ESA Administrator": a bare title
        if (p > start) out.push(newSpan(analyzed, start, p));
        titleRefs.push({ title: title.title, start: p, end: nameStart });
        return;
      }
      const nameText = spanText(analyzed, nameStart, end);
      const lastHead = lex.nameHeads.get(tokens[end - 1]!.normal);
      const personal = lex.firstNames.has(tokens[nameStart]!.text) || (end - nameStart <= 3 && lastHead === undefined && !gazetteerLookup(nameText));
      if (!personal) continue;
      if (AMBIGUOUS_TITLES.has(title.title) && !lex.firstNames.has(tokens[nameStart]!.text)) continue;
      let orgIndex: number | undefined;
      if (p > start) {
        const org = newSpan(analyzed, start, p);
        org.modifier = true;
        // what a title belongs to is an organization, unless its name or the gazetteer says which kind
        vote(org, 'organization', 4);
        orgIndex = out.length;
        out.push(org);
      }
      const person = newSpan(analyzed, nameStart, end);
      person.mentionStart = orgIndex !== undefined ? start : p;
      person.title = title.title;
      person.leader = lex.titles.get(title.title) === true;
      if (orgIndex !== undefined) {
        person.orgSpan = orgIndex;
        person.orgEvidence = { start, end };
      }
      vote(person, 'person', 8);
      out.push(person);
      return;
    }
  }
  // "Harbour Gazette Ruiz": a gazetteer name run into a known name splits in two
  if (!whole && end - start >= 2) {
    for (let cut = end - 1; cut > start; cut--) {
      const rest = spanText(analyzed, cut, end);
      if (!gazetteerLookup(spanText(analyzed, start, cut))) continue;
      // the rest must be a name of its own: not the head that makes the whole one name ("KSS Program")
      if (lex.nameHeads.has(tokens[cut]!.normal) || lex.nameHeads.has(tokens[end - 1]!.normal)) break;
      // "SpaceX Falcon 9", "Boeing 737": a maker's name before a designated product
      const designated = HAS_DIGIT.test(rest) && gazetteerLookup(spanText(analyzed, start, cut))?.kind === 'organization';
      if (known.names.has(lowerKey(rest)) || lex.firstNames.has(tokens[cut]!.text) || gazetteerLookup(rest) || designated) {
        out.push(newSpan(analyzed, start, cut));
        out.push(newSpan(analyzed, cut, end));
        return;
      }
      break;
    }
  }
  out.push(newSpan(analyzed, start, end));
}

/** Headline words count only where they are names known from the body, the gazetteer, acronyms or full personal names. */
function refineHeadlineRun(analyzed: AnalyzedDocument, run: Run, bodyNames: Set<string>, bodyWords: Set<string>, out: NameSpan[]): void {
  const { tokens } = analyzed;
  // a given name that the body writes as a plain word ("a man", "the hope"), or a demonym, is that word in a headline
  const givenName = (k: number) => lexicon().firstNames.has(tokens[k]!.text) && !bodyWords.has(tokens[k]!.normal) && !lexicon().demonymCountry.has(tokens[k]!.normal);
  let p = run.start;
  while (p < run.end) {
    let taken = 0;
    for (let w = run.end - p; w >= 1; w--) {
      const text = spanText(analyzed, p, p + w);
      const key = lowerKey(text);
      const ok = bodyNames.has(key) || !!gazetteerLookup(text) || (w >= 2 && w <= 3 && givenName(p) && looksPersonal(tokens, p, p + w));
      if (ok) {
        const span = newSpan(analyzed, p, p + w);
        span.headline = true;
        out.push(span);
        taken = w;
        break;
      }
    }
    p += taken || 1;
  }
}

/** Name spans of the whole text, in text order, and the bare titles met on the way. */
export function refineRuns(analyzed: AnalyzedDocument, runs: Run[], features: TokenFeatures): { spans: NameSpan[]; titleRefs: TitleRef[] } {
  const known = knownNames(analyzed, runs, features);
  const body: NameSpan[] = [];
  const titleRefs: TitleRef[] = [];
  for (const run of runs) if (!features.headline[run.start]) refineRun(analyzed, run, features, known, body, titleRefs);

  const bodyNames = new Set<string>();
  for (const s of body) {
    bodyNames.add(lowerKey(s.text));
    if (s.canonical) bodyNames.add(lowerKey(s.canonical));
  }
  const heads: NameSpan[] = [];
  const bodyWords = new Set<string>();
  analyzed.tokens.forEach((t, k) => {
    if (!features.headline[k] && /^\p{Ll}/u.test(t.text)) bodyWords.add(t.normal);
  });
  for (const run of runs) if (features.headline[run.start]) refineHeadlineRun(analyzed, run, bodyNames, bodyWords, heads);
  if (!heads.length) return { spans: body, titleRefs };

  // Merge the two lists by position, renumbering the organization links of the body spans.
  const all = [...heads.map((s) => ({ s, from: 'h' as const, i: 0 })), ...body.map((s, i) => ({ s, from: 'b' as const, i }))];
  all.sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end);
  const newIndex = new Map<number, number>();
  all.forEach((x, k) => {
    if (x.from === 'b') newIndex.set(x.i, k);
  });
  const spans = all.map((x) => {
    if (x.s.orgSpan !== undefined) x.s.orgSpan = newIndex.get(x.s.orgSpan);
    return x.s;
  });
  return { spans, titleRefs };
}
