/**
 * claimgraph claims: reporting frames within sentences. Finds each cue ("said", "according to", "denied",
 * "X's assessment is that", a transcript's "NAME:", a quote signed "― NAME") with its speaker phrase and the
 * character span of the proposition it frames, content after ("X said that P") or before ("P, X said").
 */
import type { Span, Stance, Token } from '../types';
import type { ClaimContext } from './context';
import { firstTokenFrom, isQuoteCloser, isQuoteOpener } from './context';
import { ACCORDING, AGENCY_WORDS, FRAME_PHRASES, MEDIA_WORDS, ORGANIZATION_WORDS, PARTICLE_CUES, PHRASE_FIRST_WORDS, POSSESSIVE_NOUNS, TIME_PREPOSITIONS, TIME_WORDS, UNNAMED_HEADS, VERB_CUES, YEAR, type VerbCue } from './lexicon';
import { bareNounsEndingAt, isPossessiveMark, isSubjectPronoun, phraseEndingAt, phraseStartingAt, relativeAntecedent, type TokenRange } from './phrases';
import { chainEnd, chainStart } from './quotes';
import { isLineBreak, type Unit } from './units';

export type FrameKind = 'learned' | 'verb' | 'according' | 'possessive' | 'turn' | 'signed' | 'statement' | 'continued';

export interface Frame {
  kind: FrameKind;
  cue: Span;
  stance: Stance;
  belief: boolean;
  /** a cue of an outlet's reporting ("reported", "according to") */
  report: boolean;
  /** the speaker's words; absent for a participial cue (", adding that ...") until it inherits one */
  speaker?: TokenRange;
  /** the proposition, before trimming; may run over several units (a quotation of several sentences) */
  content: Span;
  /** the frame's own words (speaker and cue) */
  frame: Span;
  unit: number;
  contentBefore: boolean;
  /** a frame whose speakers this one takes (a quotation that goes on in the next sentence) */
  inheritFrom?: Frame;
  /** a relative pronoun that stands for the speaker ("X, who said"): one more mention of the speaker */
  relative?: Span;
}

const NEGATIONS = new Set(['not', "n't", 'never']);
const REFUSALS = new Set(['decline', 'refuse', 'fail', 'deny']);
const SUBORDINATORS = new Set(['when', 'after', 'as', 'because', 'since', 'although', 'while', 'if', 'before', 'though', 'until', 'once', 'unless', 'whereas']);
const RELATIVES = new Set(['who', 'which']);
const DASHES = new Set(['\u2015', '\u2014', '\u2013', '-', '--']);
const CLAUSE_STARTS = new Set(['DET', 'PRON', 'PROPN', 'NOUN', 'NUM', 'ADJ']);
/** a hearer after "told" / "warned": a pronoun, a name, or a noun phrase ("a group of local reporters") */
const HEARER_STARTS = new Set(['PRON', 'PROPN', 'NOUN', 'DET', 'ADJ']);
const APPOSITION_STARTS = new Set(['DET', 'PROPN', 'NOUN', 'NUM', 'ADJ', 'PRON']);
/** nouns of a decision or an intention, which an infinitive makes a proposition ("the decision to close it") */
const INTENTION_NOUNS: ReadonlySet<string> = new Set(['decision', 'plan', 'intention', 'intent', 'proposal', 'commitment', 'pledge', 'promise', 'refusal', 'agreement', 'offer', 'bid', 'move', 'readiness', 'willingness']);
const ING_ENDING = /ing$/i;
const PARTICIPLE_ENDING = /(?:ing|ed)$/i;
const UPPER_START = /^\p{Lu}/u;
/** the heads of phrases that name a source */
const SOURCE_WORDS: ReadonlySet<string> = new Set([...UNNAMED_HEADS, ...MEDIA_WORDS, ...AGENCY_WORDS, ...ORGANIZATION_WORDS]);

function spanOf(tokens: readonly Token[], first: number, end: number): Span {
  return { start: tokens[first]!.start, end: tokens[end - 1]!.end };
}

/** A finite verb in [first, end): an AUX, or a VERB neither led by an infinitive "to" nor a bare participle in -ing. */
function hasFiniteVerb(tokens: readonly Token[], first: number, end: number): boolean {
  for (let k = first; k < end; k++) {
    const t = tokens[k]!;
    if (t.pos === 'AUX') return true;
    if (t.pos !== 'VERB') continue;
    const prev = k > first ? tokens[k - 1]! : undefined;
    if (prev?.normal === 'to') continue;
    if (ING_ENDING.test(t.text) && prev?.pos !== 'AUX') continue;
    return true;
  }
  return false;
}

/** A participle that opens an apposition ("X, speaking to reporters, said", "X, asked about the plan, said"). */
function isParticiple(t: Token): boolean {
  return t.pos === 'VERB' && PARTICIPLE_ENDING.test(t.text);
}

/** Whether a phrase after this token opens a clause: after a quotation, a conjunction, a dash; not after a comma. */
function opensClauseAfter(lead: Token | undefined): boolean {
  if (!lead) return true;
  if (lead.pos === 'PUNCT') return lead.normal !== ',';
  return lead.pos === 'CCONJ' || lead.pos === 'SCONJ' || lead.pos === 'ADV';
}

