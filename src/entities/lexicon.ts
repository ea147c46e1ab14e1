/**
 * claimgraph entities: the word lists of the entity stage, loaded once from the data files beside it
 * (gazetteer, demonyms, given names, cue words) into Sets and Maps keyed by lower-case text.
 */
import type { EntityKind } from '../types';
import gazetteerData from './data/gazetteer.json';
import demonymData from './data/demonyms.json';
import firstNameData from './data/first-names.json';
import cueData from './data/cues.json';

export interface GazetteerEntry {
  name: string;
  kind: EntityKind;
  aliases: string[];
}

/** Kinds that a name's last word can announce ("Space Agency", "Star City", "Training Center"). */
type HeadKind = Exclude<EntityKind, 'person'>;

/** Bits of `Lexicon.wordClass`: what a lower-case word can be, found with one lookup per token. */
export const WORD = { date: 1, demonym: 2, incident: 4, weakIncident: 8, determiner: 16, media: 32 } as const;

export interface Lexicon {
  /** lower-case word → WORD bits */
  wordClass: Map<string, number>;
  /** lower-cased name or alias → entry */
  gazetteer: Map<string, GazetteerEntry>;
  /** the same names with spaces and punctuation removed ("techwire") → entry, for run-together spellings */
  gazetteerCompact: Map<string, GazetteerEntry>;
  /** the longest gazetteer name, in words: bounds the sub-run lookups */
  gazetteerMaxWords: number;
  /** "russian" → "Russia", "russians" → "Russia" */
  demonymCountry: Map<string, string>;
  /** lower-case names of countries and regions, for "the country" */
  countries: Set<string>;
  firstNames: Set<string>;
  nameHeads: Map<string, HeadKind>;
  modifierHeads: Map<string, HeadKind>;
  groupHeads: Set<string>;
  orgMemberHeads: Set<string>;
  /** titles, lower case, possibly several words; value: true when the title leads the organization */
  titles: Map<string, boolean>;
  titleMaxWords: number;
  /** first words of the titles (and of their plurals): most tokens can be ruled out at once */
  titleFirstWords: Set<string>;
  unnamedRoles: Set<string>;
  descriptions: Map<string, HeadKind>;
  descriptionModifiers: Set<string>;
  incidentNouns: Set<string>;
  /** party words that stand before names ("Democrat", "Republican") */
  affiliations: Set<string>;
  /** capitalised words for groups of people ("Muslims", "Latinos") */
  groupWords: Set<string>;
  weakIncidentNouns: Set<string>;
  dateWords: Set<string>;
  neverNames: Set<string>;
  connectors: Set<string>;
  speechVerbs: Set<string>;
}

const NEEDS_FOLDING = /[\u2018\u2019`\s]/;
const APOSTROPHES = /[\u2018\u2019`]/g;
const SPACE_RUNS = /\s+/g;
const NOT_LETTERS_OR_DIGITS = /[^\p{L}\p{N}]+/gu;

/** Lower-cases and folds curly apostrophes, so "Interpol’" and "Interpol'" meet. */
export function lowerKey(text: string): string {
  const lower = text.toLowerCase();
  // the common case (one plain word or name) needs no rewriting
  if (!NEEDS_FOLDING.test(lower)) return lower;
  return lower.replace(APOSTROPHES, "'").replace(SPACE_RUNS, ' ').trim();
}

/** A key without spaces or punctuation: "PRNewswire" and "PR Newswire" share "prnewswire". */
export function compactKey(text: string): string {
  return text.toLowerCase().replace(NOT_LETTERS_OR_DIGITS, '');
}

function buildLexicon(): Lexicon {
  const gazetteer = new Map<string, GazetteerEntry>();
  const gazetteerCompact = new Map<string, GazetteerEntry>();
  let gazetteerMaxWords = 1;
  for (const raw of gazetteerData.entries) {
    const entry: GazetteerEntry = { name: raw.name, kind: raw.kind as EntityKind, aliases: raw.aliases };
    for (const name of [raw.name, ...raw.aliases]) {
      const key = lowerKey(name);
      // the first entry to claim a name keeps it: the data file lists the likelier reading first
      if (!gazetteer.has(key)) gazetteer.set(key, entry);
      const compact = compactKey(name);
      // short or dotted forms ("Mass.", "US") would match ordinary words once run together
      if (compact.length >= 6 && !name.endsWith('.') && !gazetteerCompact.has(compact)) gazetteerCompact.set(compact, entry);
      gazetteerMaxWords = Math.max(gazetteerMaxWords, name.split(/\s+/).length);
    }
  }

  const demonymCountry = new Map<string, string>();
  for (const c of demonymData.countries) for (const d of c.demonyms) demonymCountry.set(d.toLowerCase(), c.name);

  const headMap = (groups: Record<string, string[]>): Map<string, HeadKind> => {
    const m = new Map<string, HeadKind>();
    for (const [kind, words] of Object.entries(groups)) for (const w of words) if (!m.has(w)) m.set(w, kind as HeadKind);
    return m;
  };

  const titles = new Map<string, boolean>();
  for (const t of cueData.memberTitles) titles.set(t, false);
  for (const t of cueData.leaderTitles) titles.set(t, true);
  const titleMaxWords = Math.max(...[...titles.keys()].map((t) => t.split(' ').length));

  const wordClass = new Map<string, number>();
  const mark = (words: Iterable<string>, bit: number) => {
    for (const w of words) wordClass.set(w, (wordClass.get(w) ?? 0) | bit);
  };
  mark(cueData.dateWords, WORD.date);
  mark(demonymCountry.keys(), WORD.demonym);
  mark(cueData.incidentNouns, WORD.incident);
  mark(cueData.weakIncidentNouns, WORD.weakIncident);
  mark(['the', 'this', 'that'], WORD.determiner);
  mark(['media'], WORD.media);

  return {
    wordClass,
    gazetteer,
    gazetteerCompact,
    gazetteerMaxWords,
    demonymCountry,
    countries: new Set(demonymData.countries.map((c) => c.name.toLowerCase())),
    firstNames: new Set(firstNameData.names),
    nameHeads: headMap(cueData.nameHeads),
    modifierHeads: headMap(cueData.modifierHeads),
    groupHeads: new Set(cueData.groupHeads),
    orgMemberHeads: new Set(cueData.orgMemberHeads),
    titles,
    titleMaxWords,
    titleFirstWords: new Set([...titles.keys()].flatMap((t) => {
      const first = t.split(' ')[0]!;
      return [first, `${first}s`];
    })),
    unnamedRoles: new Set(cueData.unnamedRoles),
    descriptions: headMap(cueData.descriptions),
    descriptionModifiers: new Set(cueData.descriptionModifiers),
    incidentNouns: new Set(cueData.incidentNouns),
    affiliations: new Set(cueData.affiliations),
    groupWords: new Set(cueData.groupWords),
    weakIncidentNouns: new Set(cueData.weakIncidentNouns),
    dateWords: new Set(cueData.dateWords),
    neverNames: new Set(cueData.neverNames),
    connectors: new Set(cueData.connectors),
    speechVerbs: new Set(cueData.speechVerbs),
  };
}

let shared: Lexicon | undefined;

/** The lexicon, built on first use and shared by every document. */
export function lexicon(): Lexicon {
  shared ??= buildLexicon();
  return shared;
}
