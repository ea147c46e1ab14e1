/**
 * Reads brat standoff attribution annotations (PolNeAR's form): Source, Cue and Content text-bound spans,
 * possibly in fragments ("120 150;160 170"), tied together by Attribution events.
 */
import type { GoldAttribution } from '../../src/claims/model/labels';
import type { Span } from '../../src/types';

export function parseBratAttributions(ann: string): GoldAttribution[] {
  const spans = new Map<string, Span[]>();
  const events: Record<string, string>[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    const id = cols[0] ?? '';
    if (/^T\d+$/.test(id) && cols[1]) {
      const [, ...rest] = cols[1].split(' ');
      const fragments = rest.join(' ').split(';').map((f) => f.trim().split(' ').map(Number));
      spans.set(id, fragments.filter((f) => f.length === 2 && f.every(Number.isFinite)).map(([start, end]) => ({ start: start!, end: end! })));
    } else if (/^E\d+$/.test(id) && cols[1]) {
      const roles: Record<string, string> = {};
      for (const part of cols[1].trim().split(' ')) {
        const [role, ref] = part.split(':');
        if (role && ref) roles[role] = ref;
      }
      events.push(roles);
    }
  }
  const out: GoldAttribution[] = [];
  for (const roles of events) {
    const content = roles.Content ? spans.get(roles.Content) : undefined;
    if (!content?.length) continue;
    out.push({ content, source: roles.Source ? spans.get(roles.Source) : undefined, cue: roles.Cue ? spans.get(roles.Cue) : undefined });
  }
  return out;
}