function onlyPunctuationBetween(tokens: readonly Token[], first: number, offset: number): boolean {
  for (let k = first; k < tokens.length && tokens[k]!.start < offset; k++) if (tokens[k]!.pos !== 'PUNCT') return false;
  return true;
}

/** The span of quotation chain that holds region `r`, from its first opening mark to its last closing mark. */
function chainSpan(ctx: ClaimContext, r: number): Span {
  const a = ctx.quotes[chainStart(ctx.quotes, r)]!;
  const b = ctx.quotes[chainEnd(ctx.quotes, r)]!;
  return { start: a.start, end: b.end };
}

export class FrameFinder {
  private readonly frames: Frame[] = [];

  constructor(private readonly ctx: ClaimContext) {}

  find(): Frame[] {
    for (const unit of this.ctx.units) this.scanUnit(unit);
    this.findSignedQuotes();
    return this.frames.sort((a, b) => a.cue.start - b.cue.start || a.cue.end - b.cue.end);
  }

  private scanUnit(unit: Unit): void {
    const { tokens, forms } = this.ctx;
    if (this.transcriptTurn(unit)) return;
    for (let i = unit.firstToken; i < unit.endToken; i++) {
      // one lookup rules out most tokens before either phrase index is asked
      const phraseStart = PHRASE_FIRST_WORDS.has(forms[i]!);
      const according = phraseStart ? ACCORDING.matchAt(forms, i, unit.endToken) : undefined;
      if (according) {
        this.according(unit, i, i + according.words.length);
        continue;
      }
      const phrase = phraseStart ? FRAME_PHRASES.matchAt(forms, i, unit.endToken) : undefined;
      if (phrase) {
        const cue: VerbCue = { stance: phrase.value, clause: true, object: false, belief: false, report: false, np: phrase.value !== 'stated', as: false };
        this.verb(unit, i, i + phrase.words.length, cue);
        i += phrase.words.length - 1;
        continue;
      }
      const t = tokens[i]!;
      // the plain comparison first: it rules out nearly every token without a lookup
      if (isPossessiveMark(t)) {
        // "X's (initial) assessment is that P": up to two adjectives before the noun
        let noun = i + 1;
        while (noun < i + 3 && tokens[noun]?.pos === 'ADJ') noun++;
        if (forms[noun + 2] === 'that' && POSSESSIVE_NOUNS.has(forms[noun] ?? '') && tokens[noun + 1]?.lemma === 'be') {
          this.possessive(unit, i, noun);
          continue;
        }
      }
      if (t.pos === 'NOUN') {
        const present = this.nounTaggedCue(unit, i);
        if (present) this.verb(unit, i, i + 1, present);
        continue;
      }
      if (t.pos === 'ADJ') {
        const past = this.adjectiveTaggedCue(unit, i);
        if (past) this.verb(unit, i, i + 1, past);
        continue;
      }
      if (t.pos !== 'VERB') continue;
      const particle = PARTICLE_CUES.get(t.lemma)?.get(forms[i + 1] ?? '');
      if (particle && i + 1 < unit.endToken) {
        this.verb(unit, i, i + 2, particle);
        i++;
        continue;
      }
      const cue = VERB_CUES.get(t.lemma);
      if (cue) this.verb(unit, i, i + 1, cue);
    }
  }

  /**
   * "Smith charges that P", "the report notes that P": a present-tense cue the tagger read as a plural noun, after a
   * name, a pronoun or a word for a source ("the fraud charges that he faces" is no frame).
   */
  private nounTaggedCue(unit: Unit, i: number): VerbCue | undefined {
    const { tokens, forms } = this.ctx;
    if (forms[i + 1] !== 'that' || i === unit.firstToken || !forms[i]!.endsWith('s')) return undefined;
    const cue = VERB_CUES.get(tokens[i]!.lemma);
    const prev = tokens[i - 1]!;
    return cue && (prev.pos === 'PROPN' || isSubjectPronoun(prev) || SOURCE_WORDS.has(forms[i - 1]!)) ? cue : undefined;
  }

  /**
   * "Mayor Ada Byrne informed her counterpart": a past-tense cue the tagger read as an adjective, right after a
   * name or a subject pronoun (its lemma is then the word itself, so the verb is found without its "-ed").
   */
  private adjectiveTaggedCue(unit: Unit, i: number): VerbCue | undefined {
    const { tokens, forms } = this.ctx;
    const form = forms[i]!;
    if (i === unit.firstToken || !form.endsWith('ed')) return undefined;
    const prev = tokens[i - 1]!;
    if (prev.pos !== 'PROPN' && !isSubjectPronoun(prev)) return undefined;
    return VERB_CUES.get(form.slice(0, -2)) ?? VERB_CUES.get(form.slice(0, -1));
  }

