import { editDistance } from "./edit-distance.js";
import { roleNames } from "./find-role.js";
import { foldWords } from "./fold-text.js";
import type { LoadedRole } from "./profile.js";
import type { VocabularyIndex } from "./vocabulary.js";

/** How a role matched what was typed, best first; "all" when nothing was typed. */
export const MATCH_KINDS = ["exact", "prefix", "substring", "fuzzy", "all"] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** A role with its names folded once, so ranking on every keystroke does no folding of names. */
export interface RankableRole {
  role: LoadedRole;
  /** Folded names: first its own (id, titles, aliases), then its position's labels in every language. */
  names: { name: string; own: boolean }[];
  /** Folded title as written: the order of roles that match equally well. */
  titleKey: string;
}

export interface RankedRole {
  role: LoadedRole;
  match: MatchKind;
  /** Edit distance of a fuzzy match; 0 for the other kinds. */
  distance: number;
  /** Whether the name matched is the role's own (id, title, alias) rather than its position's. */
  own: boolean;
}

type Match = Omit<RankedRole, "role">;

export function rankableRoles(roles: LoadedRole[], vocabulary: VocabularyIndex): RankableRole[] {
  return roles.map((role) => {
    const { id, title, title_en, aliases } = role.profile;
    const own = new Set([id, title, title_en, ...aliases].map(foldWords));
    const all = new Set(roleNames(role, vocabulary).map(foldWords));
    const names = [...own, ...[...all].filter((name) => !own.has(name))]
      .filter((name) => name !== "")
      .map((name) => ({ name, own: own.has(name) }));
    return { role, names, titleKey: foldWords(title) };
  });
}

const compact = (text: string) => text.replace(/ /g, "");

/** Typos allowed for a query of this many letters: none below 4, one up to 7, then two. */
export function fuzzyLimit(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/**
 * How well one folded name fits the folded query. Prefix means the name or any word in it
 * starts with the query, or every query word starts a word of the name ("cust lead");
 * fuzzy compares the query with the name, its words and its beginning, allowing a few typos.
 */
function matchName(query: string, name: string): Omit<Match, "own"> | undefined {
  if (name === query || compact(name) === compact(query)) return { match: "exact", distance: 0 };
  const words = name.split(" ");
  const queryWords = query.split(" ");
  if (
    name.startsWith(query) ||
    words.some((word) => word.startsWith(query)) ||
    (queryWords.length > 1 && queryWords.every((q) => words.some((word) => word.startsWith(q))))
  ) {
    return { match: "prefix", distance: 0 };
  }
  if (compact(name).includes(compact(query))) return { match: "substring", distance: 0 };
  const typed = compact(query);
  const limit = fuzzyLimit(typed.length);
  if (limit === 0) return undefined;
  const whole = compact(name);
  const candidates = [whole, ...words];
  for (let length = typed.length - limit; length <= typed.length + limit; length++) {
    if (length > 0 && length < whole.length) candidates.push(whole.slice(0, length));
  }
  const distance = Math.min(...candidates.map((candidate) => editDistance(typed, candidate, limit)));
  return distance <= limit ? { match: "fuzzy", distance } : undefined;
}

const KIND_ORDER = new Map(MATCH_KINDS.map((kind, index) => [kind, index]));

/**
 * Ranks roles for what was typed: exact names first, then prefixes, substrings, and near
 * misses (fewest typos first); within each, a match on the role's own names before one on its
 * position's labels in other languages, then in order of title. Case and diacritics are
 * ignored ("kundtjanst" finds Kundtjänst…). Nothing typed lists every role by title.
 */
export function rankRoles(query: string, roles: readonly RankableRole[]): RankedRole[] {
  const folded = foldWords(query);
  const ranked: (RankedRole & { titleKey: string })[] = [];
  for (const { role, names, titleKey } of roles) {
    if (folded === "") {
      ranked.push({ role, match: "all", distance: 0, own: true, titleKey });
      continue;
    }
    let best: Match | undefined;
    for (const { name, own } of names) {
      const found = matchName(folded, name);
      if (found && (!best || compareMatch({ ...found, own }, best) < 0)) best = { ...found, own };
    }
    if (best) ranked.push({ role, ...best, titleKey });
  }
  ranked.sort(
    (a, b) =>
      compareMatch(a, b) ||
      compareText(a.titleKey, b.titleKey) ||
      compareText(a.role.profile.id, b.role.profile.id),
  );
  return ranked.map(({ titleKey: _, ...rankedRole }) => rankedRole);
}

function compareMatch(a: Match, b: Match): number {
  return (
    (KIND_ORDER.get(a.match) ?? 0) - (KIND_ORDER.get(b.match) ?? 0) ||
    a.distance - b.distance ||
    Number(b.own) - Number(a.own)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
