/**
 * A part of a graph too large to draw: one node's neighbourhood as a graph of its own, and the search over
 * every node that finds where to start. On the invented stories of test/fixtures/stories, built together.
 */
import { graphFromJsonText, type ClaimGraph } from '../../src/graph/load';
import { isStance } from '../../src/graph/schema';
import { graphToJsonText } from '../../src/pipeline/serialize';
import { defaultFocus, neighbourhoodGraph, nodeSearch } from '../../src/query/neighbourhood';
import { allStoriesGraph } from '../helpers/story-graph';

let graph: ClaimGraph;
beforeAll(() => {
  graph = allStoriesGraph();
});

const keyOf = (label: string) => graph.findNode((_k, a) => a.label === label)!;

test('the neighbourhood holds the node, its neighbours, the speakers of the claims among them, and every edge among those', () => {
  const focus = keyOf('Brightwake Shipping');
  const part = neighbourhoodGraph(graph, focus);
  const nodes = new Set(part.nodes());
  for (const n of graph.neighbors(focus)) expect(nodes.has(n)).toBe(true);
  part.forEachNode((n, a) => {
    if (a.kind !== 'claim') return;
    graph.forEachInEdge(n, (_e, ea, source) => {
      if (isStance(ea.kind)) expect(nodes.has(source)).toBe(true);
    });
  });
  // nothing else: every node is the focus, a neighbour, or two steps away through a claim near it
  const neighbours = new Set(graph.neighbors(focus));
  for (const n of nodes) expect(n === focus || neighbours.has(n) || graph.someNeighbor(n, (m) => nodes.has(m) && graph.getNodeAttribute(m, 'kind') === 'claim')).toBe(true);
  let among = 0;
  graph.forEachEdge((_e, _a, s, t) => void (nodes.has(s) && nodes.has(t) && among++));
  expect(part.size).toBe(among);
  expect(part.order).toBeLessThan(graph.order);
});

test('a claim near the focus brings the claims that dispute it, and their speakers', () => {
  const denial = graph.findNode((_n, a) => a.kind === 'claim' && a.text.startsWith('there is no secret deal'))!;
  const speaker = graph.inNeighbors(denial).find((n) => graph.getNodeAttribute(n, 'kind') !== 'claim')!;
  const part = neighbourhoodGraph(graph, speaker);
  const disputed = part.filterNeighbors(denial, (n) => part.someEdge(denial, n, (_e, a) => a.kind === 'contradicts'));
  expect(disputed.length).toBeGreaterThan(0);
  for (const other of disputed) for (const voice of graph.inNeighbors(other)) expect(part.hasNode(voice)).toBe(true);
});

test('it is a graph file of its own: it follows the contract, cites only its documents, and says what it is part of', () => {
  const focus = keyOf('Brightwake Shipping');
  const part = neighbourhoodGraph(graph, focus);
  const read = graphFromJsonText(graphToJsonText(part), 'part.json');
  const scope = read.getAttribute('scope')!;
  expect(scope).toEqual({ focus, label: 'Brightwake Shipping', nodes: graph.order, edges: graph.size, documents: graph.getAttribute('documents').length });
  const cited = new Set<string>();
  read.forEachNode((_n, a) => a.evidence.forEach((e) => cited.add(e.doc)));
  read.forEachEdge((_e, a) => a.evidence.forEach((e) => cited.add(e.doc)));
  expect(read.getAttribute('documents').map((d) => d.id).sort()).toEqual([...cited].sort());
  expect(read.getAttribute('documents').length).toBeLessThan(graph.getAttribute('documents').length);
});

test('a limit keeps the most connected neighbours', () => {
  const focus = defaultFocus(graph)!;
  const part = neighbourhoodGraph(graph, focus, 4);
  expect(part.order).toBe(4);
  const kept = part.nodes().filter((n) => n !== focus).map((n) => graph.degree(n));
  const left = graph.neighbors(focus).filter((n) => !part.hasNode(n)).map((n) => graph.degree(n));
  expect(Math.min(...kept)).toBeGreaterThanOrEqual(Math.max(...left));
  expect(() => neighbourhoodGraph(graph, 'person:nobody-at-all')).toThrow('no node "person:nobody-at-all"');
});

test('the default focus is the most connected entity', () => {
  const focus = defaultFocus(graph)!;
  expect(graph.getNodeAttribute(focus, 'kind')).not.toBe('claim');
  graph.forEachNode((n, a) => {
    if (a.kind !== 'claim') expect(graph.degree(n)).toBeLessThanOrEqual(graph.degree(focus));
  });
});

test('the search finds names, aliases and claim words, word starts included: the exact name, entities, claims, most connected first', () => {
  const search = nodeSearch(graph);
  const found = search('brightw');
  expect(found[0]!.label).toBe('Brightwake Shipping');
  const claimsFrom = found.findIndex((m) => m.kind === 'claim');
  expect(claimsFrom).toBeGreaterThan(0);
  expect(found.slice(claimsFrom).every((m) => m.kind === 'claim')).toBe(true);
  for (let i = claimsFrom + 1; i < found.length; i++) expect(found[i - 1]!.degree).toBeGreaterThanOrEqual(found[i]!.degree);
  expect(search('secret deal').some((m) => m.kind === 'claim')).toBe(true);
  expect(search('BRIGHTWAKE   shipping')[0]!.label).toBe('Brightwake Shipping');
  // every word must be there; a short word must be whole
  expect(search('brightwake zzzz')).toEqual([]);
  expect(search('br')).toEqual([]);
  expect(search('  ')).toEqual([]);
  expect(search('a', 3).length).toBeLessThanOrEqual(3);
});
