/**
 * The viewer application: one graph at a time, with its renderer, legend, search, side panel, claims list,
 * Disputes view, layout and export controls, and the view state (camera included) mirrored in the URL. Opening another
 * graph rebuilds it all; closing it empties every part of the page that showed it.
 */
import type Sigma from 'sigma';
import type { ClaimGraph } from '../../src/graph/load';
import type { Evidence, GraphScope } from '../../src/graph/schema';
import { claimRows, documentIndex, type ClaimRow } from './model/claims';
import { articleList, dateBounds, hiddenArticles, outOfArticles, type Article } from './model/articles';
import { timelineDays } from './model/timeline';
import { disputeElements, disputeEvidence, disputeList, shownDisputes, type Dispute } from './model/disputes';
import { buildLegend, strayNodes } from './model/filters';
import { buildSearchIndex } from './model/search';
import { printViewState, roundCamera, type CameraView, type ViewState } from './model/url-state';
import { edgeEvidence } from './model/edge-evidence';
import { edgeNoteLine } from './model/edge-notes';
import { caption } from './model/caption';
import { createRenderer, neighbourhood, type FocusState } from './graph-view/renderer';
import { LayoutControls } from './graph-view/layout';
import { exportGexf, exportJson } from './graph-view/export';
import { cameraToFit, drawnNodes, moveCamera } from './graph-view/camera';
import { downloadPublicationImage, shownCounts } from './graph-view/image';
import { renderLegend } from './ui/legend';
import { renderDisputePanel, renderPanel, type PanelActions } from './ui/panel';
import { showEvidence, type DocumentText } from './ui/evidence-view';
import { SearchBox } from './ui/search-box';
import { ClaimsTable } from './ui/claims-table';
import { DisputesList } from './ui/disputes-list';
import { renderArticleList } from './ui/article-list';
import { renderTimeline } from './ui/timeline';
import { Tooltip } from './ui/tooltip';
import { renderScopeBar, type ScopeActions } from './ui/scope-bar';
import { byId, clear } from './ui/dom';

/** Camera moves come in bursts (a drag, an animation): the URL follows once they settle. */
const CAMERA_URL_DELAY_MS = 250;

export interface AppElements {
  graph: HTMLElement;
  legend: HTMLElement;
  panel: HTMLElement;
  evidence: HTMLElement;
  claims: HTMLElement;
  search: HTMLInputElement;
  suggestions: HTMLElement;
  tooltip: HTMLElement;
  /** the graph's name in the toolbar */
  title: HTMLElement;
  articles: HTMLElement;
  timeline: HTMLElement;
  disputes: HTMLElement;
  /** the number of disputes, on the Disputes tab */
  disputesCount: HTMLElement;
  /** the bar over a graph that is a part (a neighbourhood) of a larger one */
  scope: HTMLElement;
}

export class App {
  graph: ClaimGraph | null = null;
  sigma: Sigma | null = null;
  private layout: LayoutControls | null = null;
  private documents = new Map<string, DocumentText>();
  private graphUrl: string | null = null;
  private readonly focus: FocusState = { hovered: null, selected: null, marked: new Set(), highlight: null, visibility: { hiddenNodeKinds: new Set(), hiddenEdgeKinds: new Set() } };
  private searchText = '';
  private view: ViewState['view'] = 'graph';
  private camera: CameraView | null = null;
  private cameraTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly searchBox: SearchBox;
  private readonly table: ClaimsTable;
  private readonly tooltip: Tooltip;
  private articles: Article[] = [];
  /** articles hidden one by one, and the date range: together they say which articles show */
  private readonly articleFilter: { hidden: Set<string>; since: string | null; until: string | null } = { hidden: new Set(), since: null, until: null };
  private rows: ClaimRow[] = [];
  private disputes: Dispute[] = [];
  /** the dispute chosen in the Disputes view (or from a claim's panel); a node selection clears it */
  private selectedDispute: Dispute | null = null;
  private readonly disputesList: DisputesList;
  /** searching the whole graph and opening a neighbourhood of it, when the server sends a large graph by parts */
  parts: ScopeActions | null = null;

