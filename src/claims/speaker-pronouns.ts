/**
 * claimgraph claims: pronouns of a claim that name its own speaker. In reported speech a third-person pronoun
 * most often names the one who speaks: "Orvane Steel said its plant would close", "the mayor said he would
 * resign". Bound only where nothing else could be meant: the claim has one speaker, the pronoun agrees with the
 * speaker's kind (he, she for a person; it, they for an organization, agency or outlet), and no other entity
 * of that kind is named in the sentence before it. A bound pronoun becomes a mention of the speaker, so the claim
 * is about the speaker there and keys by the speaker's node rather than by its article.
 */
import type { ClaimRecord, EntityKind } from '../types';
import { firstTokenFrom, type ClaimContext } from './context';
import type { EntityRegistry } from './registry';

const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself']);
const GROUP_PRONOUNS: ReadonlySet<string> = new Set(['it', 'its', 'itself', 'they', 'them', 'their', 'theirs', 'themselves']);
const GROUP_KINDS: ReadonlySet<EntityKind> = new Set(['organization', 'agency', 'media']);

/** Which kinds of entity a pronoun may name: none when it is no third-person pronoun. */
function kindsOf(form: string): (kind: EntityKind) => boolean {
  if (PERSON_PRONOUNS.has(form)) return (kind) => kind === 'person';
  if (GROUP_PRONOUNS.has(form)) return (kind) => GROUP_KINDS.has(kind);
  return () => false;
}

/** Adds each claim's pronouns that name its one speaker as mentions of that speaker. */
export function bindSpeakerPronouns(ctx: ClaimContext, registry: EntityRegistry, claims: Iterable<ClaimRecord>): void {
  const indexOf = new Map(registry.entities.map((e, i) => [e.id, i]));
  for (const claim of claims) {
    const speakers = new Set(claim.speakers.map((s) => s.entityId));
    if (speakers.size !== 1) continue;
    const speaker = indexOf.get([...speakers][0]!);
    if (speaker === undefined) continue;
    const kind = registry.entities[speaker]!.kind;
    for (let k = firstTokenFrom(ctx, claim.span.start); k < ctx.tokens.length && ctx.tokens[k]!.start < claim.span.end; k++) {
      const token = ctx.tokens[k]!;
      const agrees = kindsOf(ctx.forms[k]!);
      if (token.pos !== 'PRON' || !agrees(kind) || registry.inside({ start: token.start, end: token.end }).length) continue;
      const before = registry.inside({ start: claim.sentence.start, end: token.start });
      if (before.some((i) => i !== speaker && agrees(registry.entities[i]!.kind))) continue;
      registry.addMention(speaker, { start: token.start, end: token.end });
    }
  }
}
