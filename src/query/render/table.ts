/**
 * claimgraph query: aligned plain-text tables. Columns are padded to their widest cell; on a terminal, long
 * text columns are cut to a width with an ellipsis (the --json output always holds the full text).
 */

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** cut cells longer than the table's `textWidth` (for free-text columns: claims, sentences) */
  text?: boolean;
}

export interface TableOptions {
  /** widest a text column may be; no limit when absent */
  textWidth?: number;
}

export function truncate(value: string, width: number | undefined): string {
  if (width === undefined || value.length <= width) return value;
  return width <= 1 ? value.slice(0, width) : `${value.slice(0, width - 1)}…`;
}

/** The table as lines: a header, a rule, then one line per row; trailing spaces trimmed. */
export function formatTable(columns: Column[], rows: string[][], options: TableOptions = {}): string {
  const cells = rows.map((row) =>
    columns.map((column, i) => {
      const value = (row[i] ?? '').replace(/\s+/g, ' ');
      return column.text ? truncate(value, options.textWidth) : value;
    }),
  );
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((value, i) => (columns[i]!.align === 'right' ? value.padStart(widths[i]!) : value.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
