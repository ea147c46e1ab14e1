/**
 * claimgraph claims: frames from the attribution model. The model tags sources, cues and contents; here they
 * are tied into frames: each content to the nearest cue of its sentence (or, for a quotation that goes on, of
 * the sentence before), each cue to the nearest source of its sentence. Stance, belief and reporting come
 * from the cue, through the cue lexicon; a cue the lexicon does not know is a belief ("X hopes P").
 */
import type { Span, Stance, Token } from '../types';
import type { ClaimContext } from './context';
import type { Frame } from './frames';
import { ACCORDING, FRAME_PHRASES, PARTICLE_CUES, TIME_WORDS, VERB_CUES } from './lexicon';
import type { TaggedSpan } from './model';
import { pointerNounAt } from './rejections';
import { TIME_LEADS, withoutClosingTime } from './closing-time';
import { hasVerb, relativeAntecedent } from './phrases';

/** how many units back a quotation's continuation looks for its cue */
const CONTINUATION_REACH = 2;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

interface CueReading {
  stance: Stance;
  belief: boolean;
  report: boolean;
}

/** What a cue says: the first of its words the lexicon knows decides ("did not deny" stays denied). */
export function readCue(ctx: ClaimContext, cue: { first: number; end: number }): CueReading {
  const { tokens, forms } = ctx;
  for (let k = cue.first; k < cue.end; k++) {
    if (ACCORDING.matchAt(forms, k, cue.end + 1)) return { stance: 'stated', belief: false, report: true };
    const phrase = FRAME_PHRASES.matchAt(forms, k, cue.end);
    if (phrase) return { stance: phrase.value, belief: false, report: false };
    const t = tokens[k]!;
    const verb = PARTICLE_CUES.get(t.lemma)?.get(forms[k + 1] ?? '') ?? VERB_CUES.get(t.lemma) ?? VERB_CUES.get(forms[k]!);
    if (verb) return { stance: verb.stance, belief: verb.belief, report: verb.report };
  }
  return { stance: 'stated', belief: !isPunctuation(tokens, cue), report: false };
}

/** A colon or a dash as the cue: a speaker's turn or a quote's signature, speech either way. */
function isPunctuation(tokens: readonly Token[], cue: { first: number; end: number }): boolean {
  for (let k = cue.first; k < cue.end; k++) if (tokens[k]!.pos !== 'PUNCT') return false;
  return true;
}

/**
 * A proposition has a verb. A short unquoted phrase without one ("wanted answers", "is doing something") is
 * what a cue is about rather than what it says; dropping those of up to this many tokens measured best on the
 * held-out tenth of the training corpus (longer ones are mostly real, "the allegations against the mayor").
 */
const LONGEST_BARE_OBJECT = 2;

const SUBORDINATORS: ReadonlySet<string> = new Set(['as', 'after', 'before', 'when', 'while', 'because', 'since', 'until', 'once', 'although', 'though']);
const RELATIVES: ReadonlySet<string> = new Set(['that', 'which', 'who', 'whom', 'whose']);

/**
 * What a span is when no proposition: an adverbial clause ("said Friday as she left"), or a phrase whose only
 * verbs are inside an infinitive or a relative clause ("plans to visit in May", "announced a new plan to
 * expand"). Saying takes a proposition; denying and confirming may take such an object ("denied the
 * allegations"), so the caller asks only of stated frames. A bare noun phrase, with no verb at all, is kept:
 * it is what the speaker spoke of ("criticized the trade agreement"), and PolNeAR annotates it as the content;
 * not so the object of plain saying, which is the words themselves ("said a few words").
 * On the held-out tenth of the training corpus keeping bare noun phrases raised content F1 from 0.606 to 0.627
 * (seed and dev claims unchanged, the news set 0.843 to 0.836); keeping the infinitives and relative clauses
 * as well measured 0.641 there but cost the agency and news sets, whose claims are propositions (seed 0.94,
 * news 0.82): an intention ("plans to visit") is often another's, or no claim at all.
 */
function isNoProposition(ctx: ClaimContext, s: TaggedSpan, objectInfinitive = false, plainSaying = false): boolean {
  const { tokens, forms } = ctx;
  if (SUBORDINATORS.has(forms[s.first]!)) return true;
  // "expects the council to act", "urged Acme to recall it": an object and its infinitive are a proposition
  if (objectInfinitive && forms.slice(s.first + 1, s.end).includes('to')) return false;
  for (let k = s.first; k < s.end; k++) {
    const pos = tokens[k]!.pos;
    if (pos !== 'VERB' && pos !== 'AUX') continue;
    const before = k > s.first ? forms[k - 1]! : '';
    // a "verb" right after a preposition is a noun the tagger misread ("one of hope")
    if (k > s.first && tokens[k - 1]!.pos === 'ADP' && before !== 'to') continue;
    return before === 'to' || (RELATIVES.has(before) && k - 1 > s.first);
  }
  // "said a few words", "told the story": the object of plain saying is the words, not what they are about;
  // "to clarify it a bit": "it" is the object of the act, and points at no proposition of its own
  return plainSaying || forms[s.first] === 'it';
}

