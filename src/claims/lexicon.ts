/**
 * claimgraph claims: the cue lexicon (data/cues.json) compiled once into Maps and Sets, so frame finding looks
 * every token up in constant time.
 */
import type { Stance } from '../types';
import cues from './data/cues.json';

export interface VerbCue {
  stance: Stance;
  /** reports only when a clause, a quote or a colon follows it ("announced a plan" is no claim) */
  clause: boolean;
  /** takes a hearer before its clause ("told reporters that", "warned Congress that") */
  object: boolean;
  /** a cue of belief or intention rather than of speech */
  belief: boolean;
  /** a verb of reporting by an outlet ("reported"): an outlet that reports another's claim is its reporter */
  report: boolean;
  /** takes a plain object as its proposition ("called for an inquiry") */
  np: boolean;
  /** its object and an "as" phrase are the proposition ("identified the cause as a faulty valve") */
  as: boolean;
}

interface RawVerb {
  stance: string;
  clause?: boolean;
  object?: boolean;
  belief?: boolean;
  report?: boolean;
  np?: boolean;
  as?: boolean;
}

const STANCES: ReadonlySet<string> = new Set(['stated', 'denied', 'questioned', 'confirmed']);

function toStance(value: string, where: string): Stance {
  if (!STANCES.has(value)) throw new Error(`claimgraph claims: cues.json ${where}: unknown stance "${value}"`);
  return value as Stance;
}

function compileVerb(raw: RawVerb, where: string): VerbCue {
  return {
    stance: toStance(raw.stance, where),
    clause: raw.clause ?? false,
    object: raw.object ?? false,
    belief: raw.belief ?? false,
    report: raw.report ?? false,
    np: raw.np ?? raw.stance !== 'stated',
    as: raw.as ?? false,
  };
}

/** Verb cues by lemma. */
export const VERB_CUES: ReadonlyMap<string, VerbCue> = new Map(
  Object.entries(cues.verbs as Record<string, RawVerb>).map(([lemma, raw]) => [lemma, compileVerb(raw, `verbs.${lemma}`)]),
);

/** Verb + particle cues ("point out"), keyed by lemma then particle. */
export const PARTICLE_CUES: ReadonlyMap<string, ReadonlyMap<string, VerbCue>> = (() => {
  const out = new Map<string, Map<string, VerbCue>>();
  for (const [phrase, raw] of Object.entries(cues.particleVerbs as Record<string, RawVerb>)) {
    const [verb, particle] = phrase.split(' ') as [string, string];
    const inner = out.get(verb) ?? new Map<string, VerbCue>();
    inner.set(particle, compileVerb(raw, `particleVerbs.${phrase}`));
    out.set(verb, inner);
  }
  return out;
})();

/** A multi-word phrase as its lower-cased token forms. */
export interface Phrase<T> {
  words: string[];
  value: T;
}

/** Phrases grouped by their first word, longest first, so a match is one Map lookup and a short compare. */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Phrase<T>[]>();

  constructor(entries: Iterable<[string, T]>) {
    for (const [text, value] of entries) {
      const words = tokenizePhrase(text);
      const first = words[0];
      if (!first) continue;
      const list = this.byFirst.get(first) ?? [];
      list.push({ words, value });
      list.sort((a, b) => b.words.length - a.words.length);
      this.byFirst.set(first, list);
    }
  }

  /** The words that start a phrase. */
  firstWords(): Iterable<string> {
    return this.byFirst.keys();
  }

  /** The longest phrase that starts at `at` in `forms`, if any. */
  matchAt(forms: readonly string[], at: number, limit = forms.length): Phrase<T> | undefined {
    const list = this.byFirst.get(forms[at] ?? '');
    if (!list) return undefined;
    for (const p of list) {
      if (at + p.words.length > limit) continue;
      let ok = true;
      for (let k = 1; k < p.words.length && ok; k++) ok = forms[at + k] === p.words[k];
      if (ok) return p;
    }
    return undefined;
  }
}

/** Splits a lexicon phrase the way wink-nlp splits text ("doesn't" → "does", "n't"; "'s" stays a token). */
export function tokenizePhrase(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/n't\b/g, " n't")
    .replace(/'s\b/g, " 's")
    .split(/\s+/)
    .filter(Boolean);
}

export const ACCORDING = new PhraseIndex<true>((cues.according as string[]).map((p) => [p, true]));

export const FRAME_PHRASES = new PhraseIndex<Stance>(
  Object.entries(cues.framePhrases as Record<string, string>).map(([p, s]) => [p, toStance(s, `framePhrases.${p}`)]),
);

/** The first words of the "according to" and the frame phrases: most tokens start neither. */
export const PHRASE_FIRST_WORDS: ReadonlySet<string> = new Set([...ACCORDING.firstWords(), ...FRAME_PHRASES.firstWords()]);

export const CONTENT_MODIFIERS = new PhraseIndex<Stance>(
  Object.entries(cues.contentModifiers as Record<string, string[]>).flatMap(([s, list]) => list.map((p): [string, Stance] => [p, toStance(s, 'contentModifiers')])),
);

export const POSSESSIVE_NOUNS: ReadonlySet<string> = new Set(cues.possessiveNouns);
export const POINTER_NOUNS: ReadonlySet<string> = new Set(cues.pointerNouns);
export const UNNAMED_HEADS: ReadonlySet<string> = new Set(cues.unnamedHeads);
export const MEDIA_WORDS: ReadonlySet<string> = new Set(cues.mediaWords);
export const AGENCY_WORDS: ReadonlySet<string> = new Set(cues.agencyWords);
export const ORGANIZATION_WORDS: ReadonlySet<string> = new Set(cues.organizationWords);
export const PERSON_TITLES: ReadonlySet<string> = new Set(cues.personTitles);
export const TIME_WORDS: ReadonlySet<string> = new Set(cues.timeWords);
/** Prepositions that open a closing time phrase ("in 1999", "on Tuesday"), and a year as its object. */
export const TIME_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'on', 'since', 'during', 'until']);
export const YEAR = /^\d{4}$/;