  /** "X said (that) P", "P, X said", "“P,” said X", "X, a spokesman, said P", "..., adding that P". */
  private verb(unit: Unit, c0: number, c1: number, cue: VerbCue): void {
    const { tokens, forms } = this.ctx;
    const lo = unit.firstToken;
    const form = forms[c0]!;
    // walk left over the auxiliary chain ("has also said", "went on to say", "wants to make it clear")
    let j = c0 - 1;
    let passive = false;
    let negated = false;
    for (let steps = 0; j >= lo && steps < 7; steps++, j--) {
      const t = tokens[j]!;
      if (NEGATIONS.has(forms[j]!)) negated = true;
      else if (t.pos === 'AUX') {
        if (t.lemma === 'be' && !form.endsWith('ing')) passive = true;
      } else if (t.pos === 'ADV' || (t.pos === 'PART' && !isPossessiveMark(t)) || forms[j] === 'to' || (forms[j] === 'on' && tokens[j - 1]?.pos === 'VERB') || ((forms[j] === 'there' || forms[j] === 'here') && j > lo && tokens[j - 1]!.pos === 'NOUN')) {
        // skip
      } else if (forms[j] === ')') {
        // a parenthesis after a name: "Rep. Jane Roe (D-N.Y.) said"
        let open = j - 1;
        while (open > lo && j - open < 10 && forms[open] !== '(') open--;
        if (forms[open] !== '(') break;
        j = open;
      } else if (t.pos === 'VERB' && (forms[j + 1] === 'to' || forms[j + 1] === 'on')) {
        if (REFUSALS.has(t.lemma)) return;
      } else break;
    }
    if (negated || passive) return;
    const cueSpan = spanOf(tokens, c0, c1);
    // each frame written out whole: a spread of shared fields that adds properties is slow in V8
    const add = (speaker: TokenRange | undefined, content: Span, frame: Span, contentBefore: boolean) => {
      this.frames.push({ kind: 'verb', cue: cueSpan, stance: cue.stance, belief: cue.belief, report: cue.report, speaker, content, frame, unit: unit.index, contentBefore });
    };

    // ", adding that P": a participle takes the subject of the clause it hangs on; so does a second verb
    // ("X met the board and said that P")
    const coordinated = j >= lo && j === c0 - 1 && (forms[j] === 'and' || forms[j] === 'but') && tokens[j]!.pos === 'CCONJ';
    if (coordinated || (form.endsWith('ing') && j >= lo && (forms[j] === ',' || SUBORDINATORS.has(forms[j]!)))) {
      // "Jane Roe, a doctor, saying P, left": before the sentence's verb the participle has its own subject
      const subject = !coordinated && forms[j] === ',' && !hasFiniteVerb(tokens, lo, j) ? this.apposed(unit, j) : undefined;
      if (subject) {
        const content = this.contentAfter(unit, c1, cue);
        if (content) add(subject, this.cutAtComma(unit, content), { start: tokens[subject.first]!.start, end: cueSpan.end }, false);
        return;
      }
      const content = this.contentAfter(unit, c1, cue);
      if (content) add(undefined, content, cueSpan, false);
      return;
    }

    if (j > lo && RELATIVES.has(forms[j]!)) {
      this.relative(unit, j, cueSpan, c1, cue);
      return;
    }

    // nor is a year ("a geologist in 1999 warned"): the speaker stands before its preposition
    if (j - 1 > lo && YEAR.test(forms[j]!) && TIME_PREPOSITIONS.has(forms[j - 1]!)) j -= 2;
    let speaker: TokenRange | undefined;
    if (j >= lo && forms[j] === ',') speaker = this.apposed(unit, j);
    else if (j >= lo) speaker = phraseEndingAt(tokens, j, lo);
    // a time phrase between subject and verb ("Ruiz this week said", "Ruiz on Tuesday said") is no speaker
    if (speaker && TIME_WORDS.has(forms[speaker.end - 1]!)) speaker = this.withoutTrailingTime(speaker) ?? this.beforeTimePhrase(unit, speaker);
    // a subject opens its clause: after a verb the phrase is an object ("Ruling out a defect indicates"); after a
    // preposition only a name next to the verb speaks ("In a meeting with the board Ruiz said")
    const opener = speaker && speaker.first > lo ? tokens[speaker.first - 1]! : undefined;
    if (opener && (opener.pos === 'VERB' || opener.pos === 'AUX') && !VERB_CUES.has(opener.lemma)) speaker = this.withIngModifier(unit, speaker!);
    else if (opener && opener.pos === 'ADP' && speaker) {
      const bare = bareNounsEndingAt(tokens, speaker.end - 1, speaker.first);
      speaker = bare && tokens.slice(bare.first, bare.end).some((t) => t.pos === 'PROPN') ? bare : undefined;
    }

    if (speaker) {
      const frame: Span = { start: tokens[speaker.first]!.start, end: cueSpan.end };
      let content = this.contentAfter(unit, c1, cue);
      if (content) {
        // "When X said that P, Q": the proposition ends with the subordinate clause
        const lead = speaker.first - 1 >= lo ? forms[speaker.first - 1]! : '';
        if (SUBORDINATORS.has(lead)) content = this.cutAtComma(unit, content);
        add(speaker, content, frame, false);
        // a split quotation, “P,” X said, “Q.”: the part before the frame is X's too
        if (isQuoteCloser(this.ctx, speaker.first - 1) && this.ctx.quoteOf[firstTokenFrom(this.ctx, content.start)]! >= 0) {
          const before = this.contentBefore(unit, speaker.first);
          if (before) add(speaker, before, frame, true);
        }
        return;
      }
      const before = this.contentBefore(unit, speaker.first);
      if (before && this.onlyAdjunctsAfter(unit, c1)) add(speaker, before, frame, true);
      return;
    }
    // inverted: "“P,” said X" / "P, said X."
    if (j >= lo && j === c0 - 1 && (forms[j] === ',' || isQuoteCloser(this.ctx, j))) {
      const right = phraseStartingAt(tokens, c1, unit.endToken);
      if (!right || !this.onlyAdjunctsAfter(unit, right.end)) return;
      const before = this.contentBefore(unit, c0);
      if (before) add(right, before, { start: cueSpan.start, end: tokens[right.end - 1]!.end }, true);
    }
  }

