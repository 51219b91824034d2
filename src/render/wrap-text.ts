import stringWidth from "string-width";

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

function lengthOf(text: string): number {
  return text.length;
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
 * breaking words that are wider than a line. Existing newlines are kept; runs of spaces collapse.
 */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    // Every piece of a paragraph that is all one-column text is too: then width is length.
    const widthOf = NARROW_ONLY.test(paragraph) ? lengthOf : displayWidth;
    let line = "";
    let lineWidth = 0;
    const place = (token: string, glued: boolean) => {
      const tokenWidth = widthOf(token);
      const gap = line === "" || glued ? 0 : 1;
      if (lineWidth + gap + tokenWidth <= limit) {
        line += (gap ? " " : "") + token;
        lineWidth += gap + tokenWidth;
        return;
      }
      if (line !== "") lines.push(line);
      const pieces = tokenWidth <= limit ? [token] : breakWord(token, limit);
      line = pieces.pop() ?? "";
      lineWidth = widthOf(line);
      lines.push(...pieces);
    };
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      // A word that fits on a line goes whole, to the next line if need be: an id such as
      // customer-service-executive is split after its hyphens only when it is wider than a line.
      if (widthOf(word) <= limit) {
        place(word, false);
        continue;
      }
      wordPieces(word).forEach((piece, index) => {
        place(piece, index > 0);
      });
    }
    lines.push(line);
  }
  return lines;
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
