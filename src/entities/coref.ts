/**
 * claimgraph entities: links what refers back to a named entity: definite descriptions ("the space agency",
 * "the station", "That spokesperson", "the crew"), bare titles ("the Administrator") and speaking pronouns.
 */
import type { AnalyzedDocument, EntityKind } from '../types';
import { lexicon, WORD } from './lexicon';
import type { TokenFeatures } from './features';
import type { TitleRef } from './refine';
import { tokenMention, type Draft } from './draft';

const DETERMINERS = new Set(['the', 'this', 'that']);
const PERSON_PRONOUNS = new Set(['he', 'she']);
const THING_PRONOUNS = new Set(['it']);
/** how many sentences back a description or pronoun may reach */
const DESCRIPTION_REACH = 5;
const PRONOUN_REACH = 2;
/** description heads general enough to stand for any entity of their kind ("the agency", "the company") */
const GENERIC_HEADS = new Set(['agency', 'company', 'firm', 'group', 'organization', 'organisation', 'newspaper', 'paper', 'outlet', 'network', 'broadcaster', 'publication', 'spacecraft', 'vehicle', 'craft', 'capsule', 'ship', 'station', 'complex', 'outpost', 'laboratory', 'orbiting laboratory', 'startup', 'manufacturer', 'automaker', 'carrier', 'airline', 'regulator', 'bank', 'charity', 'nonprofit']);

interface Seen {
  count: number;
  sentence: number;
  position: number;
}

