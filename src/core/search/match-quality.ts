// How well a query term matches an index key: the quality scale every search result is ranked on.

/** Fuse's Bitap threshold: 0 needs an exact substring, 1 matches anything. Tuned on the real names. */
export const FUSE_THRESHOLD = 0.3;
/** Matches below this quality are dropped as noise (a short word buried in a long name). */
export const MIN_QUALITY = 0.65;
/**
 * Quality of a term found in running text (a responsibility's text, a skill note): below
 * MIN_QUALITY, so every match on a name or label ranks before every match in text.
 */
export const TEXT_QUALITY = 0.5;
/** Within one term, matches this much worse than the term's best are dropped ("empati" ≠ "email"). */
export const RELATIVE_CUTOFF = 0.25;
/**
 * Match quality from fuse's score (0 = perfect) and how much of the name the term covers, so that
 * "team" is a weaker hit on "teamwork" than "teamwork" is. 1 only for a name equal to the term.
 */
export function matchQuality(term: string, key: string, fuseScore: number): number {
  if (term === key) return 1;
  return Math.min(0.99, round2((1 - fuseScore) * coverageFactor(term, key)));
}

export function coverageFactor(term: string, key: string): number {
  return 0.5 + (0.5 * Math.min(term.length, key.length)) / Math.max(term.length, key.length);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function bigrams(text: string): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) pairs.push(text.slice(i, i + 2));
  return pairs;
}

/**
 * True when `key` may hold a match of `term` within fuse's error budget. By the q-gram lemma a
 * substring within k edits of the term shares at least length − 1 − 2k of its bigrams, so this drops
 * no match of a term up to 32 characters (fuse's Bitap word); a longer term, which fuse matches in
 * 32-character chunks, must share that many with one name as a whole. It keeps Bitap, slow on long
 * patterns, away from names that cannot match.
 */
export function mayMatch(term: string, termBigrams: string[], key: string): boolean {
  // Even a perfect fuse score cannot lift a name this much shorter or longer to MIN_QUALITY.
  if (term !== key && round2(coverageFactor(term, key)) < MIN_QUALITY) return false;
  const needed = term.length - 1 - 2 * Math.floor(FUSE_THRESHOLD * term.length);
  if (needed <= 0) return true;
  let shared = 0;
  for (let i = 0; i < termBigrams.length; i++) {
    if (key.includes(termBigrams[i] as string) && ++shared >= needed) return true;
    if (shared + termBigrams.length - 1 - i < needed) return false;
  }
  return false;
}
