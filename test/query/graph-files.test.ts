/**
 * Graph files the contract must refuse, or read, with the file's name in the message (issue: hostile graph
 * files): duplicate edge keys, edges against the file's own options, empty evidence, a newer schema version, a
 * byte-order mark, and node keys JavaScript objects reserve ("__proto__").
 */
import { writeFileSync } from 'node:fs';
import { miniGraph } from '../fixtures/mini-graph';
import { writeGraphFile } from './helpers';
import { loadGraph } from '../../src/query';
import { graphFromJsonText } from '../../src/graph/load';
import { GraphContractError } from '../../src/graph/schema';

type Serialized = ReturnType<ReturnType<typeof miniGraph>['export']>;

function refusal(edit: (g: Serialized) => void): string {
  const data = miniGraph().export();
  edit(data);
  try {
    graphFromJsonText(JSON.stringify(data), 'hostile.json');
  } catch (err) {
    expect(err).toBeInstanceOf(GraphContractError);
    return (err as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('graph files the contract refuses', () => {
  it('names a duplicate edge key', () => {
    const message = refusal((g) => {
      g.edges[1]!.key = g.edges[0]!.key;
    });
    expect(message).toMatch(/^hostile\.json: not a claimgraph graph: .*edge ".*" appears twice/);
  });

  it('names edges that break the file\'s own options', () => {
    expect(refusal((g) => (g.options = { ...g.options, type: 'directed' }))).toMatch(/undirected, in a graph whose options say directed/);
    expect(
      refusal((g) => {
        g.options = { ...g.options, multi: false };
        g.edges.push({ ...g.edges[0]!, key: 'copy' });
      }),
    ).toMatch(/a second edge between/);
  });

  it('refuses an empty evidence span and a schema version newer than it reads', () => {
    expect(
      refusal((g) => {
        const e = (g.nodes[0]!.attributes as { evidence: { start: number; end: number }[] }).evidence[0]!;
        e.end = e.start;
      }),
    ).toMatch(/is empty/);
    expect(refusal((g) => ((g.attributes as { schemaVersion: number }).schemaVersion = 99))).toMatch(/schemaVersion 99 is newer than this claimgraph reads/);
  });
});

describe('graph files the readers take', () => {
  it('reads a file that starts with a byte-order mark', async () => {
    const path = writeGraphFile();
    writeFileSync(path, '\ufeff' + JSON.stringify(miniGraph().export()));
    const q = await loadGraph(path);
    expect(q.stats().nodes.total).toBe(miniGraph().order);
  });

  it('refuses a node keyed "__proto__" or "constructor" before graphology could write it into Object.prototype', () => {
    for (const reserved of ['__proto__', 'constructor']) {
      const message = refusal((g) => {
        const first = g.nodes[0]!.key;
        g.nodes[0]!.key = reserved;
        for (const e of g.edges) {
          if (e.source === first) e.source = reserved;
          if (e.target === first) e.target = reserved;
        }
      });
      expect(message).toContain(`node key "${reserved}" is a name JavaScript objects reserve`);
    }
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
