/**
 * claimgraph pipeline types: the plain values that flow from one stage to the next
 * (ingest → nlp → entities → claims → relations → graph). Offsets always index the document's `text`.
 */
import type { EntityKind, GraphDocument, Quoting, RelationKind, Stance } from './graph/schema';

/** A character range of one document's text: start inclusive, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** An article as ingested: `text` is exactly what every offset indexes into. */
export type ArticleDocument = GraphDocument;

/** One token of the analysed text. `pos` is a Universal Dependencies tag (wink-nlp). */
export interface Token extends Span {
  index: number;
  text: string;
  /** lower-cased, normalised form */
  normal: string;
  lemma: string;
  pos: string;
  /** wink-nlp's token type: word, number, punctuation, email, url, ... */
  type: string;
  /** index into AnalyzedDocument.sentences */
  sentence: number;
  /** whitespace before the token contains a line break */
  lineBreakBefore: boolean;
}

export interface Sentence extends Span {
  index: number;
  /** first token index (inclusive) */
  firstToken: number;
  /** last token index (exclusive) */
  endToken: number;
}

/** A non-name entity that wink-nlp's NER finds: DATE, TIME, CARDINAL, ORDINAL, MONEY, PERCENT, ... */
export interface NumericEntity extends Span {
  type: string;
  text: string;
}

export interface AnalyzedDocument {
  doc: ArticleDocument;
  tokens: Token[];
  sentences: Sentence[];
  numericEntities: NumericEntity[];
}

/** One place where the text names an entity. */
export interface Mention extends Span {
  text: string;
}

/** An entity of one document, with every mention found for it (names, aliases, descriptions, pronouns). */
export interface EntityRecord {
  /** stable within the document; the graph stage derives node keys from kind and label, not from this */
  id: string;
  kind: EntityKind;
  label: string;
  aliases: string[];
  mentions: Mention[];
  /**
   * An unnamed source ("officials", "a source"): the same words in two articles are two different people,
   * so the graph keeps one node per article for it.
   */
  local?: boolean;
}

export interface SpeakerStance {
  entityId: string;
  stance: Stance;
  /** the reporting verb or phrase ("said", "according to", "denied") */
  cue: Span;
  /** the attribution model's confidence in the cue and the proposition, 0..1 */
  confidence: number;
  quoted: Quoting;
  /** a cue of belief or intention ("X believes", "X wants") rather than of speech */
  belief: boolean;
  /** the stance points back to this claim, made by another ("rejected that account"); its cue holds the pointer */
  rejects?: boolean;
}

/** An attributed proposition of one document. */
export interface ClaimRecord {
  /** the proposition without its reporting frame */
  text: string;
  /** where the proposition stands in the text; for a claim in parts, from its first part to its last */
  span: Span;
  /**
   * a quotation split around its frame (“P,” X said. “Q.”): where each part stands, in order; the text is
   * their words joined by " … " (src/claims/parts.ts)
   */
  parts?: Span[];
  /** the whole sentence (or sentences) that carries the attribution */
  sentence: Span;
  speakers: SpeakerStance[];
  /** outlets that carried the claim (`reported` edges) */
  reporters: { entityId: string; cue: Span }[];
  /** entities the proposition names */
  about: string[];
}

export interface RelationRecord {
  kind: RelationKind;
  source: string;
  target: string;
  /** the words that state the relation */
  evidence: Span;
}

/** Everything extracted from one document; the graph stage merges these across documents. */
export interface DocumentExtraction {
  doc: ArticleDocument;
  entities: EntityRecord[];
  claims: ClaimRecord[];
  relations: RelationRecord[];
}

export type { EntityKind, Quoting, RelationKind, Stance };
