import stringWidth from "string-width";
import wrapAnsi from "wrap-ansi";

/**
 * Text where every character is one column wide, as string-width measures it: printable Latin,
 * Greek and Cyrillic, general punctuation, currency signs, arrows, box drawing and geometric
 * shapes (the career ladder of `show`, table borders), the check mark of `compare` (U+2713) and the
 * return symbol ⏎ (U+23CE); not U+25FD–U+25FE, which can be emoji.
 * tests/unit/break-word.test.ts checks every code unit against string-width.
 */
export const NARROW_ONLY =
  /^[\u0020-\u007e\u00a0-\u02ff\u0370-\u03ff\u0400-\u04ff\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2190-\u21ff\u23ce\u2500-\u25fc\u2713]*$/;

/** Display width in terminal columns (wide CJK and emoji count 2, combining marks 0). */
export function displayWidth(text: string): number {
  // string-width runs a very large emoji pattern over the text; most text never needs it.
  if (NARROW_ONLY.test(text)) return text.length;
  return stringWidth(text);
}

/** Text followed by spaces up to `width` terminal columns (String#padEnd counts code units). */
export function padToWidth(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * NARROW_ONLY text without the Cyrillic combining marks U+0483–U+0489 (which NARROW_ONLY lets in,
 * as string-width gives them a column): in such text every code unit is one grapheme, one column.
 */
const ONE_UNIT_GRAPHEMES =
  /^[\u0020-\u007e\u00a0-\u02ff\u0370-\u03ff\u0400-\u0482\u048a-\u04ff\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2190-\u21ff\u23ce\u2500-\u25fc\u2713]*$/;

// Created on first use: setting up ICU's segmenter costs 10 ms or more of start-up.
let segmenter: Intl.Segmenter | undefined;

/** breakWord's general case: pieces made of whole graphemes, measured one by one. */
export function breakGraphemes(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  let pieceWidth = 0;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  for (const { segment } of segmenter.segment(word)) {
    const w = displayWidth(segment);
    if (pieceWidth + w > width && piece !== "") {
      pieces.push(piece);
      piece = "";
      pieceWidth = 0;
    }
    piece += segment;
    pieceWidth += w;
  }
  if (piece !== "") pieces.push(piece);
  return pieces;
}

/** Splits one over-long word into pieces no wider than `width`, never inside a grapheme. */
export function breakWord(word: string, width: number): string[] {
  // Most words (`csroles list` breaks ids at 80 columns) need no segmenter: cut every `width` units.
  if (!ONE_UNIT_GRAPHEMES.test(word)) return breakGraphemes(word, width);
  const step = Math.max(1, width);
  const pieces: string[] = [];
  for (let start = 0; start < word.length; start += step) pieces.push(word.slice(start, start + step));
  return pieces;
}

/** A word split after its hyphens ("customer-service-lead" → "customer-", "service-", "lead"). */
export function wordPieces(word: string): string[] {
  return word.match(/[^-]+-+|[^-]+$|-+/g) ?? [word];
}

/**
 * Wraps text to `width` columns on word boundaries (and after hyphens inside long words),
 * breaking words that are wider than a line. Existing newlines are kept; runs of white space
 * collapse. wrap-ansi wraps the words; placeWord places those it cannot.
 */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  // wrap-ansi returns its text in NFC; measuring and breaking long words on the same text keeps
  // every width as wrap-ansi measured it.
  return text.split("\n").flatMap((paragraph) => wrapParagraph(paragraph.normalize(), limit));
}

function wrapParagraph(paragraph: string, limit: number): string[] {
  // wrap-ansi breaks only at U+0020 and keeps a run of spaces as empty words: other white space
  // (tabs, no-break spaces) would stay inside a word.
  const words = paragraph.split(/\s+/).filter((word) => word !== "");
  // Most table cells fit their column: wrap-ansi would measure each word, and the line after each
  // word again, with string-width's emoji pattern (ten times our own cost for a cell).
  const whole = words.join(" ");
  if (displayWidth(whole) <= limit) return [whole];
  const lines: string[] = [];
  let line = "";
  // A word of no width (a lone combining mark, a zero-width space): wrap-ansi drops the space
  // before or after it, moving a mark onto the neighbouring letter ("a ́" became "á").
  if (words.some((word) => displayWidth(word) === 0)) {
    for (const word of words) line = placeWord(word, line, limit, lines);
    lines.push(line);
    return lines;
  }
  let fitting: string[] = [];
  // The words since the last long word, after what is already on the open line.
  const wrapFitting = () => {
    if (fitting.length === 0) return;
    const text = line === "" ? fitting.join(" ") : `${line} ${fitting.join(" ")}`;
    // Every word fits on a line, but the open line may hold one grapheme wider than the line
    // (placeWord): `hard` would cut it by code point.
    const rows = wrapAnsi(text, limit, { hard: false, trim: true, wordWrap: true }).split("\n");
    line = rows.pop() ?? "";
    lines.push(...rows);
    fitting = [];
  };
  for (const word of words) {
    if (displayWidth(word) <= limit) {
      fitting.push(word);
      continue;
    }
    wrapFitting();
    line = placeWord(word, line, limit, lines);
  }
  wrapFitting();
  lines.push(line);
  return lines;
}

/**
 * Places a word after the `open` line, pushing full lines to `lines`; returns the new open line.
 * For a word wider than a line, which wrap-ansi cannot place: it breaks only at spaces and counts
 * each break as a column (so "customer-service-" would not fill a 17-column line), and its `hard`
 * mode cuts by code point wherever the line is full, splitting emoji sequences and letters from
 * their marks. Here such a word breaks after its hyphens, the pieces following each other without
 * a space, and a piece still wider than a line into whole graphemes (breakWord). A word that fits
 * goes whole, to the next line if need be.
 */
function placeWord(word: string, open: string, limit: number, lines: string[]): string {
  let line = open;
  let lineWidth = displayWidth(line);
  (displayWidth(word) <= limit ? [word] : wordPieces(word)).forEach((piece, index) => {
    const pieceWidth = displayWidth(piece);
    const gap = line === "" || index > 0 ? 0 : 1;
    if (lineWidth + gap + pieceWidth <= limit) {
      line += (gap ? " " : "") + piece;
      lineWidth += gap + pieceWidth;
      return;
    }
    if (line !== "") lines.push(line);
    const cuts = pieceWidth <= limit ? [piece] : breakWord(piece, limit);
    line = cuts.pop() ?? "";
    lineWidth = displayWidth(line);
    lines.push(...cuts);
  });
  return line;
}

/** Wraps with a hanging indent: first line starts with `first`, the rest with spaces of equal width. */
export function wrapIndented(
  text: string,
  width: number,
  first: string,
  rest = " ".repeat(displayWidth(first)),
) {
  const firstWidth = Math.max(1, width - displayWidth(first));
  const restWidth = Math.max(1, width - displayWidth(rest));
  const [head, ...tail] = wrapText(text, firstWidth);
  if (firstWidth === restWidth || tail.length === 0) {
    return [head ?? "", ...tail].map((line, index) => (index === 0 ? first : rest) + line);
  }
  // The other lines have a different width: wrap what follows the first line again, joining
  // the pieces of words broken after a hyphen back together.
  const remainder = tail.reduce(
    (joined, line) => (joined === "" || joined.endsWith("-") ? joined + line : `${joined} ${line}`),
    "",
  );
  return [first + (head ?? ""), ...wrapText(remainder, restWidth).map((line) => rest + line)];
}
