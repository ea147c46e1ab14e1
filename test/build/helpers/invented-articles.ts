/**
 * An invented collection of articles for the map/reduce tests: people and bodies that recur across articles (so
 * a merge has to join entities and claims that different shards found), a Markdown and an HTML page, a file that
 * cannot be built and two files with the same document id.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const story = (title: string, date: string, ...paragraphs: string[]) => `${title}\n\n${date}\n\n${paragraphs.join('\n\n')}\n`;

export const INVENTED_ARTICLES: Record<string, string> = {
  'ferry-fares.txt': story(
    'Ferry Fares Rise as Harbor Board Approves Budget',
    'April 2, 2031',
    'The Harbor Board said on Tuesday that ferry fares would rise by ten percent in June.',
    'Mayor Lena Ortiz denied that the increase was needed, and said the city could cover the shortfall.',
    '"We have looked at every other option," said Tomas Reyes, the chairman of the Harbor Board.',
  ),
  'ferry-strike.txt': story(
    'Ferry Crews Threaten Strike Over Fares',
    'April 9, 2031',
    'The Ferry Workers Union said on Monday that its members would strike if the fare increase went ahead.',
    'Tomas Reyes, the chairman of the Harbor Board, questioned whether a strike was legal under the current contract.',
    'According to the Coastal Ledger, talks between the union and the board broke down on Sunday.',
  ),
  'pier-repairs.md': `# Pier Repairs Delayed Again\n\nApril 15, 2031\n\nThe Harbor Board confirmed on Wednesday that repairs to the north pier would not start before autumn.\n\nMayor Lena Ortiz said the delay was "a failure of planning" and that the city would review the contract.\n`,
  'museum-grant.html':
    '<!doctype html><html><head><title>Maritime Museum Wins Grant</title><meta property="article:published_time" content="2031-04-20"></head><body><article>' +
    '<h1>Maritime Museum Wins Grant</h1><p>The Maritime Museum said on Thursday that it had won a grant of two million dollars to restore its oldest ship.</p>' +
    '<p>Director Ana Silva said the work would take three years. Mayor Lena Ortiz confirmed that the city would add half a million dollars.</p></article></body></html>',
  'school-meals.txt': story(
    'City Schools Extend Free Meals',
    'May 1, 2031',
    'The city school district said on Friday that free lunches would be offered through the summer.',
    'A district spokesman said the program would cost about four hundred thousand dollars.',
  ),
  'union-vote.txt': story(
    'Ferry Union Votes to Delay Strike',
    'May 6, 2031',
    'The Ferry Workers Union said on Tuesday that it would delay the strike for two weeks.',
    'Tomas Reyes said the Harbor Board welcomed the decision and denied that fares had been set in secret.',
  ),
  'council-audit.txt': story(
    'Council Orders Audit of Harbor Accounts',
    'May 12, 2031',
    'The city council said on Monday that it had ordered an audit of the Harbor Board accounts.',
    'Mayor Lena Ortiz said the audit would be finished by September.',
  ),
  'empty-draft.txt': '',
  'archive/ferry-fares.txt': story('Ferry Fares Draft', 'March 30, 2031', 'A draft that has the id of a published story.'),
};

/** Writes the articles under `dir` and returns their paths, relative to `dir`, in name order. */
export function writeInventedArticles(dir: string): string[] {
  for (const [name, text] of Object.entries(INVENTED_ARTICLES)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return Object.keys(INVENTED_ARTICLES).sort();
}