/** Verbs whose object is the words said, not a topic ("said a few words", "told a story", "wrote a letter"). */
const PLAIN_SAYING_VERBS: ReadonlySet<string> = new Set(['say', 'tell', 'add', 'speak', 'talk', 'state', 'write', 'reply', 'answer', 'repeat', 'ask']);

/** Whether a word of the cue has one of these lemmas. */
function cueHasLemma(ctx: ClaimContext, cue: TaggedSpan, lemmas: ReadonlySet<string>): boolean {
  for (let k = cue.first; k < cue.end; k++) if (lemmas.has(ctx.tokens[k]!.lemma)) return true;
  return false;
}

/** Verbs whose object and infinitive state what is wanted or expected ("urged Acme to recall it"). */
const OBJECT_INFINITIVE_VERBS: ReadonlySet<string> = new Set(['expect', 'want', 'urge', 'ask', 'need', 'allow', 'encourage', 'force', 'persuade', 'tell', 'warn', 'call', 'order', 'advise', 'invite', 'push', 'press', 'challenge', 'require', 'prefer', 'like', 'believe']);

/**
 * Speech acts of commitment, whose infinitive is what the speaker committed to ("vowed to rebuild the pier",
 * "refused to resign"): a claim, where an intention's infinitive ("plans to visit") is not. On the held-out tenth
 * of the training corpus content F1 0.663 to 0.666 (PolNeAR dev 0.706 to 0.712), the agency and news sets
 * unchanged; adding the verbs of intention (plan, want, hope, intend, try) cost the seed text a claim and an entity.
 */
const COMMITMENT_VERBS: ReadonlySet<string> = new Set(['vow', 'promise', 'pledge', 'threaten', 'agree', 'refuse', 'offer', 'decline', 'demand', 'propose']);

/** A cue of commitment with its infinitive: "vowed to" + "rebuild the pier", or "vowed" + "to rebuild the pier". */
function isCommitment(ctx: ClaimContext, cue: TaggedSpan, content: TaggedSpan): boolean {
  const { forms } = ctx;
  return cueHasLemma(ctx, cue, COMMITMENT_VERBS) && (forms[content.first] === 'to' || forms[cue.end - 1] === 'to' || forms[cue.end] === 'to');
}

/** Verbs whose object and its complement say that the one is the other ("called the deal a disaster"). */
const SMALL_CLAUSE_VERBS: ReadonlySet<string> = new Set(['call', 'dub', 'deem', 'brand', 'label', 'term']);

/**
 * A one-word cue of such a verb ("called for an inquiry" has no complement), or of one that takes an "as"
 * phrase, with that phrase ("described the plan as reckless").
 */
function isSmallClause(ctx: ClaimContext, cue: TaggedSpan, content: TaggedSpan): boolean {
  if (cue.end - cue.first !== 1 || content.end - content.first < 3) return false;
  return SMALL_CLAUSE_VERBS.has(ctx.tokens[cue.first]!.lemma) || (takesAsPhrase(ctx, cue) && hasAsPhrase(ctx, content));
}

/** Whether a word of the cue is a verb whose proposition is an object with its "as" phrase (the lexicon's `as`). */
function takesAsPhrase(ctx: ClaimContext, cue: TaggedSpan): boolean {
  for (let k = cue.first; k < cue.end; k++) if (VERB_CUES.get(ctx.tokens[k]!.lemma)?.as) return true;
  return false;
}

/** "the plan as reckless": an "as" inside the span, with words on either side. */
function hasAsPhrase(ctx: ClaimContext, content: TaggedSpan): boolean {
  return ctx.forms.slice(content.first + 1, content.end - 1).includes('as');
}

/**
 * "The valley is known for its orchards", "a group known as the Friends": what is known is said by no one, and
 * names or common knowledge are no claim. The model learned "known" as a cue from PolNeAR, which annotates it
 * (about a third of its uses), but it made claims of nouns ("valley", "group") as their speakers. Dropping these
 * frames raised the news set's claims F1 0.835 to 0.848 and entities 0.870 to 0.879 (the "speakers" are gone),
 * for 0.001 of PolNeAR content on the held-out tenth.
 */