  constructor(private readonly ui: AppElements) {
    this.searchBox = new SearchBox(ui.search, ui.suggestions, (node) => this.select(node, { camera: true }), (q) => { this.searchText = q; this.syncUrl(); });
    this.tooltip = new Tooltip(ui.tooltip);
    this.table = new ClaimsTable(ui.claims, (row) => this.chooseRow(row), (row) => {
      this.focus.hovered = row?.claim ?? null;
      this.sigma?.refresh({ skipIndexation: true });
    });
    this.disputesList = new DisputesList(ui.disputes, (d) => this.chooseDispute(d.key, { camera: true }));
  }

  private get hiddenNodeKinds(): Set<string> { return this.focus.visibility.hiddenNodeKinds as Set<string>; }
  private get hiddenEdgeKinds(): Set<string> { return this.focus.visibility.hiddenEdgeKinds as Set<string>; }
  private get visibility(): { hideStray?: boolean; stray?: ReadonlySet<string>; strayShown?: ReadonlySet<string> } { return this.focus.visibility; }

  /** Shows `graph`, restoring the given state (filters, selection, search, tab) where it applies. */
  open(graph: ClaimGraph, graphUrl: string | null, state: ViewState): void {
    this.close();
    this.graph = graph;
    this.graphUrl = graphUrl;
    this.documents = documentIndex(graph);
    this.hiddenNodeKinds.clear();
    this.hiddenEdgeKinds.clear();
    for (const k of state.hiddenNodeKinds) this.hiddenNodeKinds.add(k);
    for (const k of state.hiddenEdgeKinds) this.hiddenEdgeKinds.add(k);
    // stray nodes are hidden by default (strayNodes leaves none when nothing else would be left to see)
    this.visibility.stray = strayNodes(graph);
    this.visibility.hideStray = !state.showStray;
    this.searchText = state.search;
    this.ui.search.value = state.search;
    this.searchBox.setIndex(buildSearchIndex(graph));
    // the selection is known before the renderer draws its first frame, so that frame is already right
    const selected = state.node && graph.hasNode(state.node) ? state.node : null;
    this.focus.selected = selected;
    this.focus.marked = selected === null ? new Set() : new Set([selected]);
    this.sigma = createRenderer(graph, this.ui.graph, () => this.focus);
    this.layout = new LayoutControls(graph, this.sigma);
    this.sigma.on('enterNode', ({ node, event }) => {
      this.focus.hovered = node;
      this.ui.graph.style.cursor = 'pointer';
      this.tooltip.show(graph, node, event.x, event.y);
      this.sigma?.refresh({ skipIndexation: true });
    });
    this.sigma.on('leaveNode', () => {
      this.focus.hovered = null;
      this.ui.graph.style.cursor = '';
      this.tooltip.hide();
      this.sigma?.refresh({ skipIndexation: true });
    });
    this.sigma.on('clickNode', ({ node }) => this.select(node, { camera: false }));
    this.sigma.on('clickStage', () => this.select(null, { camera: false }));
    this.sigma.on('enterEdge', () => { this.ui.graph.style.cursor = 'pointer'; });
    this.sigma.on('leaveEdge', () => { this.ui.graph.style.cursor = ''; });
    this.sigma.on('clickEdge', ({ edge }) => this.openEdge(edge));
    this.sigma.getCamera().on('updated', () => this.cameraMoved());
    this.layout.onPositions = (running) => this.fitView(running ? 'follow' : 'animate');
    this.rows = claimRows(graph);
    this.table.setRows(() => this.rows);
    this.disputes = disputeList(graph);
    this.ui.disputesCount.textContent = this.disputes.length ? String(this.disputes.length) : '';
    this.articles = articleList(graph);
    // only articles the graph holds: a shared URL may name some of another graph
    const ids = new Set(this.articles.map((a) => a.id));
    this.articleFilter.hidden = new Set(state.hiddenArticles.filter((id) => ids.has(id)));
    this.articleFilter.since = state.since;
    this.articleFilter.until = state.until;
    this.applyArticles(false);
    this.renderLegend();
    this.setView(state.view);
    this.select(selected, { camera: state.camera === null, instant: true, redraw: false });
    // a shared dispute, unless the URL also names a node (choosing a node ends a dispute's selection)
    if (selected === null && state.dispute !== null) this.chooseDispute(state.dispute, { camera: state.camera === null, instant: true });
    if (state.camera) this.sigma.getCamera().setState({ ...state.camera, angle: 0 });
    else if (selected === null && this.selectedDispute === null) this.fitView('instant');
    renderScopeBar(this.ui.scope, this.scope, { nodes: graph.order, edges: graph.size }, this.parts);
  }

