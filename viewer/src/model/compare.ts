/**
 * A cheap, deterministic text order for the model's lists: case-insensitive code points, then exact code
 * points. localeCompare would load ICU collation data at the first call, a cost the first frame does not need.
 */
export function compareText(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
