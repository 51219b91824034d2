// fuse.js/basic has no extended search, so ^ $ ! ' = | in a query are plain characters.
import Fuse from "fuse.js/basic";
import { EmptyInputError, InputTooLongError } from "../domain-errors.js";
import { closestMatches, editDistance } from "../edit-distance.js";
import type { Language, SearchableRole } from "../profile.js";
import type { VocabularyIndex } from "../vocabulary.js";
import { entryOf, roleCount, rolesOf } from "./index-roles.js";
import {
  bigrams,
  FUSE_THRESHOLD,
  MIN_QUALITY,
  matchQuality,
  mayMatch,
  RELATIVE_CUTOFF,
  TEXT_QUALITY,
} from "./match-quality.js";
import { TEXT_FIELDS } from "./running-texts.js";
import { compactForm, searchForm, wordsOf } from "./search-forms.js";
import {
  buildSearchIndex,
  type ConceptRef,
  conceptKey,
  getOrCreate,
  type HitKind,
  type MatchField,
  type NameSource,
  type RoleUse,
  type SearchIndex,
  WORD_QUALITY,
} from "./search-index.js";

export const SEARCH_SCOPES = ["skills", "tools", "roles", "positions", "responsibilities", "all"] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];

const SCOPE_KINDS: Record<SearchScope, HitKind[]> = {
  skills: ["skill"],
  tools: ["tool"],
  roles: ["role"],
  positions: ["position"],
  responsibilities: ["responsibility"],
  all: ["role", "position", "responsibility", "skill", "tool"],
};

/** Longer queries are refused; the limit only bounds the work (the longest blns string is 269). */
export const MAX_QUERY_LENGTH = 500;
/** A run of words is one term when it matches a name at least this well ("time management"). */
export const PHRASE_QUALITY = 0.8;
/** Longest run of words tried as one phrase. */
export const MAX_PHRASE_WORDS = 6;

export interface SearchOptions {
  scope: SearchScope;
  /** Language of concept and category labels. */
  labelLang: Language;
  /** Most concepts returned; all when absent. */
  limit?: number;
  /** Most roles listed per concept returned (a terminal table shows only a few); all when absent. */
  rolesPerHit?: number;
}

/** A role that has the concept found: id, title as written, English title, language, its own labels. */
export type RoleHit = RoleUse;

/** One concept found, with the roles that have it; also its JSON shape (docs/search.md). */
export interface SearchHit {
  kind: HitKind;
  id: string;
  /** The concept's label in the label language; a role's title, an unmapped area's heading, as written. */
  label: string;
  /**
   * Tools: the category the profiles list the tool under (when they differ, the first loaded
   * profile's; each role's own is in roles[].category); skills have none.
   */
  category: { id: string; label: string } | null;
  /** 0-1, 1 = a name of the concept equals the term (after folding). */
  quality: number;
  /** The query terms that found it, in query order. */
  terms: string[];
  /** The name, as written, that matched the best term best. */
  matched: string;
  /** Where that name comes from; "category" when the term named the tool's category. */
  matched_via: NameSource | "category";
  /** Which field of the roles `matched` is (a title, a responsibility's text, a skill note…). */
  matched_field: MatchField;
  roles: RoleHit[];
}

/** How the query was split, and what each term found. */
export interface TermReport {
  term: string;
  hits: number;
}

export interface SearchOutcome {
  terms: TermReport[];
  /** Concepts found before --limit. */
  total: number;
  hits: SearchHit[];
  /** Names close to the query, as written, when nothing was found. */
  suggestions: string[];
  /** For each hit, how many roles have it (hit.roles may list fewer, under rolesPerHit). */
  roleCounts: number[];
}

interface Match {
  concept: ConceptRef;
  quality: number;
  matched: string;
  via: NameSource | "category";
  field: MatchField;
}

const VIA_RANK: Record<Match["via"], number> = { label: 0, name: 1, alias: 2, profile: 3, category: 4 };

function better(a: Match, b: Match): boolean {
  return a.quality > b.quality || (a.quality === b.quality && VIA_RANK[a.via] < VIA_RANK[b.via]);
}

const FUSE_OPTIONS = {
  includeScore: true,
  threshold: FUSE_THRESHOLD,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  minMatchCharLength: 2,
  isCaseSensitive: true,
} as const;

