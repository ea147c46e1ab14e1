/**
 * claimgraph query: asks a graph file the questions of the query API (src/query) and prints the answer as an
 * aligned table, or as JSON with --json. Nothing found or an unknown name: a clear message and exit 1.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { GraphContractError, QUOTING_KINDS } from '../graph/schema';
import { badDateMessage, isIsoDate } from '../query/dates';
import {
  AmbiguousNameError,
  ATTRIBUTIONS,
  claimsFromFile,
  GraphFileError,
  loadGraph,
  NameNotFoundError,
  QueryArgumentError,
  type Attribution,
  type ClaimFilter,
  type GraphQueries,
} from '../query';
import { terminalSafe } from './terminal-text';
import { renderClaims, renderDisputes, renderEntity, renderNeighbors, renderPath, renderSpeakers, renderStats, type RenderOptions } from '../query/render/text';

export const DEFAULT_GRAPH = 'graph-data/graph.json';

/** On a terminal, free-text columns are cut to this width, so that a table of several of them fits a window. */
const TERMINAL_TEXT_WIDTH = 60;
/**
 * Piped output (less, grep, a file) has no window to fit, yet an uncut evidence sentence can run to thousands of
 * characters and makes every line of its table as long; this bound keeps lines readable. --max-width 0 lifts it.
 */
const PIPED_TEXT_WIDTH = 100;

interface GlobalOptions {
  graph: string;
  json?: boolean;
  maxWidth?: number;
}

type Question<T> = (
  | { answer(queries: GraphQueries): T }
  /** a question answered from the file itself, which may read less of it than the whole graph */
  | { answerFile(path: string): Promise<T> }
) & {
  render(value: T, options: RenderOptions): string;
  /** why the answer counts as "nothing matches", or undefined when it holds something */
  empty?(value: T): string | undefined;
};

const fail = (message: string, code: number) => {
  process.stderr.write(`claimgraph query: ${message}\n`);
  process.exitCode = code;
};

/** The width free-text columns are cut to: --max-width (0: no limit), else the default for where stdout goes. */
export function textWidth(maxWidth: number | undefined, isTerminal: boolean): number | undefined {
  if (maxWidth === 0) return undefined;
  return maxWidth ?? (isTerminal ? TERMINAL_TEXT_WIDTH : PIPED_TEXT_WIDTH);
}

/** Loads the graph, asks, prints; turns the query layer's errors into one message and an exit code. */
async function ask<T>(command: Command, question: Question<T>): Promise<void> {
  const options = command.optsWithGlobals<GlobalOptions>();
  try {
    const value = 'answerFile' in question ? await question.answerFile(options.graph) : question.answer(await loadGraph(options.graph));
    const emptiness = question.empty?.(value);
    if (options.json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    else if (!emptiness) {
      process.stdout.write(`${question.render(value, { textWidth: textWidth(options.maxWidth, process.stdout.isTTY === true) })}\n`);
    }
    if (emptiness) fail(emptiness, 1);
  } catch (err) {
    if (err instanceof QueryArgumentError) return fail(err.message, 2);
    if (err instanceof NameNotFoundError || err instanceof AmbiguousNameError || err instanceof GraphFileError || err instanceof GraphContractError) {
      return fail(err.message, 1);
    }
    throw err;
  }
}

/** `query claims` options: the API's filter, with commander's `--no-beliefs` default spelled out */
type ClaimOptions = Omit<ClaimFilter, 'beliefs'> & { beliefs: boolean };

function parseProbability(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !(n >= 0 && n <= 1)) throw new InvalidArgumentError('expected a number from 0 to 1.');
  return n;
}

function parseWidth(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number of characters (0 for no limit).');
  return n;
}

/** A date option checked at once, so a bad date is a usage error with the option's name in it. */
function parseDate(option: string) {
  return (value: string): string => {
    if (!isIsoDate(value)) throw new InvalidArgumentError(badDateMessage(option, value).replace(`${option}: `, ''));
    return value;
  };
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return n;
}

const describeFilter = (o: Partial<ClaimOptions>) =>
  [
    o.by && `by "${o.by}"`,
    o.stance && `with stance ${o.stance}`,
    o.about && `about "${o.about}"`,
    o.doc && `in document "${o.doc}"`,
    o.minConfidence !== undefined && `with confidence at least ${o.minConfidence}`,
    o.quoted && `quoted ${o.quoted}`,
    o.unnamed && 'from unnamed sources',
    o.beliefs === false && 'without beliefs',
    o.since && `since ${o.since}`,
    o.until && `until ${o.until}`,
  ]
    .filter(Boolean)
    .join(' ');

