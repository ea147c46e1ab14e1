/**
 * claimgraph attribution model: the tag set. Each token is outside any attribution or begins or continues
 * one of its three roles (BIO): the source that speaks, the cue that frames, the content attributed.
 */
import type { Span } from '../../types';
import { tokenAfter } from '../../nlp/token-at';

export type Role = 'source' | 'cue' | 'content';

export const ROLES: readonly Role[] = ['source', 'cue', 'content'];

/** Tag 0 is O; then B and I of each role in ROLES order. */
export const TAGS: readonly string[] = ['O', 'B-source', 'I-source', 'B-cue', 'I-cue', 'B-content', 'I-content'];
export const TAG_COUNT = TAGS.length;

export function beginTag(role: Role): number {
  return 1 + 2 * ROLES.indexOf(role);
}

export function roleOfTag(tag: number): Role | undefined {
  return tag === 0 ? undefined : ROLES[(tag - 1) >> 1];
}

export function isBegin(tag: number): boolean {
  return tag > 0 && (tag - 1) % 2 === 0;
}

/** An I tag may only follow a tag of its own role; an I after anything else starts a span anyway. */
export function continues(prev: number, tag: number): boolean {
  return tag > 0 && !isBegin(tag) && prev > 0 && roleOfTag(prev) === roleOfTag(tag);
}

/** A role span as token indices into the tagged sequence: first inclusive, end exclusive. */
export interface RoleSpan {
  role: Role;
  first: number;
  end: number;
}

/** The spans a tag sequence describes. */
export function spansOfTags(tags: ArrayLike<number>): RoleSpan[] {
  const out: RoleSpan[] = [];
  let open: RoleSpan | undefined;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (open && continues(tags[i - 1]!, tag)) {
      open.end = i + 1;
      continue;
    }
    open = undefined;
    const role = roleOfTag(tag);
    if (!role) continue;
    open = { role, first: i, end: i + 1 };
    out.push(open);
  }
  return out;
}

/** A gold attribution: character spans of its source, cue and content (any may be missing but the content). */
export interface GoldAttribution {
  source?: Span[];
  cue?: Span[];
  content: Span[];
}

/**
 * Gold tags for a token sequence. Attributions nest ("X said Y told them P"), so a token takes the role of the
 * smallest attribution that covers it, and a cue or source wins over the content it lies in.
 */
export function tagsOfGold(tokens: readonly Span[], gold: readonly GoldAttribution[]): Uint8Array {
  const tags = new Uint8Array(tokens.length);
  const owner = new Int32Array(tokens.length).fill(-1);
  const rank = new Float64Array(tokens.length).fill(Infinity);
  const extent = (a: GoldAttribution) => {
    const all = [...(a.source ?? []), ...(a.cue ?? []), ...a.content];
    return Math.max(...all.map((s) => s.end)) - Math.min(...all.map((s) => s.start));
  };
  gold.forEach((a, id) => {
    const size = extent(a);
    for (const role of ROLES) {
      // a cue or source outranks content of any size: give roles a head start by their order
      const weight = role === 'content' ? size : role === 'source' ? -1e9 + size : -2e9 + size;
      for (const span of a[role] ?? []) {
        for (let i = tokenAfter(tokens, span.start); i < tokens.length && tokens[i]!.start < span.end; i++) {
          if (weight >= rank[i]!) continue;
          rank[i] = weight;
          tags[i] = beginTag(role);
          owner[i] = id * 4 + ROLES.indexOf(role);
        }
      }
    }
  });
  for (let i = 1; i < tokens.length; i++) {
    if (tags[i] && owner[i] === owner[i - 1]) tags[i] = tags[i]! + 1;
  }
  return tags;
}

