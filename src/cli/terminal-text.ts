/**
 * claimgraph CLI: text from outside (file names, URLs, error messages that quote them) made safe to print on a
 * terminal. A file name may hold a line break (forging a second `claimgraph:` line), an escape sequence (moving
 * the cursor, retitling the window) or a bidirectional override (showing the name reversed); each is shown as
 * a visible escape instead.
 */

/** C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeOne = (c: string) => {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** `text` with every control or direction character written as an escape (`\n`, `\x1b`, `\u202e`). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}