  /** "X, who said P, left" / "an architect who said P": the relative pronoun's antecedent speaks. */
  private relative(unit: Unit, rel: number, cue: Span, c1: number, verbCue: VerbCue): void {
    const { tokens, forms } = this.ctx;
    const nonRestrictive = forms[rel - 1] === ',';
    const speaker = relativeAntecedent(tokens, rel, unit.firstToken);
    // the sentence goes on after the relative clause: a bare clause needs its verb before any comma, and a plain
    // object reads as a proposition only after a cue of denial or doubt ("which denied any role")
    const after = speaker && this.contentAfter(unit, c1, { ...verbCue, clause: true, np: verbCue.np && verbCue.stance !== 'stated' });
    if (!speaker || !after) return;
    // a clause set off by commas ends at its closing comma
    const content = nonRestrictive ? this.cutAtComma(unit, after) : after;
    const relative = spanOf(tokens, rel, rel + 1);
    const frame = { start: relative.start, end: cue.end };
    this.frames.push({ kind: 'verb', cue, stance: verbCue.stance, belief: verbCue.belief, report: verbCue.report, speaker, content, frame, unit: unit.index, contentBefore: false, relative });
  }

  /** "where restructuring experts say": an -ing word that opens the clause modifies the subject after it. */
  private withIngModifier(unit: Unit, speaker: TokenRange): TokenRange | undefined {
    const { tokens } = this.ctx;
    const ing = speaker.first - 1;
    if (tokens[ing]!.pos !== 'VERB' || !ING_ENDING.test(tokens[ing]!.text)) return undefined;
    return opensClauseAfter(ing > unit.firstToken ? tokens[ing - 1] : undefined) ? { first: ing, end: speaker.end } : undefined;
  }

  /** "Jane Roe on Tuesday said": the speaker without the time phrase it ends with. */
  private withoutTrailingTime(speaker: TokenRange): TokenRange | undefined {
    const { tokens } = this.ctx;
    for (let p = speaker.first + 1; p < speaker.end; p++) {
      const named = tokens[p - 1]!.pos === 'PROPN' || tokens[p - 1]!.pos === 'NOUN';
      if (named && this.pastTimePhrase(p, speaker.end) === speaker.end) return { first: speaker.first, end: p };
    }
    return undefined;
  }

  /** "Ruiz this week said": the time phrase is the whole phrase before the verb; the speaker stands before it. */
  private beforeTimePhrase(unit: Unit, time: TokenRange): TokenRange | undefined {
    const { tokens, forms } = this.ctx;
    const lo = unit.firstToken;
    let k = time.first - 1;
    while (k >= lo && tokens[k]!.pos === 'ADV') k--;
    const speaker = k >= lo && forms[k] !== ',' ? phraseEndingAt(tokens, k, lo) : undefined;
    return speaker && TIME_WORDS.has(forms[speaker.end - 1]!) ? undefined : speaker;
  }