/** Sentence index of a character offset (binary search over the sentences). */
function sentenceOf(analyzed: AnalyzedDocument, offset: number): number {
  const s = analyzed.sentences;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The best draft met so far that `fits`; `named` drafts (whose name or cues hold the head word) may lie beyond the reach. */
type Pick = (fits: (d: Draft) => boolean, sentence: number, reach: number, score: (d: Draft, s: Seen) => number, named?: (d: Draft) => boolean) => number | undefined;

const byPosition = (_d: Draft, s: Seen): number => s.position;
const byCount = (_d: Draft, s: Seen): number => s.count;

/** A person who bore the title ("the Administrator", "the General Director"). */
function titledPerson(pick: Pick, title: string, sentence: number, reach: number): number | undefined {
  return pick((d) => d.kind === 'person' && d.titles.has(title), sentence, reach, byPosition);
}

/** What a pronoun that speaks stands for: a person for "he" and "she", an institution for "it". */
function speakingAntecedent(pick: Pick, people: boolean, sentence: number): number | undefined {
  return pick((d) => (people ? d.kind === 'person' && !d.group : d.kind === 'agency' || d.kind === 'organization' || d.kind === 'media'), sentence, PRONOUN_REACH, byPosition);
}

/** What a definite description with head `word` refers to ("the (space) agency", "That spokesperson", "the crew"). */
function describedDraft(pick: Pick, word: string, sentence: number): number | undefined {
  const lex = lexicon();
  const kind: EntityKind | undefined = lex.descriptions.get(word);
  if (lex.unnamedRoles.has(word) && !word.endsWith('s')) return pick((d) => d.role === word, sentence, Infinity, byPosition);
  if (lex.groupHeads.has(word)) return pick((d) => !!d.group, sentence, Infinity, byPosition);
  if (kind === 'place') return pick((d) => d.kind === 'place' && lex.countries.has(d.label.toLowerCase()), sentence, DESCRIPTION_REACH, byPosition);
  if (kind && GENERIC_HEADS.has(word)) return pick((d) => d.kind === kind && !d.local, sentence, DESCRIPTION_REACH, (d, s) => (d.heads.has(word) ? 1000 : 0) + s.count, (d) => d.heads.has(word));
  // a specific head ("the ministry", "the department") refers only to a name that holds it
  if (kind) return pick((d) => d.kind === kind && !d.local && d.heads.has(word), sentence, Infinity, byCount);
  if (lex.titles.has(word)) return titledPerson(pick, word, sentence, DESCRIPTION_REACH);
  return undefined;
}

/**
 * Adds description, title and pronoun mentions to the drafts, in one pass over the tokens. The candidates are
 * built in helpers, never in the loop: a closure there would cost an allocation for every token.
 */
export function resolveReferences(analyzed: AnalyzedDocument, features: TokenFeatures, drafts: Draft[], titleRefs: TitleRef[], covered: Uint8Array): void {
  const lex = lexicon();
  const { tokens } = analyzed;
  const order = drafts.flatMap((d, di) => d.mentions.map((m) => ({ start: m.start, di }))).sort((a, b) => a.start - b.start || a.di - b.di);
  // the drafts met so far, in the order first met (ties go to the first)
  const seen: (Seen | undefined)[] = [];
  const seenOrder: number[] = [];
  const refsAt = new Map(titleRefs.map((r) => [r.start, r]));
  let p = 0;

  const note = (di: number, start: number) => {
    let s = seen[di];
    if (!s) {
      s = { count: 0, sentence: 0, position: 0 };
      seen[di] = s;
      seenOrder.push(di);
    }
    s.count++;
    s.sentence = sentenceOf(analyzed, start);
    s.position = start;
  };
  const pick: Pick = (fits, sentence, reach, score, named) => {
    let best: number | undefined;
    let bestScore = -Infinity;
    let bestPos = -1;
    for (const di of seenOrder) {
      const s = seen[di]!;
      const d = drafts[di]!;
      if (!fits(d) || (s.sentence < sentence - reach && !named?.(d))) continue;
      const sc = score(d, s);
      if (sc > bestScore || (sc === bestScore && s.position > bestPos)) {
        best = di;
        bestScore = sc;
        bestPos = s.position;
      }
    }
    return best;
  };
  const add = (di: number | undefined, start: number, end: number) => {
    if (di === undefined) return;
    const m = tokenMention(analyzed, start, end);
    drafts[di]!.mentions.push(m);
    note(di, m.start);
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (p < order.length && order[p]!.start < t.start) {
      note(order[p]!.di, order[p]!.start);
      p++;
    }
    const sentence = t.sentence;

    // "the Administrator", "the General Director": a person who bore that title
    const ref = refsAt.get(i);
    if (ref) {
      const from = tokens[i - 1] && DETERMINERS.has(tokens[i - 1]!.normal) ? i - 1 : i;
      add(titledPerson(pick, ref.title, sentence, Infinity), from, ref.end);
      continue;
    }
    if (covered[i]) continue;

    // Pronouns that speak: "he said", "it says".
    if (t.pos === 'PRON' && (PERSON_PRONOUNS.has(t.normal) || THING_PRONOUNS.has(t.normal))) {
      let speaks = false;
      for (let k = i + 1; k <= i + 3 && k < tokens.length; k++) {
        const v = tokens[k]!;
        if (lex.speechVerbs.has(v.normal) || lex.speechVerbs.has(v.lemma)) speaks = true;
        if (speaks || (v.pos !== 'AUX' && v.pos !== 'ADV' && v.pos !== 'PART')) break;
      }
      if (speaks) add(speakingAntecedent(pick, PERSON_PRONOUNS.has(t.normal), sentence), i, i + 1);
      continue;
    }

    // Definite descriptions: "the (space) agency", "That spokesperson", "the crew".
    if (!(features.cls[i]! & WORD.determiner)) continue;
    let j = i + 1;
    while (j < i + 4 && tokens[j] && tokens[j + 1] && tokens[j]!.text === tokens[j]!.normal && (lex.descriptionModifiers.has(tokens[j]!.normal) || tokens[j]!.pos === 'ADJ') && !covered[j]) j++;
    const head = tokens[j];
    if (!head || covered[j] || head.text !== head.normal) continue;
    const after = tokens[j + 1];
    // "the cargo bay of a shuttle" is a part of something else, not the last module named
    if (after && (after.pos === 'NOUN' || after.pos === 'PROPN' || after.normal === 'of')) continue;
    const di = describedDraft(pick, head.normal, sentence);
    if (di !== undefined) {
      add(di, i, j + 1);
      i = j;
    }
  }
}
