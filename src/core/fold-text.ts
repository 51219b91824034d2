/**
 * Folds text for matching: lower case, composed and decomposed forms alike, diacritics removed,
 * and the Nordic letters that Unicode does not decompose (æ, ø) spelled out, so that
 * "kundtjanst" matches "Kundtjänst", "raesentant" matches "ræsentant" and "tolmodighet" "tølmodighet".
 */
const SPELLED_OUT: Record<string, string> = {
  æ: "ae",
  ø: "o",
  œ: "oe",
  ß: "ss",
  đ: "d",
  ð: "d",
  þ: "th",
  ł: "l",
  ı: "i",
};

const COMBINING_MARKS = /\p{M}+/gu;
const SPELLED_OUT_PATTERN = /[æøœßđðþłı]/g;

export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(COMBINING_MARKS, "")
    .replace(SPELLED_OUT_PATTERN, (letter) => SPELLED_OUT[letter] ?? letter);
}

/** Folded text reduced to letters and digits separated by single spaces. */
export function foldWords(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