  /**
   * "X, a spokesman for Y, said" / "X, who leads Y, said" / "X, the attorney general of Z, one of the states, said":
   * the phrase before the appositions (or a name among them, when the phrase before is only a description).
   */
  private apposed(unit: Unit, comma: number): TokenRange | undefined {
    const { tokens, forms } = this.ctx;
    const segments: TokenRange[] = [];
    let right = comma;
    let p = comma - 1;
    for (let guard = 0; guard < 4; guard++) {
      while (p >= unit.firstToken && right - p < 30 && forms[p] !== ',' && !isQuoteCloser(this.ctx, p) && !isQuoteOpener(this.ctx, p)) p--;
      const left = p + 1;
      if (left >= right) return undefined;
      segments.unshift({ first: left, end: right });
      if (p < unit.firstToken || forms[p] !== ',') break;
      // another comma: the segment may be one more apposition, or the phrase itself
      const outer = phraseEndingAt(tokens, p - 1, unit.firstToken);
      const lead = outer ? tokens[outer.first - 1] : undefined;
      if (outer && (outer.first === unit.firstToken || opensClauseAfter(lead))) {
        segments.unshift(outer);
        break;
      }
      right = p;
      p--;
    }
    if (segments.length < 2) return undefined;
    const outer = segments[0]!;
    // each apposition must read as a phrase of its own (a description, a name, or a relative clause)
    for (const seg of segments.slice(1)) {
      if (RELATIVES.has(forms[seg.first]!) || isParticiple(tokens[seg.first]!)) continue;
      if (!APPOSITION_STARTS.has(tokens[seg.first]!.pos)) return undefined;
    }
    const check = phraseStartingAt(tokens, outer.first, outer.end);
    if (!check || check.end !== outer.end) return undefined;
    const lead = tokens[outer.first - 1];
    if (outer.first > unit.firstToken && !opensClauseAfter(lead)) return undefined;
    // "A spokesman for the agency, Jane Roe, said": prefer the name
    const first = segments[1]!;
    const outerNamed = tokens.slice(outer.first, outer.end).some((t) => t.pos === 'PROPN');
    const innerName = phraseStartingAt(tokens, first.first, first.end);
    const innerNamed = !!innerName && innerName.end === first.end && tokens[first.first]!.pos === 'PROPN';
    return innerNamed && !outerNamed ? innerName : outer;
  }

  /** After a cue: "that P", ": P", "“P”", a hearer then P ("told reporters P"), or a bare clause. */
  private contentAfter(unit: Unit, at: number, cue: VerbCue): Span | undefined {
    const { tokens, forms } = this.ctx;
    const hi = unit.endToken;
    let k = at;
    while (k < hi && forms[k] === ',') k++;
    if (k >= hi) return this.colonContent(unit, hi, true);
    if (forms[k] === ':') return this.colonContent(unit, k + 1, false);
    // "said Friday that", "said on Monday the": a time phrase is no part of the proposition
    k = this.pastTimePhrase(k, hi);
    if (k >= hi) return undefined;
    // a complementizer within a few words: "said on Monday in a statement that P"
    for (let m = k; m < hi && m - k < 14; m++) {
      const t = tokens[m]!;
      if (forms[m] === 'that' || forms[m] === 'whether' || (forms[m] === 'if' && cue.stance === 'questioned')) {
        const next = tokens[m + 1];
        // "think that and ...", "said that.": a pronoun "that", not a complementizer
        const opensClause = !!next && next.pos !== 'CCONJ' && !(next.pos === 'PUNCT' && !isQuoteOpener(this.ctx, m + 1) && forms[m + 1] !== ',');
        if (opensClause && (t.pos === 'SCONJ' || forms[m] !== 'that' || next.pos !== 'NOUN')) return this.clauseFrom(unit, m + 1, true);
        break;
      }
      if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PUNCT' || t.pos === 'SCONJ') break;
    }
    if (isQuoteOpener(this.ctx, k)) return this.quotedFrom(unit, k);
    if (cue.as) {
      const asPhrase = this.objectAsComplement(unit, k);
      if (asPhrase) return asPhrase;
    }
    if (cue.object && HEARER_STARTS.has(tokens[k]!.pos)) {
      const hearer = phraseStartingAt(tokens, k, hi) ?? (tokens[k]!.pos === 'PRON' ? { first: k, end: k + 1 } : undefined);
      if (hearer) {
        const next = this.pastTimePhrase(hearer.end, hi);
        let h = next;
        while (h < hi && forms[h] === ',') h++;
        if (h < hi && forms[h] === ':') return this.colonContent(unit, h + 1, false);
        if (isQuoteOpener(this.ctx, h)) return this.quotedFrom(unit, h);
        if (forms[h] === 'about' || forms[h] === 'of') return this.intentionAbout(unit, h + 1);
        // a bare clause follows its hearer directly: after a comma the phrase goes on ("told a story, one of ...")
        h = next;
        if (forms[h] === 'that' && tokens[h]!.pos === 'SCONJ') return this.clauseFrom(unit, h + 1, true);
        if (h < hi && (CLAUSE_STARTS.has(tokens[h]!.pos) || tokens[h]!.pos === 'ADV') && this.clauseFrom(unit, h, false, cue.clause)) k = h;
        // no hearer but the clause's subject ("warned prices would rise"), or a request ("urged Congress to act")
        else if (!(h < hi && (tokens[h]!.pos === 'VERB' || tokens[h]!.pos === 'AUX' || (forms[h] === 'to' && cue.np)))) return undefined;
      }
    }
    // a bare clause ("said the plan failed"; "said that claim was false", where "that" is a determiner)
    if (k >= hi || !(CLAUSE_STARTS.has(tokens[k]!.pos) || tokens[k]!.pos === 'ADV')) return undefined;
    const clause = this.clauseFrom(unit, k, false, cue.clause);
    if (clause || !cue.np) return clause;
    // confirming, denying or doubting takes a plain object too ("affirmed the necessity of ...", "denied the charges")
    return hi - k >= 3 ? { start: tokens[k]!.start, end: this.quoteAwareEnd(unit, k) } : undefined;
  }