  /** What the graph is a part of, when it is a neighbourhood of a larger one. */
  get scope(): GraphScope | undefined {
    return this.graph?.getAttribute('scope');
  }

  /** Stops the graph's renderer and layout and empties what showed it: title, legend, panel, evidence, list. */
  close(): void {
    this.tooltip.hide();
    this.layout?.kill();
    this.sigma?.kill();
    if (this.cameraTimer !== null) clearTimeout(this.cameraTimer);
    this.cameraTimer = null;
    this.camera = null;
    this.layout = null;
    this.sigma = null;
    this.graph = null;
    this.focus.hovered = null;
    this.focus.selected = null;
    this.focus.marked = new Set();
    this.focus.highlight = null;
    this.focus.visibility.outOfArticles = undefined;
    this.articles = [];
    this.rows = [];
    this.disputes = [];
    this.selectedDispute = null;
    for (const part of [this.ui.title, this.ui.legend, this.ui.panel, this.ui.evidence, this.ui.articles, this.ui.timeline, this.ui.disputesCount, this.ui.scope]) clear(part);
    this.ui.scope.hidden = true;
    this.ui.evidence.hidden = true;
    this.table.setRows(() => []);
    this.disputesList.setDisputes([], 0);
  }

  /** Selects a node (null clears): panel, highlighted rows, URL; optionally moves the camera to it. */
  select(node: string | null, options: { camera: boolean; instant?: boolean; redraw?: boolean }): void {
    const graph = this.graph;
    if (!graph) return;
    this.focus.selected = node;
    this.focus.marked = node === null ? new Set() : new Set([node]);
    this.focus.highlight = null;
    this.selectedDispute = null;
    this.disputesList.select(null);
    this.visibility.strayShown = node !== null && this.visibility.stray?.has(node) ? neighbourhood(graph, node) : undefined;
    this.ui.evidence.hidden = true;
    renderPanel(this.ui.panel, graph, node, this.documents, this.panelActions(), this.disputes);
    this.table.mark(node);
    // drawn first: the camera fits what the reducers now show (a stray node shows once selected)
    if (options.redraw ?? true) this.sigma?.refresh({ skipIndexation: true });
    if (node !== null && options.camera) this.moveCameraTo(node, options.instant ?? false);
    this.syncUrl();
  }

  private panelActions(): PanelActions {
    return {
      select: (next) => this.select(next, { camera: true }),
      evidence: (heading, evidence, key, focus) => this.showEvidence(heading, evidence, key, focus),
      disputes: (list, key) => this.openDisputes(list, key, true),
      chooseDispute: (key) => this.chooseDispute(key, { camera: true }),
      ...(this.scope && this.parts ? { neighbourhood: { focus: this.scope.focus, open: this.parts.open } } : {}),
    };
  }

