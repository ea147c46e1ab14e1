/**
 * claimgraph claims: from a speaker's words to entities. Splits coordinated speakers ("Acme and Interpol"),
 * links names to the entity stage's mentions, resolves pronouns ("he said") and definite descriptions
 * ("the agency said") to an earlier entity, and creates entities for names and unnamed sources it cannot link.
 */
import type { EntityRecord, Span, Token } from '../types';
import type { ClaimContext } from './context';
import { guessSpeakerKind } from './entity-kind';
import { AGENCY_WORDS, MEDIA_WORDS, ORGANIZATION_WORDS, TIME_PREPOSITIONS, TIME_WORDS, YEAR } from './lexicon';
import { headOf, isPossessiveMark, type TokenRange } from './phrases';
import { EntityRegistry } from './registry';

const ARTICLES = new Set(['a', 'an', 'the']);
const DEFINITES = new Set(['the', 'that', 'this', 'these', 'those']);
/** how far back (in characters) the previous attribution's speaker still answers a pronoun */
const PRONOUN_REACH = 1500;
const UPPER_START = /^\p{Lu}/u;
const SPACE_RUNS = /\s+/g;
const NOT_LETTERS_OR_DIGITS = /[^\p{L}\p{N}]+/u;

/** Documents through which their issuer speaks. */
const DOCUMENT_NOUNS: ReadonlySet<string> = new Set(['statement', 'report', 'letter', 'release', 'filing', 'memo', 'notice', 'announcement', 'post', 'tweet', 'website', 'bulletin']);


/** "a geologist with the port authority in 1999": the speaker ends before a closing time phrase. */
function withoutTrailingTime(tokens: readonly Token[], forms: readonly string[], first: number, end: number): number {
  const last = end - 1;
  if (last - 1 <= first || !TIME_PREPOSITIONS.has(forms[last - 1]!)) return end;
  return YEAR.test(forms[last]!) || TIME_WORDS.has(forms[last]!) ? last - 1 : end;
}

export class SpeakerResolver {
  private last: { entities: number[]; at: number } | undefined;

  constructor(
    private readonly ctx: ClaimContext,
    readonly registry: EntityRegistry,
  ) {}

  /** Entity indices for a speaker phrase (several when coordinated); empty when a pronoun finds no antecedent. */
  resolve(range: TokenRange): number[] {
    const out: number[] = [];
    for (const part of this.splitCoordination(range)) {
      for (const i of this.resolveOne(part)) if (!out.includes(i)) out.push(i);
    }
    if (out.length) this.last = { entities: out, at: this.ctx.tokens[range.end - 1]!.end };
    return out;
  }

  /** The entities of the most recent attribution (a participle's speaker: ", adding that ..."). */
  lastSpeakers(): number[] {
    return this.last?.entities ?? [];
  }

  private splitCoordination(range: TokenRange): TokenRange[] {
    const { tokens, forms } = this.ctx;
    const parts: TokenRange[] = [];
    let first = range.first;
    for (let k = range.first; k < range.end; k++) {
      if (tokens[k]!.pos === 'ADP') return [range];
      const joins = (forms[k] === 'and' && tokens[k]!.pos === 'CCONJ') || (forms[k] === ',' && k > range.first);
      if (!joins) continue;
      const next = tokens[k + 1];
      if (!next || !(next.pos === 'PROPN' || next.pos === 'DET' || DEFINITES.has(forms[k + 1]!))) return [range];
      if (k > first) parts.push({ first, end: k });
      first = k + 1;
    }
    if (first < range.end) parts.push({ first, end: range.end });
    return parts.length ? parts : [range];
  }