  /**
   * "identified the cause of the outage as a failed transformer": the object and its "as" phrase, which say
   * that the one is the other. The object is a noun phrase, so no verb or clause punctuation before the "as".
   */
  private objectAsComplement(unit: Unit, k: number): Span | undefined {
    const { tokens, forms } = this.ctx;
    const hi = unit.endToken;
    if (!APPOSITION_STARTS.has(tokens[k]!.pos)) return undefined;
    for (let m = k + 1; m < hi && m - k < 16; m++) {
      if (forms[m] === 'as') return m + 1 < hi ? { start: tokens[k]!.start, end: this.quoteAwareEnd(unit, m + 1) } : undefined;
      const pos = tokens[m]!.pos;
      if (pos === 'VERB' || pos === 'AUX' || pos === 'SCONJ' || (pos === 'PUNCT' && forms[m] !== '-' && !isQuoteOpener(this.ctx, m) && !isQuoteCloser(this.ctx, m))) return undefined;
    }
    return undefined;
  }

  /**
   * "informed the board about the council's decision to close the bridge": a decision, plan or intention to do
   * something, told to a hearer, is a proposition (the council decided to close it); other objects of "about"
   * are only a topic ("told reporters about the weather").
   */
  private intentionAbout(unit: Unit, k: number): Span | undefined {
    const { tokens, forms } = this.ctx;
    const hi = unit.endToken;
    for (let m = k; m < hi - 2 && m - k < 10; m++) {
      if (tokens[m]!.pos === 'VERB' || tokens[m]!.pos === 'AUX' || (tokens[m]!.pos === 'PUNCT' && forms[m] !== "'")) return undefined;
      if (INTENTION_NOUNS.has(tokens[m]!.lemma) && forms[m + 1] === 'to' && tokens[m + 2]!.pos === 'VERB') return { start: tokens[k]!.start, end: this.quoteAwareEnd(unit, k) };
    }
    return undefined;
  }

  /** The first token after a time phrase that starts at k ("Friday", "on Monday", "this week,"), or k. */
  private pastTimePhrase(k: number, hi: number): number {
    const { tokens, forms } = this.ctx;
    const timeAt = (m: number) => m < hi && TIME_WORDS.has(forms[m]!) && tokens[m]!.pos !== 'VERB';
    let t0 = k;
    if (forms[t0] === 'on' || forms[t0] === 'last' || forms[t0] === 'this' || forms[t0] === 'earlier' || forms[t0] === 'late') t0++;
    if (!timeAt(t0)) return k;
    let m = t0 + 1;
    while (m < hi && (forms[m] === ',' || timeAt(m))) m++;
    return m;
  }

  /** `strict`: a verb that reports only a clause ("noted", "dismissed") needs the clause's verb before any comma. */
  private clauseFrom(unit: Unit, k: number, complementized: boolean, strict = false): Span | undefined {
    const { tokens, forms } = this.ctx;
    const hi = unit.endToken;
    if (k >= hi) return undefined;
    if (!complementized) {
      // a bare clause has its verb before any comma or relative pronoun; else it is an object ("dismissed the
      // criticism as the voice of X, which filed ...")
      let stop = k + 1;
      while (stop < hi && forms[stop] !== ',' && forms[stop] !== 'which' && forms[stop] !== 'who' && forms[stop] !== ';' && !isQuoteOpener(this.ctx, stop)) stop++;
      if (!hasFiniteVerb(tokens, k + 1, strict ? stop : hi)) return undefined;
    }
    if (complementized && !hasFiniteVerb(tokens, k, hi) && !isQuoteOpener(this.ctx, k)) return undefined;
    const end = this.quoteAwareEnd(unit, k);
    return { start: tokens[k]!.start, end };
  }

  /** Where content that starts at token k ends: the unit's end, or the end of a quotation that opens in it and runs on. */
  private quoteAwareEnd(unit: Unit, k: number): number {
    const { tokens, quoteOf, quotes } = this.ctx;
    let end = tokens[unit.endToken - 1]!.end;
    for (let m = k; m < unit.endToken; m++) {
      const r = quoteOf[m] ?? -1;
      if (r >= 0 && quotes[r]!.start >= tokens[k]!.start) {
        end = Math.max(end, chainSpan(this.ctx, r).end);
        break;
      }
    }
    return end;
  }

  private quotedFrom(unit: Unit, k: number): Span | undefined {
    if ((this.ctx.quoteOf[k] ?? -1) < 0) return undefined;
    return { start: this.ctx.tokens[k]!.start, end: this.quoteAwareEnd(unit, k) };
  }

  /** "X said: P" (rest of the sentence), or "X said:" ending a paragraph, then the quotation that follows. */
  private colonContent(unit: Unit, k: number, bare: boolean): Span | undefined {
    const { tokens, units, quoteOf } = this.ctx;
    if (k < unit.endToken) return isQuoteOpener(this.ctx, k) ? this.quotedFrom(unit, k) : this.clauseFrom(unit, k, true);
    // the frame ends its unit: only a colon hands the proposition to what follows
    const last = tokens[unit.endToken - 1]!;
    if (bare && last.text !== ':') return undefined;
    const next = units[unit.index + 1];
    if (!next) return undefined;
    const first = next.firstToken;
    const r = quoteOf[first] ?? -1;
    if (r >= 0 && isQuoteOpener(this.ctx, first)) return { start: tokens[first]!.start, end: Math.max(chainSpan(this.ctx, r).end, next.end) };
    return hasFiniteVerb(tokens, first, next.endToken) ? { start: next.start, end: next.end } : undefined;
  }

