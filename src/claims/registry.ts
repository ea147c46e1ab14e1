/**
 * claimgraph claims: the document's entities as the claim stage sees them. Links a speaker's words to the
 * entity whose mention overlaps them, resolves pronouns and definite descriptions to an earlier entity, and
 * creates an entity (a name, or an unnamed source) when none fits. Never mutates the entity stage's records.
 */
import type { EntityKind, EntityRecord, Mention, Span } from '../types';

interface Placed {
  start: number;
  end: number;
  entity: number;
}

const PERSON: ReadonlySet<EntityKind> = new Set(['person']);
const INSTITUTION: ReadonlySet<EntityKind> = new Set(['agency', 'organization', 'media']);
const POSSESSIVE_ENDING = /[\u2019']s$/;
const NOT_LETTERS_OR_DIGITS = /[^\p{L}\p{N}]+/gu;

/** Mentions sorted by start; binary search finds those before or around an offset. */
class MentionIndex {
  private readonly items: Placed[] = [];

  /** Builds the index from many mentions at once: one sort. */
  static of(items: Placed[]): MentionIndex {
    const index = new MentionIndex();
    // a loop, not push(...items): spreading a huge array passes every item as an argument and overflows the stack
    for (const item of items.sort((a, b) => a.start - b.start || a.end - b.end || a.entity - b.entity)) index.items.push(item);
    return index;
  }

  /** Keeps the list sorted: a binary search for the place, then one splice (mentions mostly come in order). */
  add(p: Placed): void {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]!.start <= p.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.items.length) this.items.push(p);
    else this.items.splice(lo, 0, p);
  }

  /** Index of the last mention starting before `at`, or -1. */
  private lastBefore(at: number): number {
    let lo = 0;
    let hi = this.items.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]!.start < at) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Mentions that overlap the span (looking back over a bounded number of earlier mentions). */
  overlapping(span: Span): Placed[] {
    const out: Placed[] = [];
    for (let i = this.lastBefore(span.end), seen = 0; i >= 0 && seen < 40; i--, seen++) {
      const p = this.items[i]!;
      if (p.end > span.start && p.start < span.end) out.push(p);
    }
    return out;
  }

  /** The most recent mention that ends before `at` and that `accept` takes, among the last `limit` before it. */
  lastAccepted(at: number, limit: number, accept: (p: Placed) => boolean): Placed | undefined {
    for (let i = this.lastBefore(at), seen = 0; i >= 0 && seen < limit; i--, seen++) {
      const p = this.items[i]!;
      if (p.end <= at && accept(p)) return p;
    }
    return undefined;
  }

  inside(span: Span): Placed[] {
    const out: Placed[] = [];
    for (let i = this.lastBefore(span.end), seen = 0; i >= 0 && seen < 200; i--, seen++) {
      const p = this.items[i]!;
      if (p.start < span.start) break;
      if (p.end <= span.end) out.push(p);
    }
    return out;
  }
}

export class EntityRegistry {
  readonly entities: EntityRecord[];
  private readonly copied: boolean[];
  private readonly index: MentionIndex;
  private readonly byLabel = new Map<string, number>();
  private nextId = 0;
  private readonly ids: Set<string>;

  constructor(
    given: readonly EntityRecord[],
    private readonly text: string,
  ) {
    this.entities = [...given];
    this.copied = given.map(() => false);
    this.ids = new Set(given.map((e) => e.id));
    const placed: Placed[] = [];
    given.forEach((e, i) => {
      for (const m of e.mentions) placed.push({ start: m.start, end: m.end, entity: i });
      if (!e.local) this.byLabel.set(labelKey(e.label), i);
    });
    this.index = MentionIndex.of(placed);
  }

  private idFor(n: number): string {
    return `claims-speaker-${n}`;
  }

  /** The entity whose mention overlaps the span, preferring the one that holds `head` (and only such a one with `needHead`). */
  overlapping(span: Span, head: Span, needHead = false): number | undefined {
    const hits = this.index.overlapping(span);
    if (!hits.length) return undefined;
    const holding = hits.filter((p) => p.start <= head.start && p.end >= head.end);
    if (needHead && !holding.length) return undefined;
    const pool = holding.length ? holding : hits;
    let best = pool[0]!;
    for (const p of pool) {
      const overlap = Math.min(p.end, span.end) - Math.max(p.start, span.start);
      const bestOverlap = Math.min(best.end, span.end) - Math.max(best.start, span.start);
      if (overlap > bestOverlap || (overlap === bestOverlap && p.entity < best.entity)) best = p;
    }
    return best.entity;
  }

  /** The most recent entity before `at` that `accept` takes. */
  recent(at: number, accept: (e: EntityRecord, mention: Span) => boolean, limit = 400): number | undefined {
    return this.index.lastAccepted(at, limit, (p) => accept(this.entities[p.entity]!, p))?.entity;
  }

  /** Entities named inside the span. */
  inside(span: Span): number[] {
    return [...new Set(this.index.inside(span).map((p) => p.entity))].sort((a, b) => a - b);
  }

  mentionText(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** The span's text in lower case (from a lower-cased copy of the document, when lower-casing keeps offsets). */
  lowerText(span: Span): string {
    this.lower ??= this.text.toLowerCase();
    return this.lower.length === this.text.length ? this.lower.slice(span.start, span.end) : this.text.slice(span.start, span.end).toLowerCase();
  }

  private lower: string | undefined;

  /** Adds the span as a mention of entity `i` (a pronoun or description that refers to it). */
  addMention(i: number, span: Span): void {
    const e = this.entities[i]!;
    if (e.mentions.some((m) => m.start === span.start && m.end === span.end)) return;
    if (!this.copied[i]) {
      this.entities[i] = { ...e, aliases: [...e.aliases], mentions: [...e.mentions] };
      this.copied[i] = true;
    }
    const mention: Mention = { start: span.start, end: span.end, text: this.text.slice(span.start, span.end) };
    this.entities[i]!.mentions.push(mention);
    this.index.add({ start: span.start, end: span.end, entity: i });
  }

  /** The entity of that label, creating it (as this stage's own record) when there is none. */
  findOrCreate(label: string, kind: EntityKind, local: boolean, span: Span): number {
    const key = local ? `local:${labelKey(label)}` : labelKey(label);
    const known = this.byLabel.get(key);
    if (known !== undefined) {
      this.addMention(known, span);
      return known;
    }
    const i = this.entities.length;
    while (this.ids.has(this.idFor(this.nextId))) this.nextId++;
    this.ids.add(this.idFor(this.nextId));
    const record: EntityRecord = { id: this.idFor(this.nextId++), kind, label, aliases: [], mentions: [] };
    if (local) record.local = true;
    this.entities.push(record);
    this.copied.push(true);
    this.byLabel.set(key, i);
    this.addMention(i, span);
    return i;
  }

  /** A surname that names an entity already known by its full name ("Ruiz" after "Ana Ruiz"). */
  bySurname(word: string, at: number): number | undefined {
    const suffix = ` ${word.toLowerCase()}`;
    return this.recent(at, (e) => e.kind === 'person' && !e.local && e.label.toLowerCase().endsWith(suffix));
  }

  static readonly PERSON = PERSON;
  static readonly INSTITUTION = INSTITUTION;
}

function labelKey(label: string): string {
  return label
    .toLowerCase()
    .replace(POSSESSIVE_ENDING, '')
    .replace(NOT_LETTERS_OR_DIGITS, ' ')
    .trim();
}
