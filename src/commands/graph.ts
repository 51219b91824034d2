import { buildCareerGraph } from "../core/career/career-graph.js";
import { isSameEnd } from "../core/career/transition-brief.js";
import { findRole } from "../core/find-role.js";
import { UsageError } from "../errors.js";
import { renderGraphDot } from "../render/graph-dot.js";
import { renderGraphMermaid } from "../render/graph-mermaid.js";
import { renderGraphText } from "../render/graph-text.js";
import { renderJson } from "../render/json.js";
import { findCareerEnds } from "./career-points.js";
import type { CommandContext, CommandResult } from "./context.js";
import { GRAPH_FORMATS } from "./output-format.js";

type GraphFormat = (typeof GRAPH_FORMATS)[number];

export interface GraphFlags {
  format?: string;
  json?: boolean;
  from?: string;
  to?: string;
  role?: string[];
}

function resolveGraphFormat(flags: GraphFlags): GraphFormat {
  const format = flags.format?.trim().toLowerCase() ?? (flags.json ? "json" : "text");
  if (flags.json && format !== "json") {
    throw new UsageError(`choose one output format, not ${flags.format} and json`, "give --format or --json");
  }
  if (!(GRAPH_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `unknown format '${flags.format}' for graph`,
      `use one of ${GRAPH_FORMATS.join(", ")}`,
    );
  }
  return format as GraphFormat;
}

export function runGraph(flags: GraphFlags, context: CommandContext): CommandResult {
  const format = resolveGraphFormat(flags);
  if ((flags.from === undefined) !== (flags.to === undefined)) {
    throw new UsageError(
      `--${flags.from === undefined ? "to" : "from"} needs --${flags.from === undefined ? "from" : "to"}`,
      "give both, e.g. csroles graph --from support-agent --to customer-support-manager",
    );
  }
  const named = flags.from !== undefined && flags.to !== undefined ? [flags.from, flags.to] : [];
  const { vocabulary, ladders, ends } = findCareerEnds(named, context);
  const roles = flags.role?.length
    ? new Set(flags.role.map((role) => findRole(role, context.library().roles, vocabulary).profile.id))
    : undefined;
  const shown = ladders.map((l) => l.profile).filter((ladder) => !roles || roles.has(ladder.id));
  const [start, goal] = ends;
  let path: { from: string; to: string } | undefined;
  if (start && goal) {
    if (isSameEnd(start, goal))
      throw new UsageError(
        `--from and --to name the same place (${start.position})`,
        "give two different positions",
      );
    for (const [end, query] of [
      [start, flags.from],
      [goal, flags.to],
    ] as const) {
      const listed = shown.some((ladder) =>
        ladder.career_path.some((stage) => stage.positions.some((p) => p.position === end.position)),
      );
      if (!listed)
        throw new UsageError(
          `"${query?.trim()}" (${end.position}) is on none of the ladders shown`,
          "drop --role, or add the role of a ladder that lists it",
        );
    }
    path = { from: start.position, to: goal.position };
  }
  const graph = buildCareerGraph(shown, vocabulary, context.labelLang, path);
  if (format === "json") return { stdout: renderJson(graph) };
  if (format === "mermaid") return { stdout: renderGraphMermaid(graph) };
  if (format === "dot") return { stdout: renderGraphDot(graph) };
  return { stdout: renderGraphText(graph, context.output), forReading: true };
}