  /**
   * Selects a dispute (by its key; false when the graph has none by that key): the graph lights up its speakers,
   * claims and edges and fades the rest, the panel shows its sides, both sides' evidence opens, the URL keeps it.
   */
  chooseDispute(key: string, options: { camera: boolean; instant?: boolean }): boolean {
    const graph = this.graph;
    const dispute = this.disputes.find((d) => d.key === key);
    if (!graph || !dispute) return false;
    this.focus.selected = null;
    this.focus.marked = new Set();
    this.selectedDispute = dispute;
    const lit = disputeElements([dispute]);
    this.focus.highlight = lit;
    // a speaker with one claim is a stray node, hidden by default: the dispute shows whole all the same
    this.visibility.strayShown = lit.nodes;
    renderDisputePanel(this.ui.panel, graph, dispute, this.documents, this.panelActions());
    this.table.mark(null);
    this.disputesList.select(key);
    this.sigma?.refresh({ skipIndexation: true });
    // a dispute is a handful of nodes: framed with room around it, not zoomed in on
    if (options.camera) this.moveCameraOver(lit.nodes, options.instant ?? false, 0.3);
    this.openDisputes([dispute], `dispute:${key}`, false);
    this.syncUrl();
    return true;
  }

  /** Both sides' evidence of `disputes`, lit up in the graph (and framed, with `camera`); the panel stays as it is. */
  private openDisputes(disputes: readonly Dispute[], itemKey: string, camera: boolean): void {
    const { heading, evidence, focus } = disputeEvidence(disputes);
    const lit = disputeElements(disputes);
    this.showEvidence(heading, evidence, itemKey, focus, lit);
    if (camera) this.moveCameraOver(lit.nodes, false, 0.3);
  }

  /** Centres the camera on `node` and zooms so that its whole neighbourhood is in view. */
  private moveCameraTo(node: string, instant: boolean): void {
    if (this.graph) this.moveCameraOver(neighbourhood(this.graph, node), instant);
  }

  private moveCameraOver(nodes: Iterable<string>, instant: boolean, minRatio = 0.08): void {
    if (!this.sigma) return;
    // labels run beside their nodes: the margin leaves them room; never wider than the whole graph
    moveCamera(this.sigma, cameraToFit(this.sigma, nodes, { margin: 90, minRatio, maxRatio: 1 }), instant);
  }

  /**
   * Frames every drawn node: at first draw, when stray nodes are shown or hidden, and after the layout
   * moved nodes ('follow' while it runs, with a short move so that it keeps up).
   */
  private fitView(how: 'instant' | 'animate' | 'follow'): void {
    if (!this.sigma) return;
    const target = cameraToFit(this.sigma, drawnNodes(this.sigma));
    if (how === 'follow' && target) void this.sigma.getCamera().animate(target, { duration: 200 });
    else moveCamera(this.sigma, target, how === 'instant');
  }

  /** The camera settled somewhere: keep it for the URL, written once the moves stop. */
  private cameraMoved(): void {
    if (this.cameraTimer !== null) clearTimeout(this.cameraTimer);
    this.cameraTimer = setTimeout(() => {
      this.cameraTimer = null;
      const state = this.sigma?.getCamera().getState();
      if (!state) return;
      this.camera = roundCamera(state);
      this.syncUrl();
    }, CAMERA_URL_DELAY_MS);
  }

  /**
   * Opens evidence under the panel. `highlight`: what to light up in the graph (disputes); else the selected
   * dispute's own, if one is selected, stays lit.
   */
  private showEvidence(heading: string, evidence: Evidence[], key: string, focus: Evidence[] = [], highlight?: FocusState['highlight']): void {
    // the evidence's edge stands out in the graph: both its ends are marked
    const graph = this.graph;
    const lit = highlight ?? (this.selectedDispute ? disputeElements([this.selectedDispute]) : null);
    const redraw = lit !== this.focus.highlight;
    this.focus.highlight = lit;
    if (graph?.hasEdge(key)) {
      const marked = new Set(graph.extremities(key));
      if (this.focus.selected !== null) marked.add(this.focus.selected);
      this.focus.marked = marked;
      this.sigma?.refresh({ skipIndexation: true });
    } else if (redraw) this.sigma?.refresh({ skipIndexation: true });
    for (const item of this.ui.panel.querySelectorAll<HTMLElement>('[data-item]')) item.classList.toggle('active', item.dataset.item === key);
    for (const item of this.ui.timeline.querySelectorAll<HTMLElement>('[data-row]')) item.classList.toggle('active', item.dataset.row === key);
    for (const item of this.ui.panel.querySelectorAll<HTMLElement>('.link-button[data-item]')) item.classList.toggle('active', item.dataset.item === key);
    const note = graph?.hasEdge(key) ? edgeNoteLine(graph.getEdgeAttributes(key)) : '';
    showEvidence(this.ui.evidence, heading, evidence, this.documents, { focus, note });
    this.ui.evidence.scrollIntoView({ block: 'nearest' });
  }