function isKnownCue(ctx: ClaimContext, cue: TaggedSpan): boolean {
  let known = false;
  for (let k = cue.first; k < cue.end; k++) {
    const t = ctx.tokens[k]!;
    if (ctx.forms[k] === 'known') known = true;
    // "is also known", "known as", "best known for", "known to be"
    else if (t.pos !== 'AUX' && t.pos !== 'ADV' && t.pos !== 'PART' && !(known && t.pos === 'ADP')) return false;
  }
  return known;
}

/**
 * "has identified the cause", "described the plan": verbs whose proposition is an object with its "as" phrase
 * ("identified the cause as a faulty valve") report nothing without one, as the rules read them.
 */
function lacksItsAsPhrase(ctx: ClaimContext, cue: TaggedSpan, content: TaggedSpan): boolean {
  return takesAsPhrase(ctx, cue) && !hasAsPhrase(ctx, content);
}

/** A source of quotation marks, dashes or a number alone ("two") names nobody ("many", "others" do). */
function namesSomeone(ctx: ClaimContext, s: TaggedSpan): boolean {
  for (let k = s.first; k < s.end; k++) {
    const t = ctx.tokens[k]!;
    if (t.pos !== 'NUM' && LETTER_OR_DIGIT.test(t.text)) return true;
  }
  return false;
}

/**
 * The speaker within a source span. The model's sources carry what a rule would peel off: an apposition
 * ("X, a spokeswoman for Y"), a time phrase ("X on Tuesday", "X this week") and a leading adverb ("nearly
 * eight of 10 voters"). The speaker is the first comma-separated part that holds a name (else the first part),
 * without those.
 */
export function speakerOfSource(ctx: ClaimContext, source: { first: number; end: number }): { first: number; end: number } | undefined {
  const { tokens, forms } = ctx;
  const parts: { first: number; end: number }[] = [];
  let from = source.first;
  for (let k = source.first; k <= source.end; k++) {
    if (k === source.end || forms[k] === ',' || forms[k] === '(' || tokens[k]!.pos === 'PUNCT' && /^[—–-]$/.test(forms[k]!)) {
      if (k > from) parts.push({ first: from, end: k });
      from = k + 1;
    }
  }
  const named = parts.find((p) => hasProperNoun(tokens, p)) ?? parts[0];
  if (!named) return undefined;
  let { first, end } = named;
  while (first < end - 1 && tokens[first]!.pos === 'ADV') first++;
  // a time phrase at the end: "on Tuesday", "this week", "Friday"
  for (let k = first + 1; k < end; k++) {
    if (!TIME_WORDS.has(forms[k]!)) continue;
    let cut = k;
    while (cut > first + 1 && TIME_LEADS.test(forms[cut - 1]!)) cut--;
    end = cut;
    break;
  }
  return end > first ? { first, end } : undefined;
}

const SOURCE_RELATIVES: ReadonlySet<string> = new Set(['who', 'which', 'that']);

/**
 * "Jo Park, who said P", "a council that warned P": a relative pronoun the model took for the source stands for
 * the phrase before it, which speaks; the pronoun is one more mention of that speaker.
 */
function antecedentOf(ctx: ClaimContext, source: TaggedSpan): { speaker: { first: number; end: number }; relative: Span } | undefined {
  const k = source.first;
  if (source.end - k !== 1 || !SOURCE_RELATIVES.has(ctx.forms[k]!)) return undefined;
  const speaker = relativeAntecedent(ctx.tokens, k, ctx.units[ctx.unitOf[k]!]!.firstToken);
  return speaker && { speaker, relative: spanOf(ctx, source) };
}

function hasProperNoun(tokens: readonly Token[], r: { first: number; end: number }): boolean {
  for (let k = r.first; k < r.end; k++) if (tokens[k]!.pos === 'PROPN') return true;
  return false;
}

function spanOf(ctx: ClaimContext, s: { first: number; end: number }): Span {
  return { start: ctx.tokens[s.first]!.start, end: ctx.tokens[s.end - 1]!.end };
}

function distance(a: TaggedSpan, b: TaggedSpan): number {
  return a.end <= b.first ? b.first - a.end : a.first >= b.end ? a.first - b.end : 0;
}

function nearest(from: TaggedSpan, candidates: readonly TaggedSpan[]): TaggedSpan | undefined {
  let best: TaggedSpan | undefined;
  for (const c of candidates) if (!best || distance(from, c) < distance(from, best)) best = c;
  return best;
}