  /**
   * "P, X said" / "“P,” X said": from the clause's start (or the quotation's opening) up to the frame.
   * `needsVerb`: the text before must read as a clause (an "according to" frame takes any proposition).
   */
  private contentBefore(unit: Unit, frameFirst: number, needsVerb = true): Span | undefined {
    const { tokens, forms, quoteOf } = this.ctx;
    let k = frameFirst - 1;
    if (k < unit.firstToken) {
      // a frame that opens its unit right after a closing quotation mark: "“P.” X said."
      const prev = tokens[frameFirst - 1];
      if (!prev || !isQuoteCloser(this.ctx, frameFirst - 1)) return undefined;
      k = frameFirst - 1;
    }
    let sawQuote = false;
    let sawMark = false;
    while (k >= 0 && (forms[k] === ',' || DASHES.has(forms[k]!) || isQuoteCloser(this.ctx, k))) {
      if (isQuoteCloser(this.ctx, k)) sawQuote = true;
      sawMark = true;
      k--;
    }
    if (!sawMark || k < 0) return undefined;
    if (sawQuote) {
      const r = quoteOf[k] ?? -1;
      // the quotation is the proposition when it opens the clause, not when it ends a longer one
      const opensClause = r >= 0 && (this.ctx.quotes[r]!.start <= tokens[unit.firstToken]!.start || onlyPunctuationBetween(tokens, unit.firstToken, this.ctx.quotes[r]!.start));
      if (r >= 0 && opensClause) {
        const span = chainSpan(this.ctx, r);
        return { start: span.start, end: tokens[k]!.end };
      }
    }
    if (k < unit.firstToken) return undefined;
    const startToken = tokens[unit.firstToken]!;
    // a quotation that began in an earlier sentence and closes here
    const r = quoteOf[unit.firstToken] ?? -1;
    const start = r >= 0 && sawQuote ? chainSpan(this.ctx, r).start : startToken.start;
    if (startToken.pos === 'SCONJ' || startToken.pos === 'ADP') return undefined;
    if (needsVerb ? !hasFiniteVerb(tokens, unit.firstToken, k + 1) : k + 1 - unit.firstToken < 3) return undefined;
    return { start, end: tokens[k]!.end };
  }

  /** Nothing but adjuncts ("in a statement", "on Monday", "told reporters") between `at` and the clause's end. */
  private onlyAdjunctsAfter(unit: Unit, at: number): boolean {
    const { tokens, forms } = this.ctx;
    for (let k = at; k < unit.endToken; k++) {
      const t = tokens[k]!;
      if (forms[k] === ',' || forms[k] === ';' || DASHES.has(forms[k]!) || isQuoteOpener(this.ctx, k) || SUBORDINATORS.has(forms[k]!)) return true;
      // "... said in a statement confirming that P": a participle that reports opens a frame of its own
      if (isParticiple(t) && VERB_CUES.has(t.lemma)) return true;
      if (t.pos === 'VERB' || t.pos === 'AUX' || forms[k] === 'that') return false;
    }
    return true;
  }

  private cutAtComma(unit: Unit, content: Span): Span {
    const { tokens, forms } = this.ctx;
    for (let k = unit.firstToken; k < unit.endToken; k++) {
      if (tokens[k]!.start > content.start && forms[k] === ',') return { start: content.start, end: tokens[k]!.start };
    }
    return content;
  }

  /** "According to X, P" and "P, according to X". */
  private according(unit: Unit, c0: number, c1: number): void {
    const { tokens, forms } = this.ctx;
    const speaker = this.accordingSource(unit, c1);
    if (!speaker) return;
    const cue = spanOf(tokens, c0, c1);
    const frame = { start: cue.start, end: tokens[speaker.end - 1]!.end };
    const add = (content: Span, contentBefore: boolean) => {
      this.frames.push({ kind: 'according', cue, stance: 'stated', belief: false, report: true, speaker, content, frame, unit: unit.index, contentBefore });
    };
    let lead = true;
    for (let k = unit.firstToken; k < c0 && lead; k++) lead = tokens[k]!.pos === 'PUNCT' || tokens[k]!.pos === 'CCONJ' || tokens[k]!.pos === 'ADV';
    if (lead) {
      let k = speaker.end;
      while (k < unit.endToken && (forms[k] === ',' || tokens[k]!.pos === 'PUNCT')) k++;
      if (k < unit.endToken && hasFiniteVerb(tokens, k, unit.endToken)) add({ start: tokens[k]!.start, end: this.quoteAwareEnd(unit, k) }, false);
      return;
    }
    const before = this.contentBefore(unit, c0, false) ?? this.plainBefore(unit, c0);
    if (before) add(before, true);
  }

