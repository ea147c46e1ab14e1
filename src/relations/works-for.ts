/**
 * claimgraph relations: `leads` and `employs` from a verb after a person's name, in a relative clause or the
 * sentence's own ("Jane Roe, who heads Acme,", "John Doe works for the Port Authority", "who is a lawyer for
 * Acme", "who serves as chief executive of Acme"). Present tense only: "who led Acme" says nothing of now.
 */
import { EMPLOYERS, POSSESSIVE, occurrenceAt, type PatternContext } from './context';
import { relationLexicon } from './lexicon';
import type { Occurrence } from './mentions';
import { emitRole, roleAt } from './roles';

const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['who', 'which', 'that']);
/** What may be led: an institution, or an event it runs ("runs the Grand Loop race"). */
const LED_KINDS: ReadonlySet<string> = new Set([...EMPLOYERS, 'event']);

/** Adverbs allowed between the name and its verb ("who now heads", "also works for"). */
const ADVERB_REACH = 2;

/** The organization named right at token k (after an optional "the"), if it is not a modifier ("the Acme campaign"). */
function organizationAt(ctx: PatternContext, k: number, kinds: ReadonlySet<string> = EMPLOYERS): Occurrence | undefined {
  const { tokens } = ctx.analyzed;
  if (tokens[k]?.normal === 'the') k++;
  const o = occurrenceAt(ctx, k);
  if (!o || !kinds.has(o.kind)) return undefined;
  const after = tokens[o.end];
  if (after && (POSSESSIVE.test(after.text) || after.pos === 'NOUN' || after.pos === 'PROPN')) return undefined;
  return o;
}

/** Looks for the pattern after the person's occurrence oi. */
export function worksForAt(ctx: PatternContext, oi: number): void {
  const { tokens } = ctx.analyzed;
  const lex = relationLexicon();
  const person = ctx.mentions.occurrences[oi]!;
  // an organization leads too ("the Velo Sport Organization, which runs the Grand Loop")
  if (person.kind !== 'person' && !EMPLOYERS.has(person.kind)) return;
  let k = person.end;
  if (tokens[k]?.text === ',' && RELATIVE_PRONOUNS.has(tokens[k + 1]?.normal ?? '')) k += 2;
  for (const limit = k + ADVERB_REACH; k < limit && tokens[k]?.pos === 'ADV'; ) k++;
  const verb = tokens[k];
  if (!verb || verb.sentence !== tokens[person.start]!.sentence) return;
  if (lex.leadVerbs.has(verb.normal)) {
    const organization = organizationAt(ctx, k + 1, LED_KINDS);
    if (organization) ctx.emit('leads', person.entity, organization.entity, person.start, organization.end);
    return;
  }
  if (person.kind !== 'person') return;
  // "works for Acme", "works directly for Acme", "works at the Port Authority", "reports for the Courier"
  const linkAt = tokens[k + 1]?.pos === 'ADV' ? k + 2 : k + 1;
  const link = tokens[linkAt]?.normal;
  if (lex.workVerbs.has(verb.normal) && (link === 'for' || link === 'at')) {
    const organization = organizationAt(ctx, linkAt + 1);
    if (organization) ctx.emit('employs', organization.entity, person.entity, person.start, organization.end);
    return;
  }
  // "is a spokesman for Acme", "serves as chief executive of Acme"
  const roleStart = verb.normal === 'is' ? k + 1 : lex.workVerbs.has(verb.normal) && link === 'as' ? linkAt + 1 : -1;
  if (roleStart < 0) return;
  const role = roleAt(ctx, roleStart);
  if (role) emitRole(ctx, person, role);
}
