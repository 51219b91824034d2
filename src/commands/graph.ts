import { buildCareerGraph } from "../core/career/career-graph.js";
import { isSameEnd } from "../core/career/transition-brief.js";
import { findRole } from "../core/find-role.js";
import { UsageError } from "../errors.js";
import { message } from "../messages/translate.js";
import { renderGraphDot } from "../render/graph-dot.js";
import { renderGraphMermaid } from "../render/graph-mermaid.js";
import { renderGraphText } from "../render/graph-text.js";
import { renderJson } from "../render/json.js";
import { findCareerEnds } from "./career-points.js";
import type { CommandContext, CommandResult } from "./context.js";
import { GRAPH_FORMATS } from "./output-format.js";
import { withUsageErrors } from "./usage-errors.js";

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
    throw new UsageError(
      message("error.formatConflict", { formats: [flags.format ?? "", "json"] }),
      message("graph.formatConflictHint"),
    );
  }
  if (!(GRAPH_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      message("error.unknownFormat", { format: flags.format ?? "" }),
      message("error.useOneOf", { values: GRAPH_FORMATS.join(", ") }),
    );
  }
  return format as GraphFormat;
}

export function runGraph(flags: GraphFlags, context: CommandContext): CommandResult {
  const format = resolveGraphFormat(flags);
  if ((flags.from === undefined) !== (flags.to === undefined)) {
    const [given, missing] = flags.from === undefined ? ["to", "from"] : ["from", "to"];
    throw new UsageError(message("graph.needsOther", { given, missing }), message("graph.needsOtherHint"));
  }
  const named = flags.from !== undefined && flags.to !== undefined ? [flags.from, flags.to] : [];
  const { vocabulary, ladders, ends } = findCareerEnds(named, context);
  const roles = flags.role?.length
    ? new Set(
        flags.role.map(
          (role) => withUsageErrors(() => findRole(role, context.library().roles, vocabulary)).profile.id,
        ),
      )
    : undefined;
  const shown = ladders.map((l) => l.profile).filter((ladder) => !roles || roles.has(ladder.id));
  const [start, goal] = ends;
  let path: { from: string; to: string } | undefined;
  if (start && goal) {
    if (isSameEnd(start, goal))
      throw new UsageError(
        message("graph.samePlace", { position: start.position }),
        message("graph.samePlaceHint"),
      );
    for (const [end, query] of [
      [start, flags.from],
      [goal, flags.to],
    ] as const) {
      const listed = shown.some((ladder) => ladder.positions.some((p) => p.position === end.position));
      if (!listed)
        throw new UsageError(
          message("graph.notShown", { name: JSON.stringify(query?.trim() ?? ""), position: end.position }),
          message("graph.notShownHint"),
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
