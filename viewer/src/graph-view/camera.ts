/**
 * Camera moves: fit the visible graph (after a layout, at first draw) and frame a node's neighbourhood. The
 * target is measured in viewport pixels through Sigma's own projection, so the fit holds whatever the aspect
 * ratio of the canvas. Loops instead of Math.min(...xs): a node can have 150k neighbours, more arguments than
 * a call takes.
 */
import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';

export interface FitOptions {
  /** pixels kept free around the nodes */
  margin?: number;
  minRatio?: number;
  maxRatio?: number;
}

/** The camera that shows every given node (by key) inside the canvas, or null when none is drawn. */
export function cameraToFit(sigma: Sigma, nodes: Iterable<string>, options: FitOptions = {}): CameraState | null {
  const { margin = 40, minRatio = 0.03, maxRatio = 8 } = options;
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity, maxSize = 0;
  for (const node of nodes) {
    const d = sigma.getNodeDisplayData(node);
    if (!d || d.hidden) continue;
    if (d.x < minX) minX = d.x;
    if (d.x > maxX) maxX = d.x;
    if (d.y < minY) minY = d.y;
    if (d.y > maxY) maxY = d.y;
    if (d.size > maxSize) maxSize = d.size;
  }
  if (minX === Infinity) return null;
  const centre = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, angle: 0, ratio: 1 };
  // the box's size on screen at ratio 1; the screen size is inversely proportional to the ratio
  const a = sigma.framedGraphToViewport({ x: minX, y: minY }, { cameraState: centre });
  const b = sigma.framedGraphToViewport({ x: maxX, y: maxY }, { cameraState: centre });
  const { width, height } = sigma.getDimensions();
  const room = (n: number) => Math.max(1, n - 2 * (margin + maxSize));
  const ratio = Math.max(Math.abs(b.x - a.x) / room(width), Math.abs(b.y - a.y) / room(height));
  return { ...centre, ratio: Math.min(maxRatio, Math.max(minRatio, ratio)) };
}

/** Every node the renderer draws (its reducers decide: hidden kinds, stray nodes). */
export function* drawnNodes(sigma: Sigma): Generator<string> {
  for (const node of sigma.getGraph().nodes()) if (!sigma.getNodeDisplayData(node)?.hidden) yield node;
}

/** Moves (or, when `instant`, sets) the camera to `target`. */
export function moveCamera(sigma: Sigma, target: CameraState | null, instant: boolean): void {
  if (!target) return;
  const camera = sigma.getCamera();
  if (instant) camera.setState(target);
  else void camera.animate(target, { duration: 450 });
}
