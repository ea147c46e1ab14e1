/**
 * The view's state in the page URL, so that a view can be shared and reloaded: the selected node, hidden
 * node and edge kinds, whether stray nodes show, the camera, the search text, the open tab, the articles
 * hidden and the date range, the selected dispute, the neighbourhood shown of a graph sent by parts, and the graph's URL. Pure: parse and print only.
 */
import { isIsoDate } from '../../../src/query/dates';

/** Sigma's camera in its framed graph space (ratio 1 shows the whole graph); rotation is not used. */
export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export const VIEWS = ['graph', 'claims', 'disputes'] as const;
export type ViewName = (typeof VIEWS)[number];

export interface ViewState {
  graph: string | null;
  node: string | null;
  hiddenNodeKinds: string[];
  hiddenEdgeKinds: string[];
  /** stray nodes (alone, or in a pair) are hidden unless asked for: see model/filters.ts */
  showStray: boolean;
  camera: CameraView | null;
  search: string;
  /** the list under the graph: none, the claims list or the Disputes view */
  view: ViewName;
  /** ids of the articles hidden in the article list */
  hiddenArticles: string[];
  /** the date range, ISO days, inclusive; null for an open end */
  since: string | null;
  until: string | null;
  /** the selected dispute's key (model/disputes.ts), when a dispute rather than a node is selected */
  dispute: string | null;
  /** the node whose neighbourhood is shown, when the server sends a large graph by parts */
  focus: string | null;
}

/** An ISO day from the URL, or null: a hand-edited URL with a bad date opens with that end of the range open. */
const day = (value: string | null): string | null => (value && isIsoDate(value) ? value : null);

const list = (value: string | null): string[] => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);

/** Enough digits for a position that looks the same after a reload, few enough to keep the URL short. */
const CAMERA_DIGITS = 5;

/** `x,y,ratio` with finite numbers and a positive ratio, or null. */
function parseCamera(value: string | null): CameraView | null {
  if (!value) return null;
  const parts = value.split(',');
  if (parts.length !== 3 || parts.some((p) => p.trim() === '')) return null;
  const [x, y, ratio] = parts.map(Number) as [number, number, number];
  if (![x, y, ratio].every(Number.isFinite) || ratio <= 0) return null;
  return { x, y, ratio };
}

/** Rounded, and -0 made 0 (it prints as 0 and reads back as 0). */
const round = (n: number): number => Number(n.toFixed(CAMERA_DIGITS)) + 0;

/** The camera as it will read back from the URL. */
export const roundCamera = (c: CameraView): CameraView => ({ x: round(c.x), y: round(c.y), ratio: round(c.ratio) || 10 ** -CAMERA_DIGITS });

/** Reads a state from a query string (`?node=...&hideNodes=claim,place`); unknown keys are ignored. */
export function parseViewState(query: string): ViewState {
  const params = new URLSearchParams(query);
  return {
    graph: params.get('graph') || null,
    node: params.get('node') || null,
    hiddenNodeKinds: list(params.get('hideNodes')).sort(),
    hiddenEdgeKinds: list(params.get('hideEdges')).sort(),
    showStray: params.get('stray') === 'show',
    camera: parseCamera(params.get('cam')),
    search: params.get('q') ?? '',
    view: (VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as ViewName) : 'graph',
    // one parameter per article: a document id may hold a comma
    hiddenArticles: params.getAll('hideDoc').filter(Boolean).sort(),
    since: day(params.get('since')),
    until: day(params.get('until')),
    dispute: params.get('dispute') || null,
    focus: params.get('focus') || null,
  };
}

/** Prints a state as a query string with stable key order; empty values are left out. */
export function printViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.graph) params.set('graph', state.graph);
  if (state.node) params.set('node', state.node);
  if (state.hiddenNodeKinds.length) params.set('hideNodes', [...state.hiddenNodeKinds].sort().join(','));
  if (state.hiddenEdgeKinds.length) params.set('hideEdges', [...state.hiddenEdgeKinds].sort().join(','));
  if (state.showStray) params.set('stray', 'show');
  if (state.camera) {
    const c = roundCamera(state.camera);
    params.set('cam', `${c.x},${c.y},${c.ratio}`);
  }
  if (state.search) params.set('q', state.search);
  if (state.view !== 'graph') params.set('view', state.view);
  for (const id of [...state.hiddenArticles].sort()) params.append('hideDoc', id);
  if (state.since) params.set('since', state.since);
  if (state.until) params.set('until', state.until);
  if (state.dispute) params.set('dispute', state.dispute);
  if (state.focus) params.set('focus', state.focus);
  const text = params.toString();
  return text ? `?${text}` : '';
}