  private resolveOne(range: TokenRange): number[] {
    const { tokens, forms } = this.ctx;
    let first = range.first;
    let end = range.end;
    while (end > first && (isPossessiveMark(tokens[end - 1]!) || tokens[end - 1]!.pos === 'PUNCT')) end--;
    while (first < end && tokens[first]!.pos === 'PUNCT') first++;
    end = withoutTrailingTime(tokens, forms, first, end);
    if (first >= end) return [];
    const span: Span = { start: tokens[first]!.start, end: tokens[end - 1]!.end };
    const head = headOf(tokens, { first, end });
    const headSpan: Span = { start: tokens[head]!.start, end: tokens[head]!.end };
    if (end - first === 1 && tokens[first]!.pos === 'PRON') return this.pronoun(forms[first]!, span);

    // "the Acme administration" is not Acme, nor "a refugee from Millbrook" Millbrook: a name that only modifies
    // or complements the head noun is not the speaker
    const headToken = tokens[head]!;
    const common = headToken.pos === 'NOUN' && /^\p{Ll}/u.test(headToken.text);
    const institutional = AGENCY_WORDS.has(forms[head]!) || ORGANIZATION_WORDS.has(forms[head]!) || MEDIA_WORDS.has(forms[head]!);
    // "the Acme statement said", "Acme's report says": an issuer speaks through its document
    if (DOCUMENT_NOUNS.has(forms[head]!) && head > first) {
      const issuer = this.registry.overlapping({ start: span.start, end: tokens[head - 1]!.end }, headSpan);
      if (issuer !== undefined) return [issuer];
    }
    const linked = this.registry.overlapping(span, headSpan, institutional || common);
    if (linked !== undefined) return [linked];

    const words = tokens.slice(first, end);
    const named = words.some((t) => t.pos === 'PROPN' && UPPER_START.test(t.text));
    if (DEFINITES.has(forms[first]!) && !named) {
      const found = this.description(forms[head]!, span);
      if (found !== undefined) {
        this.registry.addMention(found, span);
        return [found];
      }
    }
    if (end - first === 1 && tokens[first]!.pos === 'PROPN') {
      const full = this.registry.bySurname(tokens[first]!.text, span.start);
      if (full !== undefined) {
        this.registry.addMention(full, span);
        return [full];
      }
    }
    let labelFirst = first;
    while (labelFirst < end - 1 && ARTICLES.has(forms[labelFirst]!)) labelFirst++;
    const labelWords: Token[] = tokens.slice(labelFirst, end);
    const label = this.ctx.text.slice(labelWords[0]!.start, labelWords[labelWords.length - 1]!.end).replace(SPACE_RUNS, ' ');
    const { kind, local } = guessSpeakerKind(labelWords, head - labelFirst);
    return [this.registry.findOrCreate(label, kind, local, span)];
  }

  private pronoun(form: string, span: Span): number[] {
    const reg = this.registry;
    const kindOf = (i: number): EntityRecord => reg.entities[i]!;
    const lastOk = (accept: (e: EntityRecord, n: number) => boolean): number | undefined => {
      const last = this.last;
      if (!last || span.start - last.at > PRONOUN_REACH) return undefined;
      if (!accept(kindOf(last.entities[0]!), last.entities.length)) return undefined;
      return last.entities[0];
    };
    let found: number | undefined;
    if (form === 'he' || form === 'she') {
      // a name of no known kind may be the person "he" or "she" speaks of, and that makes it one
      const personal = (e: EntityRecord) => e.kind === 'person' || e.kind === 'other';
      found = lastOk((e, n) => n === 1 && personal(e) && !e.local) ?? reg.recent(span.start, (e) => personal(e) && !e.local) ?? lastOk((e, n) => n === 1 && personal(e));
      if (found !== undefined && kindOf(found).kind === 'other') kindOf(found).kind = 'person';
    } else if (form === 'it') {
      found = lastOk((e, n) => n === 1 && EntityRegistry.INSTITUTION.has(e.kind)) ?? reg.recent(span.start, (e) => EntityRegistry.INSTITUTION.has(e.kind));
    } else if (form === 'they') {
      const last = this.last;
      if (last && span.start - last.at <= PRONOUN_REACH && last.entities.length > 1) {
        // "They" after "A and B said": both speakers
        for (const i of last.entities) reg.addMention(i, span);
        return [...last.entities];
      }
      found = lastOk((e) => EntityRegistry.INSTITUTION.has(e.kind) || !!e.local) ?? reg.recent(span.start, (e) => EntityRegistry.INSTITUTION.has(e.kind) || (!!e.local && e.kind === 'person'));
    }
    if (found === undefined) return [];
    reg.addMention(found, span);
    return [found];
  }

  private description(head: string, span: Span): number | undefined {
    const reg = this.registry;
    // a cheap substring test first; the word split only for the few texts that hold the head at all
    const hasWord = (lower: string) => lower.includes(head) && lower.split(NOT_LETTERS_OR_DIGITS).includes(head);
    // the antecedent of a description is near: the last 150 mentions
    const byWord = reg.recent(span.start, (e, m) => hasWord(reg.lowerText(m)) || hasWord(e.label.toLowerCase()), 150);
    if (byWord !== undefined) return byWord;
    if (MEDIA_WORDS.has(head)) return reg.recent(span.start, (e) => e.kind === 'media');
    if (AGENCY_WORDS.has(head) || ORGANIZATION_WORDS.has(head)) return reg.recent(span.start, (e) => e.kind === 'agency' || e.kind === 'organization');
    return undefined;
  }
}
