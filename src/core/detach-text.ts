/**
 * Strings kept long after the text they were read from.
 *
 * V8 makes a substring of 13 characters or more a view into its parent string (a "sliced
 * string"), which keeps the whole parent alive. A profile's title kept from its front-matter
 * would keep the whole file text, some 6 KB, for as long as the title lives: a first run over
 * 10,000 profiles then carried 60 MB of file texts through every garbage collection (copying
 * them to the old generation, then marking them) instead of letting each die with its file.
 */

/** V8 copies substrings shorter than this (SlicedString::kMinLength); they share no memory. */
const SHARES_BELOW = 13;

/**
 * `text`, equal, in memory of its own. The concatenation is flattened into a new string by
 * `slice`, whose result is a view into that copy only.
 */
export function detachText(text: string): string {
  return text.length < SHARES_BELOW ? text : ` ${text}`.slice(1);
}

/**
 * Detached strings, one per distinct value: labels, ids and names repeat across thousands of
 * profiles, so each is copied once and then shared (short ones too: they hold no parent, but one
 * copy per profile of "Kundfokus" or "analytics" made a first run keep 16 MB more at 10,000).
 */
export class TextPool {
  private readonly pool = new Map<string, string>();

  keep(text: string): string {
    // Short strings too: they are copies already, but one each per profile.
    let kept = this.pool.get(text);
    if (kept === undefined) {
      kept = detachText(text);
      this.pool.set(kept, kept);
    }
    return kept;
  }
}
