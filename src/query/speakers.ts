/**
 * claimgraph query `speakers`: every source that took a stance on a claim or reported one, with its counts by
 * stance; most claims first.
 */
import type { QueryIndex } from './graph-index';
import { ATTRIBUTIONS, isAttribution } from './attributions';
import { compareNodes, nodeRef } from './refs';
import type { Attribution, SpeakerRow } from './types';

const zeroCounts = (): Record<Attribution, number> =>
  Object.fromEntries(ATTRIBUTIONS.map((a) => [a, 0])) as Record<Attribution, number>;

export function speakers(index: QueryIndex): SpeakerRow[] {
  const rows = new Map<string, SpeakerRow>();
  index.graph.forEachEdge((_edge, attributes, source) => {
    if (!isAttribution(attributes.kind)) return;
    let row = rows.get(source);
    if (!row) rows.set(source, (row = { speaker: nodeRef(index, source), total: 0, stances: zeroCounts() }));
    row.stances[attributes.kind]++;
    row.total++;
  });
  return [...rows.values()].sort((a, b) => b.total - a.total || compareNodes(a.speaker, b.speaker));
}
