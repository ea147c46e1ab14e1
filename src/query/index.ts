/**
 * claimgraph query API, public surface: `loadGraph(path)` (or `queryGraph(graph)`) returns an object whose
 * methods answer questions about a graph; result types, errors and helpers are exported beside it.
 */
export { loadGraph, GraphFileError } from './load';
export { claimsFromFile, type ClaimsAnswer } from './indexed';
export { queryGraph, type GraphQueries } from './api';
export { AmbiguousNameError, NameNotFoundError, QueryArgumentError } from './errors';
export { ATTRIBUTIONS } from './attributions';
export { normalizeName } from './normalize';
export { sentenceAround } from './sentence';
export type { NameScope } from './resolve';
export type * from './types';