/** The text whose form holds position `at` of the joined forms: the last start at or before it. */
function textAt(starts: Int32Array, at: number): number {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Checks a query before any data is loaded: an empty or over-long query is refused. */
export function checkQuery(query: string): string {
  const trimmed = query.trim();
  if (trimmed === "") throw new EmptyInputError("query");
  if ([...trimmed].length > MAX_QUERY_LENGTH) throw new InputTooLongError("query", MAX_QUERY_LENGTH);
  return trimmed;
}

/** Searches the skills and tools of loaded profiles; build once per run, query many times. */
export class SkillToolSearch {
  /** Every word of every name, to decide which runs of query words are worth trying as phrases. */
  private nameWordSet: Set<string> | undefined;

  constructor(
    readonly index: SearchIndex,
    private readonly vocabulary: VocabularyIndex,
  ) {}

  /** Made on first use: a one-word query never needs it (and a warm search is mostly start-up). */
  private get nameWords(): Set<string> {
    this.nameWordSet ??= new Set([
      ...this.index.keys.flatMap((k) => wordsOf(k.key)),
      ...[...this.index.categoryNames.values()].flatMap((c) => wordsOf(searchForm(c.text))),
    ]);
    return this.nameWordSet;
  }

  static fromRoles(roles: SearchableRole[], vocabulary: VocabularyIndex): SkillToolSearch {
    return new SkillToolSearch(buildSearchIndex(roles, vocabulary), vocabulary);
  }

  search(query: string, options: SearchOptions): SearchOutcome {
    const trimmed = checkQuery(query);
    const kinds = new Set<HitKind>(SCOPE_KINDS[options.scope]);
    const words = searchForm(trimmed)
      .split(" ")
      .filter((w) => w !== "");
    const found = new Map<string, { best: Match; terms: string[] }>();
    const terms: TermReport[] = [];
    for (const { term, matches } of this.segment(words, kinds)) {
      terms.push({ term, hits: matches.size });
      for (const [key, match] of matches) {
        const entry = found.get(key);
        if (!entry) found.set(key, { best: match, terms: [term] });
        else {
          if (!entry.terms.includes(term)) entry.terms.push(term);
          if (better(match, entry.best)) entry.best = match;
        }
      }
    }
    // Ranked on the concepts alone; the roles are resolved only for the hits returned.
    const ranked = [...found.values()].map(({ best, terms }) => ({
      best,
      terms,
      hit: this.hit(best, terms, options.labelLang),
      roleCount: roleCount(this.index, best.concept),
    }));
    ranked.sort(
      (a, b) =>
        b.hit.quality - a.hit.quality ||
        VIA_RANK[a.hit.matched_via] - VIA_RANK[b.hit.matched_via] ||
        b.roleCount - a.roleCount ||
        a.hit.label.localeCompare(b.hit.label, "en") ||
        a.hit.id.localeCompare(b.hit.id, "en"),
    );
    const returned = options.limit === undefined ? ranked : ranked.slice(0, options.limit);
    for (const { hit, best } of returned)
      hit.roles = rolesOf(this.index, best.concept, options.rolesPerHit) ?? [];
    return {
      terms,
      total: ranked.length,
      hits: returned.map(({ hit }) => hit),
      suggestions: ranked.length === 0 ? this.suggest(words, kinds) : [],
      roleCounts: returned.map(({ roleCount }) => roleCount),
    };
  }

  /**
   * Splits the words into terms, left to right: the longest run of words (up to MAX_PHRASE_WORDS)
   * that matches some name well enough is one term, otherwise the single word is. Only runs whose
   * every word is (nearly) a word of some name are tried as phrases, which keeps long prose cheap.
   */
  private segment(words: string[], kinds: Set<HitKind>): { term: string; matches: Map<string, Match> }[] {
    // Only a run of two or more words can be a phrase: one word needs no look at the name words.
    const known = words.length > 1 ? words.map((word) => this.isNearNameWord(word)) : [false];
    const cache = new Map<string, Map<string, Match>>();
    const matchCached = (term: string) => getOrCreate(cache, term, () => this.matchTerm(term, kinds));
    const terms: { term: string; matches: Map<string, Match> }[] = [];
    let start = 0;
    while (start < words.length) {
      let end = start;
      while (end < words.length && end - start < MAX_PHRASE_WORDS && known[end]) end++;
      for (; end > start + 1; end--) {
        const phrase = words.slice(start, end).join(" ");
        const matches = matchCached(phrase);
        if ([...matches.values()].some((m) => m.quality >= PHRASE_QUALITY)) {
          terms.push({ term: phrase, matches });
          break;
        }
      }
      if (end <= start + 1) {
        const word = words[start] ?? "";
        terms.push({ term: word, matches: matchCached(word) });
        end = start + 1;
      }
      start = end;
    }
    return terms;
  }

  /** True when some word of `word` is a prefix of, or a typo or two away from, a word of a name. */
  private isNearNameWord(word: string): boolean {
    return wordsOf(word).some((part) => {
      const limit = Math.max(1, Math.floor(part.length / 3));
      for (const nameWord of this.nameWords) {
        if (nameWord.startsWith(part) || editDistance(part, nameWord, limit) <= limit) return true;
      }
      return false;
    });
  }

  /** The concepts one term finds, by concept key, each with its best-matching name. */
  private matchTerm(term: string, kinds: Set<HitKind>): Map<string, Match> {
    const matches = new Map<string, Match>();
    const offer = (match: Match) => {
      if (!kinds.has(match.concept.kind)) return;
      const key = conceptKey(match.concept);
      const current = matches.get(key);
      if (!current || better(match, current)) matches.set(key, match);
    };
    const termBigrams = bigrams(term);
    const candidates = this.index.keys.filter((entry) => mayMatch(term, termBigrams, entry.key));
    const fuse = new Fuse(
      candidates.map((entry) => entry.key),
      FUSE_OPTIONS,
    );
    for (const result of fuse.search(term)) {
      const entry = candidates[result.refIndex];
      if (!entry) continue;
      const quality = matchQuality(term, entry.key, result.score ?? 1);
      if (quality < MIN_QUALITY) continue;
      for (const name of entry.names) {
        offer({
          concept: name.concept,
          quality: name.word === undefined ? quality : Math.min(quality, WORD_QUALITY),
          matched: name.text,
          via: name.source,
          field: name.field,
        });
      }
    }
    const category = this.index.categoryNames.get(compactForm(term));
    if (category) {
      for (const tool of this.index.toolsByCategory.get(category.category) ?? []) {
        const concept: ConceptRef = { kind: "tool", id: tool };
        offer({ concept, quality: 1, matched: category.text, via: "category", field: "category" });
      }
    }
    const best = Math.max(0, ...[...matches.values()].map((m) => m.quality));
    for (const [key, match] of matches) if (match.quality < best - RELATIVE_CUTOFF) matches.delete(key);
    this.matchText(term, offer);
    return matches;
  }

  /**
   * Offers each running text that holds the term's words at the start of its words ("kritisk
   * tænkning" in "… udvise kritisk tænkning …", "eskal" in "eskalering"), at TEXT_QUALITY.
   */
  private matchText(term: string, offer: (match: Match) => void): void {
    const words = wordsOf(term);
    if (words.length === 0 || words.join("").length < 3) return;
    const needle = Buffer.from(` ${words.join(" ")}`);
    const texts = this.index.texts;
    // One pass over all the forms at once; each text that holds the needle is offered once.
    for (let at = texts.forms.indexOf(needle); at >= 0; ) {
      const i = textAt(texts.formStarts, at);
      const concept = this.index.concepts[texts.concepts[i] as number]?.concept;
      if (concept)
        offer({
          concept,
          quality: TEXT_QUALITY,
          matched: texts.text(i),
          via: "profile",
          field: TEXT_FIELDS[texts.fields[i] as number] ?? "responsibility_text",
        });
      at = texts.forms.indexOf(needle, texts.formStarts[i + 1]);
    }
  }

  private hit(match: Match, terms: string[], lang: Language): SearchHit {
    const { kind, id } = match.concept;
    const entry = entryOf(this.index, match.concept);
    const categoryId = kind === "tool" ? entry?.categories[0] : undefined;
    return {
      kind,
      id,
      label: this.labelOf(match.concept, entry?.labels[0] ?? id, lang),
      category:
        categoryId === undefined
          ? null
          : { id: categoryId, label: this.vocabulary.label("toolCategories", categoryId, lang) },
      quality: match.quality,
      terms,
      matched: match.matched,
      matched_via: match.via,
      matched_field: match.field,
      roles: [],
    };
  }

  /** A concept's label in `lang`; a role's title, or an unmapped area's heading, as its profile writes it. */
  private labelOf(concept: ConceptRef, written: string, lang: Language): string {
    const { kind, id } = concept;
    if (kind === "skill" || kind === "tool") return this.vocabulary.label(`${kind}s`, id, lang);
    if (kind === "position") return this.vocabulary.label("positions", id, lang);
    if (kind === "responsibility" && this.vocabulary.has("skills", id))
      return this.vocabulary.label("skills", id, lang);
    return written;
  }

  /** The names closest to the query or to any of its words, as written (at most 3). */
  private suggest(words: string[], kinds: Set<HitKind>): string[] {
    const keys = new Map<string, string>();
    for (const entry of this.index.keys) {
      const name = entry.names.find((n) => kinds.has(n.concept.kind));
      if (name) keys.set(entry.key, name.text);
    }
    // Under three characters everything is "near" (closestMatches allows two edits): no suggestion.
    const candidates = [words.join(" "), ...(words.length > 1 ? words : [])].filter((c) => c.length >= 3);
    const names = new Set<string>();
    for (const candidate of candidates) {
      for (const key of closestMatches(candidate, keys.keys())) names.add(keys.get(key) ?? key);
    }
    return [...names].slice(0, 3);
  }
}
