/**
 * claimgraph claims: quotation regions of a text. Curly and straight double quotes, paired within a paragraph;
 * a quote left open at a paragraph's end that the next paragraph reopens continues there (news convention).
 */

export interface QuoteRegion {
  /** offset of the opening quote mark */
  start: number;
  /** offset just past the closing quote mark, or the paragraph's end when the quote is left open */
  end: number;
  closed: boolean;
  /** index of the region this one continues (a quote reopened at the next paragraph), or -1 */
  continues: number;
}

const OPEN_CURLY = '\u201c';
const CLOSE_CURLY = '\u201d';
const STRAIGHT = '"';
const SPACE = /\s/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** One linear pass over the text. */
export function findQuotes(text: string): QuoteRegion[] {
  const regions: QuoteRegion[] = [];
  let open = -1; // offset of the open quote mark, or -1
  let openChar = '';
  let openContinues = -1;
  let pending = -1; // a quote left open at the end of the last non-empty paragraph
  let paragraphFirst = -1; // offset of the current paragraph's first visible character
  let paragraphContinues = -1;

  const begin = (at: number, c: string) => {
    open = at;
    openChar = c;
    openContinues = at === paragraphFirst ? paragraphContinues : -1;
  };
  const finish = (end: number, closed: boolean) => {
    regions.push({ start: open, end, closed, continues: openContinues });
    open = -1;
    openChar = '';
  };

  // the first visible character of the paragraph that starts at or after `from`: a quotation mark there may
  // continue the quotation the last paragraph left open
  const enterParagraph = (from: number) => {
    let j = from;
    while (j < text.length && SPACE.test(text[j]!)) j++;
    if (j >= text.length || j === paragraphFirst) return;
    const c = text[j]!;
    paragraphFirst = j;
    paragraphContinues = c === OPEN_CURLY || c === STRAIGHT || c === CLOSE_CURLY || (c === "'" && text[j + 1] === "'") ? pending : -1;
    pending = -1;
  };
  enterParagraph(0);

  // only line breaks and quotation marks matter: jump between them
  const interesting = /[\n"'`\u201c\u201d]/g;
  for (let m = interesting.exec(text); m; m = interesting.exec(text)) {
    const i = m.index;
    const c = text[i]!;
    if (c === '\n') {
      if (open >= 0) {
        finish(i, false);
        pending = regions.length - 1;
      }
      enterParagraph(i + 1);
      continue;
    }
    if ((c === "'" && text[i + 1] === "'") || (c === '`' && text[i + 1] === '`')) {
      // typewriter quotation marks: '' (either way) and `` (opening)
      if (open >= 0 && openChar === "''") finish(i + 2, true);
      else if (open < 0) begin(i, "''");
      interesting.lastIndex = i + 2;
      continue;
    }
    if (c === OPEN_CURLY) {
      if (open >= 0 && openChar === OPEN_CURLY) finish(i, false);
      if (open < 0) begin(i, c);
    } else if (c === CLOSE_CURLY) {
      if (open >= 0) finish(i + 1, true);
      else if (isWordStart(text, i + 1) && (i === 0 || SPACE.test(text[i - 1]!))) begin(i, c); // "”Fear. ...”"
    } else if (c === STRAIGHT) {
      // a straight mark closes a straight quotation, or a curly one that a careless text closes straight
      if (open >= 0 && (openChar === STRAIGHT || (openChar === OPEN_CURLY && !isWordStart(text, i + 1)))) finish(i + 1, true);
      else if (open < 0) begin(i, c);
    }
  }
  if (open >= 0) finish(text.length, false);
  return regions;
}

function isWordStart(text: string, at: number): boolean {
  const c = text[at];
  return c !== undefined && LETTER_OR_DIGIT.test(c);
}

/** The region that contains offset `at`, by binary search over regions sorted by start. */
export function quoteAt(regions: readonly QuoteRegion[], at: number): number {
  let lo = 0;
  let hi = regions.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid]!.start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found >= 0 && at < regions[found]!.end) return found;
  return -1;
}

/** The first region of the chain that region `i` belongs to (following `continues` back). */
export function chainStart(regions: readonly QuoteRegion[], i: number): number {
  let at = i;
  while (at >= 0 && regions[at]!.continues >= 0) at = regions[at]!.continues;
  return at;
}

/** The last region of the chain that region `i` belongs to: a continuation is always the very next region. */
export function chainEnd(regions: readonly QuoteRegion[], i: number): number {
  let at = i;
  while (at + 1 < regions.length && regions[at + 1]!.continues === at) at++;
  return at;
}
