import { foldText, foldWords } from "../fold-text.js";

/**
 * The form both index keys and queries are matched in: folded, invisible format characters
 * (soft hyphen, zero-width space, BOM…) removed, control characters and whitespace runs as one space.
 */
export function searchForm(text: string): string {
  return foldText(text.replace(/\p{Cf}/gu, ""))
    .replace(/[\s\p{Cc}]+/gu, " ")
    .trim();
}

/** The letter-and-digit words of text in search form ("problem-solving" → problem, solving). */
export function wordsOf(form: string): string[] {
  return form.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== "");
}

/** Folded with spaces and punctuation removed: "Help desk" = "helpdesk" = "Help-Desk". */
export function compactForm(text: string): string {
  return foldWords(text).replace(/ /g, "");
}

/** Running text as it is scanned for a term's words: its words in search form, space-padded (" a b "). */
export function textForm(text: string): string {
  return ` ${wordsOf(searchForm(text)).join(" ")} `;
}