  /**
   * The source after "according to": the words up to the next punctuation or relative pronoun, whatever the
   * tagger made of them ("to police" reads to it as an infinitive), when they are few.
   */
  private accordingSource(unit: Unit, at: number): TokenRange | undefined {
    const { tokens, forms } = this.ctx;
    let end = at;
    while (end < unit.endToken && end - at < 12) {
      const t = tokens[end]!;
      const inner = t.pos === 'PUNCT' && (t.text === '-' || t.text === '&' || isPossessiveMark(t) || t.text === '.');
      if ((t.pos === 'PUNCT' && !inner) || RELATIVES.has(forms[end]!) || forms[end] === 'that') break;
      end++;
    }
    if (end === at || end - at >= 12) return phraseStartingAt(tokens, at, unit.endToken);
    while (end > at && tokens[end - 1]!.pos === 'PUNCT') end--;
    return end > at ? { first: at, end } : undefined;
  }

  /** "P according to X" without a comma. */
  private plainBefore(unit: Unit, c0: number): Span | undefined {
    const { tokens } = this.ctx;
    if (c0 <= unit.firstToken || !hasFiniteVerb(tokens, unit.firstToken, c0)) return undefined;
    return { start: tokens[unit.firstToken]!.start, end: tokens[c0 - 1]!.end };
  }

  /** "X's (initial) assessment is that P": the cue runs from the possessive mark to "is". */
  private possessive(unit: Unit, mark: number, noun: number): void {
    const { tokens } = this.ctx;
    const speaker = phraseEndingAt(tokens, mark - 1, unit.firstToken);
    const content = speaker && this.clauseFrom(unit, noun + 3, true);
    if (!speaker || !content) return;
    const cue = spanOf(tokens, mark + 1, noun + 2);
    this.frames.push({ kind: 'possessive', cue, stance: 'stated', belief: false, report: false, speaker, content, frame: { start: tokens[speaker.first]!.start, end: cue.end }, unit: unit.index, contentBefore: false });
  }

  /** A transcript's turn: a paragraph that opens with "NAME:" and goes on to speak. */
  private transcriptTurn(unit: Unit): boolean {
    const { tokens, forms, units } = this.ctx;
    if (!unit.opensParagraph) return false;
    let k = unit.firstToken;
    if (isQuoteOpener(this.ctx, k)) k++;
    const nameFirst = k;
    while (k < unit.endToken && k - unit.firstToken < 4 && UPPER_START.test(tokens[k]!.text) && (tokens[k]!.pos === 'PROPN' || tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'ADJ')) k++;
    const speaker = { first: nameFirst, end: k };
    const colon = forms[k] === ',' ? this.colonAfterApposition(unit, k) : k;
    if (k === nameFirst || forms[colon] !== ':' || colon + 3 >= unit.endToken) return false;
    let last = unit;
    for (let u = unit.index + 1; u < units.length && units[u]!.paragraph === unit.paragraph; u++) last = units[u]!;
    const cue = spanOf(tokens, colon, colon + 1);
    this.frames.push({ kind: 'turn', cue, stance: 'stated', belief: false, report: false, speaker, content: { start: tokens[colon + 1]!.start, end: last.end }, frame: { start: tokens[nameFirst]!.start, end: cue.end }, unit: unit.index, contentBefore: false });
    return true;
  }

  /**
   * "Jane Roe, chief engineer of the harbor board: “P”": the colon after a name's apposition, when a quotation
   * follows it; -1 when a verb comes first (then the words before the colon are a sentence, not a title).
   */
  private colonAfterApposition(unit: Unit, comma: number): number {
    const { tokens, forms } = this.ctx;
    for (let k = comma + 1; k < Math.min(unit.endToken, comma + 13); k++) {
      if (forms[k] === ':') return isQuoteOpener(this.ctx, k + 1) ? k : -1;
      if (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX') return -1;
    }
    return -1;
  }

  /** A quotation signed with a dash and a name at its paragraph's end: "“P.” ― Jane Roe". */
  private findSignedQuotes(): void {
    const { tokens, forms, quotes, units, unitOf } = this.ctx;
    for (let i = 1; i < tokens.length; i++) {
      if (!isQuoteCloser(this.ctx, i - 1) || !DASHES.has(forms[i]!)) continue;
      const u = units[unitOf[i]!];
      if (!u) continue;
      const name = phraseStartingAt(tokens, i + 1, u.endToken);
      if (!name || !tokens.slice(name.first, name.end).some((t) => t.pos === 'PROPN')) continue;
      const after = tokens[name.end];
      if (after && !isLineBreak(after) && after.pos !== 'PUNCT') continue;
      const r = this.ctx.quoteOf[i - 1] ?? -1;
      if (r < 0 || !quotes[r]!.closed) continue;
      const span = chainSpan(this.ctx, r);
      const cue = spanOf(tokens, i, i + 1);
      this.frames.push({ kind: 'signed', cue, stance: 'stated', belief: false, report: false, speaker: name, content: span, frame: { start: cue.start, end: tokens[name.end - 1]!.end }, unit: u.index, contentBefore: true });
    }
  }
}

