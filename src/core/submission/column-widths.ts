export interface ColumnSpec {
  heading: string;
  /** Fewest twips the column may have (e.g. so a date never wraps). */
  min?: number;
  /** Most twips the column may take, however long its text. */
  max?: number;
}

/** Roughly how wide one character is at the given size, in twips (1/20 pt), for a sans-serif font. */
const charTwips = (pointSize: number): number => pointSize * 20 * 0.6;
const CELL_PADDING = 230;

/**
 * Column widths (twips) that add up to `total`, fitted to the text: each column first gets
 * room for its longest word (so an e-mail address or a number never breaks mid-word) and its
 * heading's longest word, then the rest is shared by how much text each column holds.
 */
export function fitColumnWidths(columns: readonly ColumnSpec[], rows: readonly (readonly string[])[], total: number, pointSize = 9): number[] {
  const perChar = charTwips(pointSize);
  const longestWord = (text: string) => Math.max(0, ...text.split(/[\s\u200B]+/).map((w) => [...w].length));
  const floors = columns.map((column, i) => {
    const longest = Math.max(longestWord(column.heading), ...rows.map((r) => longestWord(r[i] ?? '')));
    const wanted = Math.max(column.min ?? 0, longest * perChar + CELL_PADDING);
    return Math.min(wanted, column.max ?? total / 3);
  });
  const floorSum = floors.reduce((a, b) => a + b, 0);
  if (floorSum >= total) return rounded(floors.map((f) => (f * total) / floorSum), total);
  // Text beyond what the floor already holds on one line, per column: that is what needs room.
  const demand = columns.map((column, i) => {
    const chars = rows.reduce((n, r) => n + [...(r[i] ?? '')].length, 0) / Math.max(1, rows.length);
    const capped = column.max === undefined ? Infinity : column.max - floors[i];
    return Math.max(0, Math.min(chars * perChar - floors[i], capped));
  });
  const spare = total - floorSum;
  const demandSum = demand.reduce((a, b) => a + b, 0);
  const widths = floors.map((f, i) => f + (demandSum > 0 ? (spare * demand[i]) / demandSum : spare / columns.length));
  return rounded(widths, total);
}

/** Whole twips that still add up to `total` exactly. */
function rounded(widths: number[], total: number): number[] {
  const whole = widths.map((w) => Math.max(1, Math.floor(w)));
  whole[whole.length - 1] += total - whole.reduce((a, b) => a + b, 0);
  return whole;
}
