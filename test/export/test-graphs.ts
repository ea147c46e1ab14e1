/**
 * Graphs and scratch files shared by the export tests: the mini fixture as a contract-checked ClaimGraph,
 * the list of graphs every round trip runs over, and a temp folder to write exports into.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphFromJson, type ClaimGraph } from '../../src/graph/load';
import { miniGraph } from '../fixtures/mini-graph';
import { nastyGraph } from './nasty-graph';

/** The hand-made fixture, loaded as the CLI would load it. */
export const miniClaimGraph = (): ClaimGraph => graphFromJson(miniGraph().export(), 'mini graph');

/** Every round trip runs over these: a realistic graph and one whose strings try to break each format. */
export const TEST_GRAPHS: [string, () => ClaimGraph][] = [['mini graph', miniClaimGraph], ['nasty graph', nastyGraph]];

/** A fresh temp folder; the returned function writes a file into it and returns its path. */
export function fileSaver(prefix: string): (name: string, content: string) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
}
