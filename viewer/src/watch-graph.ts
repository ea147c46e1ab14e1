/**
 * Following a served graph that is rebuilt (`claimgraph start` watching its articles): the server answers
 * `graph-version` with a token that changes whenever the graph file does; the page asks every few seconds and
 * reopens the graph when it changed. A server that does not watch answers 204 (no content), and the page stops asking.
 */

/** How often the page asks, in ms: a rebuild takes seconds, so sooner buys nothing. */
export const WATCH_INTERVAL_MS = 2000;

/** The served graph's version token, or null when the server does not watch (or cannot be reached). */
async function graphVersion(url: string): Promise<string | null> {
  try {
    const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin' });
    if (response.status !== 200) return null;
    const body = (await response.json()) as { version?: unknown };
    return typeof body.version === 'string' ? body.version : null;
  } catch {
    return null;
  }
}

/**
 * Calls `changed` each time the served graph's version moves on, while `following()` holds. Returns a function
 * that stops watching.
 */
export function watchServedGraph(changed: () => Promise<void>, following: () => boolean, url = 'graph-version'): () => void {
  let last: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const tick = async () => {
    if (stopped || !following()) return;
    const version = await graphVersion(url);
    if (version === null) return; // no watching server: stop asking
    if (last !== null && version !== last) {
      // a graph that fails to open is the caller's to report; the next rebuild may mend it
      await changed().catch(() => undefined);
    }
    last = version;
    if (!stopped) timer = setTimeout(() => void tick(), WATCH_INTERVAL_MS);
  };
  void tick();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