export function registerQuery(program: Command): void {
  const query = program
    .command('query')
    .description('ask a graph questions: claims, disputes, entity, neighbors, path, speakers, stats (see docs/queries.md)')
    .option('--graph <file>', 'the graph file to read', DEFAULT_GRAPH)
    .option('--json', 'print the result as JSON (shapes in docs/queries.md)')
    .option('--max-width <n>', `cut free-text columns to n characters; 0 for no limit (default ${TERMINAL_TEXT_WIDTH} on a terminal, ${PIPED_TEXT_WIDTH} when piped)`, parseWidth);

  query
    .command('claims')
    .description('claims with speaker, stance, text, document and evidence sentence')
    .option('--by <name>', 'only claims of this speaker or outlet')
    .addOption(new Option('--stance <stance>', 'only this stance').choices(ATTRIBUTIONS))
    .option('--about <name>', 'only claims about this entity')
    .option('--doc <id>', 'only attributions found in this document')
    .option('--min-confidence <p>', "only speakers' claims the model is at least this sure of (0 to 1)", parseProbability)
    .addOption(new Option('--quoted <how>', 'only claims quoted this way').choices(QUOTING_KINDS))
    .option('--unnamed', 'only unnamed sources ("officials", "a source")')
    .option('--no-beliefs', 'leave out beliefs and intentions ("X believes P", "X wants P")')
    .option('--since <date>', 'only articles dated on or after this day (YYYY-MM-DD); undated articles are left out', parseDate('--since'))
    .option('--until <date>', 'only articles dated on or before this day (YYYY-MM-DD); undated articles are left out', parseDate('--until'))
    .addOption(new Option('--sort <order>', 'row order: reading (document, then offset) or date (undated last)').choices(['reading', 'date']).default('reading'))
    .action(async (o: ClaimOptions, command: Command) =>
      ask(command, {
        // --by reads the graph's sidecar index when it has one that fits (src/query/indexed.ts)
        answerFile: async (path) => {
          const found = await claimsFromFile(path, { ...o, unnamed: o.unnamed ? true : undefined });
          if (found.indexProblem) process.stderr.write(`claimgraph query: note: ${terminalSafe(found.indexProblem)}; read the whole graph instead\n`);
          return found.rows;
        },
        render: renderClaims,
        empty: (rows) => (rows.length ? undefined : `no claims ${describeFilter(o)}`.trimEnd()),
      }),
    );

  query
    .command('disputes')
    .description('pairs of speakers on opposite sides of a claim, with both claims, stances, dates and evidence sentences')
    .option('--about <name>', 'only disputes whose claims are about this entity')
    .action(async (o: { about?: string }, command: Command) =>
      ask(command, {
        answer: (q) => q.disputes(o),
        render: renderDisputes,
        empty: (rows) => (rows.length ? undefined : o.about === undefined ? 'no disputes: no two speakers take opposite sides of a claim in this graph' : `no disputes about "${o.about}"`),
      }),
    );

  query
    .command('entity')
    .description('an entity: kind, aliases, mentions, claims made, claims about it, relations')
    .argument('<name>', 'label, alias or key')
    .action(async (name: string, _o: unknown, command: Command) => ask(command, { answer: (q) => q.entity(name), render: renderEntity }));

  query
    .command('neighbors')
    .description('nodes within N hops (edges followed either way)')
    .argument('<name>', 'label, alias or key of the start node')
    .option('--depth <n>', 'how many hops', parsePositive, 1)
    .option('--kind <kind>', 'list only nodes of this kind (agency, person, claim, ...)')
    .action(async (name: string, o: { depth: number; kind?: string }, command: Command) =>
      ask(command, {
        answer: (q) => q.neighbors(name, o),
        render: renderNeighbors,
        empty: (rows) => (rows.length ? undefined : `no ${o.kind ?? 'node'} within ${o.depth} hop${o.depth === 1 ? '' : 's'} of "${name}"`),
      }),
    );

  query
    .command('path')
    .description('a shortest path between two nodes, each edge with its kind and evidence')
    .argument('<from>', 'label, alias or key')
    .argument('<to>', 'label, alias or key')
    .action(async (from: string, to: string, _o: unknown, command: Command) =>
      ask(command, {
        answer: (q) => q.path(from, to),
        render: (result, options) => renderPath(result!, options),
        empty: (result) => (result ? undefined : `no path joins "${from}" and "${to}"`),
      }),
    );

  query
    .command('speakers')
    .description('who made how many claims, by stance')
    .action(async (_o: unknown, command: Command) =>
      ask(command, {
        answer: (q) => q.speakers(),
        render: renderSpeakers,
        empty: (rows) => (rows.length ? undefined : 'the graph holds no attributed claims'),
      }),
    );

  query
    .command('stats')
    .description('counts by kind, most central entities (degree, PageRank), communities (Louvain)')
    .option('--top <n>', 'how many central entities and communities to list', parsePositive, 10)
    .action(async (o: { top: number }, command: Command) => ask(command, { answer: (q) => q.stats(o), render: renderStats }));
}
