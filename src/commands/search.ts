import {
  checkQuery,
  SEARCH_SCOPES,
  type SearchOutcome,
  type SearchScope,
  SkillToolSearch,
} from "../core/search/search.js";
import { DamagedIndexError } from "../core/search/unpack-index.js";
import { NoMatchError, UsageError } from "../errors.js";
import { type MessageKey, message } from "../messages/translate.js";
import { renderJson } from "../render/json.js";
import { neutralizeInline } from "../render/neutralize.js";
import {
  ROLES_SHOWN_PER_HIT,
  renderSearchCsv,
  renderSearchMarkdown,
  renderSearchTable,
} from "../render/search-table.js";
import type { CommandContext, CommandResult } from "./context.js";
import { COMMAND_FORMATS, type FormatFlags, resolveFormat } from "./output-format.js";
import { withUsageErrors } from "./usage-errors.js";

export interface SearchFlags extends FormatFlags {
  in?: string;
  limit?: string;
}

export const DEFAULT_LIMIT = 10;

function parseScope(value: string | undefined): SearchScope {
  const scope = (value ?? "all").trim().toLowerCase();
  if (!(SEARCH_SCOPES as readonly string[]).includes(scope)) {
    throw new UsageError(
      message("error.badScope", { value: value ?? "" }),
      message("error.badScopeHint", { values: SEARCH_SCOPES.join(", ") }),
    );
  }
  return scope as SearchScope;
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new UsageError(message("error.badLimit", { value: neutralizeInline(value) }));
  }
  return limit;
}

/** The query as shown in messages: one line, no control characters, at most 60 characters. */
function shown(query: string): string {
  const chars = [...neutralizeInline(query)];
  return `"${chars.length > 60 ? `${chars.slice(0, 60).join("")}…` : chars.join("")}"`;
}

const NO_MATCH: Record<SearchScope, MessageKey> = {
  all: "error.noMatch",
  skills: "error.noSkill",
  tools: "error.noTool",
  roles: "error.noRole",
  positions: "error.noPosition",
  responsibilities: "error.noResponsibility",
};

function noMatch(query: string, scope: SearchScope, outcome: SearchOutcome): NoMatchError {
  const what = NO_MATCH[scope];
  const nearest = outcome.suggestions.map((name) => neutralizeInline(name));
  const hint =
    nearest.length > 0
      ? message("error.nearestTerms", { terms: nearest.join(", ") })
      : message(scope === "all" ? "error.tryAnother" : "error.tryAnotherOrAll");
  return new NoMatchError(message(what, { query: shown(query) }), hint);
}

export function runSearch(words: string[], flags: SearchFlags, context: CommandContext): CommandResult {
  const format = resolveFormat(flags, COMMAND_FORMATS.search);
  const scope = parseScope(flags.in);
  const limit = parseLimit(flags.limit);
  const query = withUsageErrors(() => checkQuery(words.join(" ")));
  // The terminal table lists only the first roles of each hit; the other formats list them all.
  const rolesPerHit = format === "table" ? ROLES_SHOWN_PER_HIT : undefined;
  const searchIn = ({ index, vocabulary }: ReturnType<CommandContext["searchIndex"]>) =>
    new SkillToolSearch(index, vocabulary).search(query, {
      scope,
      labelLang: context.labelLang,
      limit,
      rolesPerHit,
    });
  let outcome: SearchOutcome;
  try {
    outcome = searchIn(context.searchIndex());
  } catch (error) {
    if (!(error instanceof DamagedIndexError)) throw error;
    // A kept index found damaged while searching: build it again from the profiles.
    outcome = searchIn(context.searchIndex({ rebuild: true }));
  }
  if (outcome.total === 0) throw noMatch(query, scope, outcome);
  if (format === "json") {
    return {
      stdout: renderJson({
        query,
        scope,
        label_lang: context.labelLang,
        terms: outcome.terms,
        total: outcome.total,
        limit,
        results: outcome.hits,
      }),
    };
  }
  if (format === "csv") return { stdout: renderSearchCsv(outcome.hits) };
  if (format === "markdown") return { stdout: renderSearchMarkdown(outcome.hits, context.labelLang) };
  return { stdout: renderSearchTable(outcome, context.output, context.labelLang) };
}
