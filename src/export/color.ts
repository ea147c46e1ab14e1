/**
 * claimgraph export: colors as red, green and blue channels. Gephi's GraphML importer and every GEXF reader but
 * Gephi (networkx 2.8 and 3.x, graphology-gexf) read a color from r, g and b, not from a hex string.
 */

/** Red, green and blue of a #rgb or #rrggbb color; undefined for any other text. */
export function hexToRgb(color: string): { r: number; g: number; b: number } | undefined {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!match?.[1]) return undefined;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join('') : match[1];
  return { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16) };
}
