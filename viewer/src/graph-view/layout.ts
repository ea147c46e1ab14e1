/**
 * Layout controls: ForceAtlas2 running in a web worker (start/stop), and noverlap to move overlapping nodes
 * apart. The precomputed layout is drawn first; these only refine it on request. Whoever shows the graph
 * hears when positions moved (onPositions), so the camera can follow the nodes instead of losing them.
 */
import type Graph from 'graphology';
import type Sigma from 'sigma';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import noverlap from 'graphology-layout-noverlap';

/** How often the camera catches up with a running layout. */
const FOLLOW_MS = 500;

export class LayoutControls {
  /** created on first use: a worker costs time at page load that most views never need */
  private fa2: FA2Layout | null = null;
  private follow: ReturnType<typeof setInterval> | null = null;
  /** called while ForceAtlas2 runs (running: true), when it stops and after untangling (false) */
  onPositions: (running: boolean) => void = () => {};

  constructor(
    private readonly graph: Graph,
    private readonly sigma: Sigma,
  ) {}

  private worker(): FA2Layout {
    if (!this.fa2) {
      const settings = forceAtlas2.inferSettings(this.graph);
      this.fa2 = new FA2Layout(this.graph, { settings: { ...settings, barnesHutOptimize: this.graph.order > 500, adjustSizes: false } });
    }
    return this.fa2;
  }

  isRunning(): boolean {
    return this.fa2?.isRunning() ?? false;
  }

  /** Starts ForceAtlas2 when stopped and stops it when running; returns whether it now runs. */
  toggle(): boolean {
    const fa2 = this.worker();
    if (fa2.isRunning()) this.stop();
    else {
      fa2.start();
      this.follow = setInterval(() => this.onPositions(true), FOLLOW_MS);
    }
    return fa2.isRunning();
  }

  stop(): void {
    if (this.follow !== null) clearInterval(this.follow);
    this.follow = null;
    if (!this.fa2?.isRunning()) return;
    this.fa2.stop();
    this.onPositions(false);
  }

  /**
   * Pushes overlapping nodes apart. Noverlap works in graph units while sizes are screen pixels, so sizes
   * are converted with the current zoom, and each node counts as wide as a short label.
   */
  untangle(): void {
    this.stop();
    const { width } = this.sigma.getDimensions();
    const extent = this.graphExtent();
    const pixelsToGraph = (extent / Math.max(width, 1)) * this.sigma.getCamera().ratio;
    noverlap.assign(this.graph, {
      maxIterations: 120,
      inputReducer: (_key, attrs) => ({ x: Number(attrs.x), y: Number(attrs.y), size: (Number(attrs.size ?? 4) + 18) * pixelsToGraph }),
      outputReducer: (_key, pos) => ({ x: pos.x, y: pos.y }),
      settings: { margin: 4 * pixelsToGraph, ratio: 1, speed: 3 },
    });
    this.onPositions(false);
  }

  kill(): void {
    if (this.follow !== null) clearInterval(this.follow);
    this.follow = null;
    this.fa2?.kill();
    this.fa2 = null;
  }

  private graphExtent(): number {
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    this.graph.forEachNode((_n, a) => {
      minX = Math.min(minX, Number(a.x)); maxX = Math.max(maxX, Number(a.x));
      minY = Math.min(minY, Number(a.y)); maxY = Math.max(maxY, Number(a.y));
    });
    return Math.max(maxX - minX, maxY - minY, 1);
  }
}
