/**
 * claimgraph export: the registry of export formats. Each format is one entry that turns a graph into named files;
 * the CLI and the builder go through it, so adding a format is adding an entry.
 */
import type { ClaimGraph } from '../graph/load';
import { writeCsv } from './csv';
import { writeCypher } from './cypher';
import { writeGexf, type GexfVersion } from './gexf';
import { writeGraphml } from './graphml';
import { writeJsonLd } from './jsonld';
import { writeNeo4jAdmin } from './neo4j-admin';

export { writeGexf, GEXF_VERSIONS, type GexfVersion } from './gexf';
export { writeGraphml } from './graphml';
export { writeCsv } from './csv';
export { writeCypher } from './cypher';
export { writeJsonLd, claimsJsonLd, JSONLD_CONTEXT } from './jsonld';
export { writeNeo4jAdmin, ARRAY_DELIMITER } from './neo4j-admin';

export interface ExportFile {
  /** file name the format suggests (graph.gexf, nodes.csv, ...) */
  name: string;
  content: string;
}

export interface ExportOptions {
  /** GEXF only: '1.3' (default) or '1.2' */
  gexfVersion?: GexfVersion;
}

export interface ExportFormat {
  /** one line for --help and the docs */
  description: string;
  /** --out always names a folder (created if missing) that the files go in under their own names */
  folder?: boolean;
  write(graph: ClaimGraph, options: ExportOptions): ExportFile[];
}

export const EXPORT_FORMATS = {
  gexf: {
    description: 'GEXF 1.3 (or --gexf-version 1.2) for Gephi, Gephi Lite and networkx',
    write: (graph, options) => [{ name: 'graph.gexf', content: writeGexf(graph, { version: options.gexfVersion ?? '1.3' }) }],
  },
  graphml: {
    description: 'GraphML for networkx, yEd, Cytoscape and Gephi',
    write: (graph) => [{ name: 'graph.graphml', content: writeGraphml(graph) }],
  },
  csv: {
    description: 'nodes.csv and edges.csv for spreadsheets and Gephi\'s spreadsheet import',
    write: (graph) => {
      const { nodes, edges } = writeCsv(graph);
      return [{ name: 'nodes.csv', content: nodes }, { name: 'edges.csv', content: edges }];
    },
  },
  cypher: {
    description: 'a Cypher script that loads the graph into Neo4j (cypher-shell -f)',
    write: (graph) => [{ name: 'graph.cypher', content: writeCypher(graph) }],
  },
  'neo4j-admin': {
    description: "documents.csv, nodes.csv and relationships.csv for Neo4j's bulk importer (neo4j-admin database import full)",
    folder: true,
    write: (graph) => {
      const { documents, nodes, relationships } = writeNeo4jAdmin(graph);
      return [{ name: 'documents.csv', content: documents }, { name: 'nodes.csv', content: nodes }, { name: 'relationships.csv', content: relationships }];
    },
  },
  jsonld: {
    description: 'every claim as a schema.org Claim in JSON-LD',
    write: (graph) => [{ name: 'claims.jsonld', content: writeJsonLd(graph) }],
  },
} as const satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormatName[];

/** Whether `format` writes into a folder whatever --out looks like (its files only make sense together). */
export const writesFolder = (format: ExportFormatName): boolean => (EXPORT_FORMATS[format] as ExportFormat).folder === true;

export const isExportFormat = (name: string): name is ExportFormatName => Object.hasOwn(EXPORT_FORMATS, name);

/** Exports `graph` in `format`: one file for most formats, two for csv, three for neo4j-admin. */
export function exportGraph(graph: ClaimGraph, format: ExportFormatName, options: ExportOptions = {}): { files: ExportFile[] } {
  return { files: EXPORT_FORMATS[format].write(graph, options) };
}
