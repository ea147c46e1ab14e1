/**
 * claimgraph query API: one object per opened graph whose methods answer each question with typed results.
 * Indexes are built once, when the object is made; every method only reads the graph.
 */
import type { ClaimGraph } from '../graph/load';
import type { GraphDocument } from '../graph/schema';
import { findClaims } from './claims';
import { findDisputes } from './disputes';
import { entityReport } from './entity';
import { buildIndex, type QueryIndex } from './graph-index';
import { neighbors } from './neighbors';
import { shortestPath } from './path';
import { nodeRef } from './refs';
import { resolveName, type NameScope } from './resolve';
import { speakers } from './speakers';
import { graphStats } from './stats';
import type { ClaimFilter, ClaimRow, DisputeFilter, DisputeRow, EntityReport, GraphStats, NeighborOptions, NeighborRow, NodeRef, PathResult, SpeakerRow, StatsOptions } from './types';

export interface GraphQueries {
  /** the graphology graph itself, for questions the API does not ask */
  readonly graph: ClaimGraph;
  /** the file (or other source) the graph came from, as given */
  readonly source: string;
  /** the node a name stands for; throws NameNotFoundError or AmbiguousNameError */
  resolve(name: string, scope?: NameScope): NodeRef;
  /** the graph's documents, without their text */
  documents(): Omit<GraphDocument, 'text'>[];
  /** attributions (speaker, stance, claim, evidence) passing every filter given; [] when none */
  claims(filter?: ClaimFilter): ClaimRow[];
  /** pairs of speakers on opposite sides of a dispute, by date; [] when none */
  disputes(filter?: DisputeFilter): DisputeRow[];
  entity(name: string): EntityReport;
  neighbors(name: string, options?: NeighborOptions): NeighborRow[];
  /** a shortest path, edges walked either way; null when none exists */
  path(from: string, to: string): PathResult | null;
  speakers(): SpeakerRow[];
  stats(options?: StatsOptions): GraphStats;
}

/** Wraps an already validated graph (see src/graph/load.ts) and builds its indexes. */
export function queryGraph(graph: ClaimGraph, source = 'graph'): GraphQueries {
  const index: QueryIndex = buildIndex(graph);
  return {
    graph,
    source,
    resolve: (name, scope = 'entity') => nodeRef(index, resolveName(index, name, scope)),
    documents: () => graph.getAttribute('documents').map(({ text: _text, ...rest }) => rest),
    claims: (filter) => findClaims(index, filter),
    disputes: (filter) => findDisputes(index, filter),
    entity: (name) => entityReport(index, name),
    neighbors: (name, options) => neighbors(index, name, options),
    path: (from, to) => shortestPath(index, from, to),
    speakers: () => speakers(index),
    stats: (options) => graphStats(index, options),
  };
}