/** The parts of one content as one span over them all, with the least confidence of its parts. */
function joined(parts: readonly TaggedSpan[]): TaggedSpan {
  const first = parts.reduce((a, b) => (b.first < a.first ? b : a));
  return {
    ...first,
    end: Math.max(...parts.map((p) => p.end)),
    confidence: Math.min(...parts.map((p) => p.confidence)),
    quoted: parts.every((p) => p.quoted),
  };
}

export interface ModelFrame extends Frame {
  /** the model's confidence in the cue and the content, the lower of the two */
  confidence: number;
  quoted: boolean;
}

/** Frames of a document from the model's spans; contents with no cue within reach are dropped. */
export function modelFrames(ctx: ClaimContext, spans: readonly TaggedSpan[]): ModelFrame[] {
  const unitOf = (s: TaggedSpan) => ctx.unitOf[s.first]!;
  const byUnit = new Map<number, { cues: TaggedSpan[]; sources: TaggedSpan[] }>();
  const slot = (u: number) => {
    let v = byUnit.get(u);
    if (!v) byUnit.set(u, (v = { cues: [], sources: [] }));
    return v;
  };
  for (const s of spans) {
    if (s.role === 'cue') slot(unitOf(s)).cues.push(s);
    else if (s.role === 'source' && namesSomeone(ctx, s)) slot(unitOf(s)).sources.push(s);
  }
  // each content to its cue; a cue's contents (the parts of a split quotation) become one
  const contentsOf = new Map<TaggedSpan, { unit: number; parts: TaggedSpan[] }>();
  for (const content of spans) {
    if (content.role !== 'content') continue;
    const u = unitOf(content);
    let cue = nearest(content, byUnit.get(u)?.cues ?? []);
    let cueUnit = u;
    for (let back = 1; !cue && back <= CONTINUATION_REACH && content.quoted; back++) {
      cue = nearest(content, byUnit.get(u - back)?.cues ?? []);
      cueUnit = u - back;
    }
    if (!cue) continue;
    const entry = contentsOf.get(cue);
    if (entry) entry.parts.push(content);
    else contentsOf.set(cue, { unit: cueUnit, parts: [content] });
  }
  const out: ModelFrame[] = [];
  for (const [cue, { unit: cueUnit, parts }] of contentsOf) {
    // a pointer ("rejected that account") is short, and names a claim: claims/rejections.ts reads it
    if (!parts.some((p) => p.quoted || hasVerb(ctx.tokens, p) || p.end - p.first > LONGEST_BARE_OBJECT || pointerNounAt(ctx, p.first, p.end) !== undefined)) continue;
    if (isKnownCue(ctx, cue)) continue;
    const source = nearest(cue, byUnit.get(cueUnit)?.sources ?? []);
    const whole = joined(parts);
    const content = whole.quoted ? whole : withoutClosingTime(ctx, whole);
    // "called the deal on Tuesday" is, without its date, an object too short to be what was said
    if (content !== whole && content.end - content.first <= LONGEST_BARE_OBJECT && pointerNounAt(ctx, content.first, content.end) === undefined) continue;
    const smallClause = isSmallClause(ctx, cue, content);
    const reading = readCue(ctx, cue);
    if (reading.stance === 'stated' && !content.quoted && lacksItsAsPhrase(ctx, cue, content)) continue;
    if (reading.stance === 'stated' && !content.quoted && !smallClause && !isCommitment(ctx, cue, content) && isNoProposition(ctx, content, cueHasLemma(ctx, cue, OBJECT_INFINITIVE_VERBS), cueHasLemma(ctx, cue, PLAIN_SAYING_VERBS))) continue;
    const cueSpan = spanOf(ctx, cue);
    const contentSpan = spanOf(ctx, content);
    const antecedent = source && antecedentOf(ctx, source);
    const speaker = antecedent ? antecedent.speaker : source ? speakerOfSource(ctx, source) : undefined;
    const frame = source && source.end <= cue.first && cue.first - source.end <= 1 ? { start: ctx.tokens[source.first]!.start, end: cueSpan.end } : cueSpan;
    out.push({
      kind: 'learned',
      cue: cueSpan,
      ...reading,
      speaker,
      content: contentSpan,
      frame,
      unit: cueUnit,
      contentBefore: contentSpan.end <= cueSpan.start,
      confidence: Math.min(cue.confidence, content.confidence),
      quoted: content.quoted,
      ...(antecedent && { relative: antecedent.relative }),
    });
  }
  out.sort((a, b) => a.content.start - b.content.start);
  return out;
}