  /**
   * A click on an edge: its evidence, with the panel on one of its ends (the selection when it is one); a
   * `contradicts` edge selects its first dispute.
   */
  openEdge(edge: string): void {
    const graph = this.graph;
    if (!graph?.hasEdge(edge)) return;
    const dispute = this.disputes.find((d) => d.edge === edge);
    if (dispute && this.chooseDispute(dispute.key, { camera: false })) return;
    const ends = graph.extremities(edge);
    if (this.focus.selected === null || !ends.includes(this.focus.selected)) this.select(ends[0], { camera: false });
    const { heading, evidence, focus } = edgeEvidence(graph, edge);
    this.showEvidence(heading, evidence, edge, focus);
  }

  /** A row of the claims list: select its claim in the graph and open the row's evidence. */
  private chooseRow(row: ClaimRow): void {
    this.select(row.claim, { camera: true });
    const heading = row.speaker ? `${row.speakerLabel} ${row.stance ?? ''}: “${row.claimText}”` : `“${row.claimText}”`;
    this.showEvidence(heading, row.evidence, row.key, row.focus);
  }

  private renderLegend(): void {
    if (!this.graph) return;
    const stray = { count: this.visibility.stray?.size ?? 0, shown: !this.visibility.hideStray };
    renderLegend(this.ui.legend, buildLegend(this.graph), this.hiddenNodeKinds, this.hiddenEdgeKinds, stray, {
      toggleNodeKind: (kind, visible) => {
        if (visible) this.hiddenNodeKinds.delete(kind);
        else this.hiddenNodeKinds.add(kind);
        this.filtersChanged();
      },
      toggleEdgeKinds: (kinds, visible) => {
        for (const kind of kinds) {
          if (visible) this.hiddenEdgeKinds.delete(kind);
          else this.hiddenEdgeKinds.add(kind);
        }
        this.filtersChanged();
      },
      toggleStray: (visible) => {
        this.visibility.hideStray = !visible;
        this.filtersChanged();
        // they sit in rows under the graph: the frame grows to take them in, or shrinks to the rest
        this.fitView('animate');
      },
    });
  }

  /**
   * The article list and the date range changed (or a graph opened): which nodes and edges that leaves out,
   * the list, the timeline, and, unless opening, a new frame and URL.
   */
  private applyArticles(redraw = true): void {
    const graph = this.graph;
    if (!graph) return;
    const filter = this.articleFilter;
    const hidden = hiddenArticles(this.articles, filter);
    this.focus.visibility.outOfArticles = outOfArticles(graph, hidden);
    renderArticleList(this.ui.articles, this.articles, filter, {
      toggle: (id, visible) => {
        if (visible) filter.hidden.delete(id);
        else filter.hidden.add(id);
        this.applyArticles();
      },
    });
    const titles = new Map(this.articles.map((a) => [a.id, a.title]));
    this.disputesList.setDisputes(shownDisputes(this.disputes, this.focus.visibility.outOfArticles.edges), this.disputes.length);
    renderTimeline(this.ui.timeline, timelineDays(this.rows, this.articles, hidden), titles, { since: filter.since, until: filter.until, bounds: dateBounds(this.articles) }, {
      choose: (row) => this.chooseRow(row),
      range: (since, until) => {
        filter.since = since;
        filter.until = until;
        this.applyArticles();
      },
    });
    if (!redraw) return;
    this.sigma?.refresh({ skipIndexation: true });
    this.syncUrl();
  }

