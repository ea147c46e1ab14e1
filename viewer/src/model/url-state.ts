/**
 * The view's state in the page URL, so that a view can be shared and reloaded: the selected node, hidden
 * node and edge kinds, the search text, the open tab and the graph's URL. Pure: parse and print only.
 */

export interface ViewState {
  graph: string | null;
  node: string | null;
  hiddenNodeKinds: string[];
  hiddenEdgeKinds: string[];
  search: string;
  view: 'graph' | 'claims';
}

const list = (value: string | null): string[] => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);

/** Reads a state from a query string (`?node=...&hideNodes=claim,place`); unknown keys are ignored. */
export function parseViewState(query: string): ViewState {
  const params = new URLSearchParams(query);
  return {
    graph: params.get('graph') || null,
    node: params.get('node') || null,
    hiddenNodeKinds: list(params.get('hideNodes')).sort(),
    hiddenEdgeKinds: list(params.get('hideEdges')).sort(),
    search: params.get('q') ?? '',
    view: params.get('view') === 'claims' ? 'claims' : 'graph',
  };
}

/** Prints a state as a query string with stable key order; empty values are left out. */
export function printViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.graph) params.set('graph', state.graph);
  if (state.node) params.set('node', state.node);
  if (state.hiddenNodeKinds.length) params.set('hideNodes', [...state.hiddenNodeKinds].sort().join(','));
  if (state.hiddenEdgeKinds.length) params.set('hideEdges', [...state.hiddenEdgeKinds].sort().join(','));
  if (state.search) params.set('q', state.search);
  if (state.view !== 'graph') params.set('view', state.view);
  const text = params.toString();
  return text ? `?${text}` : '';
}