  private filtersChanged(): void {
    this.renderLegend();
    this.sigma?.refresh({ skipIndexation: true });
    this.syncUrl();
  }

  setView(view: ViewState['view']): void {
    this.view = view;
    document.body.dataset.view = view;
    for (const tab of document.querySelectorAll<HTMLElement>('[data-view-tab]')) tab.setAttribute('aria-pressed', String(tab.dataset.viewTab === view));
    this.ui.claims.hidden = view !== 'claims';
    this.table.setShown(view === 'claims');
    this.ui.disputes.hidden = view !== 'disputes';
    this.disputesList.setShown(view === 'disputes');
    // the graph keeps its place; sigma learns its container's new size and draws again (resizing a
    // canvas clears it, and a resize alone does not draw)
    requestAnimationFrame(() => this.sigma?.refresh());
    this.syncUrl();
  }

  toggleLayout(): boolean { return this.layout?.toggle() ?? false; }
  untangle(): void { this.layout?.untangle(); }
  /** A publication image: the whole graph or the current view, at twice the resolution, titled, with the legend. */
  exportPng(mode: 'whole' | 'view' = 'whole'): Promise<void> {
    const { sigma, graph } = this;
    if (!sigma || !graph) return Promise.resolve();
    const name = this.ui.title.textContent ?? '';
    const legend = buildLegend(graph);
    const shownNodes = legend.nodes.filter((e) => !this.hiddenNodeKinds.has(e.kind));
    const shownEdges = legend.edges.flatMap((g) => g.entries).filter((e) => !this.hiddenEdgeKinds.has(e.kind));
    const exported = new Date().toISOString().slice(0, 10);
    const file = `${(name.replace(/\.(json|gexf)$/i, '') || 'claimgraph').replace(/[^\p{L}\p{N}._-]+/gu, '-')}-${mode === 'view' ? 'view' : 'graph'}.png`;
    return downloadPublicationImage(sigma, { mode, caption: caption(graph, name), legend: { nodes: shownNodes, edges: shownEdges }, counts: shownCounts(sigma, graph), exported }, file);
  }
  exportJson(): void { if (this.graph) exportJson(this.graph, this.focus.visibility); }
  exportGexf(): void { if (this.graph) exportGexf(this.graph, this.focus.visibility); }

  currentState(): ViewState {
    return {
      graph: this.graphUrl,
      node: this.focus.selected,
      hiddenNodeKinds: [...this.hiddenNodeKinds].sort(),
      hiddenEdgeKinds: [...this.hiddenEdgeKinds].sort(),
      showStray: !this.visibility.hideStray,
      camera: this.camera,
      search: this.searchText,
      view: this.view,
      hiddenArticles: [...this.articleFilter.hidden].sort(),
      since: this.articleFilter.since,
      until: this.articleFilter.until,
      dispute: this.selectedDispute?.key ?? null,
      focus: this.scope?.focus ?? null,
    };
  }

  private syncUrl(): void {
    if (!this.graph) return;
    const query = printViewState(this.currentState());
    history.replaceState(null, '', `${location.pathname}${query}`);
  }
}

export function appElements(): AppElements {
  return {
    graph: byId('graph'),
    legend: byId('legend'),
    panel: byId('panel-content'),
    evidence: byId('evidence'),
    claims: byId('claims-view'),
    search: byId<HTMLInputElement>('search'),
    suggestions: byId('suggestions'),
    tooltip: byId('tooltip'),
    title: byId('graph-name'),
    articles: byId('articles'),
    timeline: byId('timeline'),
    disputes: byId('disputes-view'),
    disputesCount: byId('disputes-count'),
    scope: byId('scope'),
  };
}
