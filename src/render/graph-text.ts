import type { CareerGraph, GraphNode } from "../core/career/career-graph.js";
import { neutralizeInline } from "./neutralize.js";
import type { OutputContext } from "./output-context.js";
import { shortList } from "./short-list.js";
import { createTheme } from "./theme.js";
import { wrapIndented } from "./wrap-text.js";

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/**
 * The career graph for a terminal, in layers by stage, lowest first: each position under the lowest
 * stage a ladder lists it at, with the positions it leads to. Every line fits `output.width`.
 */
export function renderGraphText(graph: CareerGraph, output: OutputContext): string {
  const theme = createTheme(output.color);
  const width = output.width;
  const lines: string[] = [];
  const wrap = (text: string, first: string, rest?: string) =>
    wrapIndented(neutralizeInline(text), width, first, rest);
  const labels = new Map(graph.nodes.map((node) => [node.position, node.label]));
  lines.push(
    ...wrap(
      `Career graph: ${count(graph.roles.length, "ladder")}, ${count(graph.nodes.length, "position")}, ${count(graph.edges.length, "step")}`,
      "",
    ).map(theme.heading),
  );
  lines.push(...wrap("↑ leads to (n: how many ladders state the step).", "").map(theme.muted));
  if (graph.path) {
    const from = labels.get(graph.path.from) ?? graph.path.from;
    const to = labels.get(graph.path.to) ?? graph.path.to;
    const any = graph.edges.some((edge) => edge.on_path);
    lines.push(
      ...wrap(
        any
          ? `▶ and ⇑ mark the way up from ${from} to ${to}.`
          : `No ladder shown leads from ${from} up to ${to}.`,
        "",
      ).map(theme.mark),
    );
  }
  const layers = new Map<string, { label: string; nodes: GraphNode[] }>();
  for (const node of graph.nodes) {
    const lowest = node.stages[0];
    if (!lowest) continue;
    const layer = layers.get(lowest.stage) ?? { label: lowest.label, nodes: [] };
    layer.nodes.push(node);
    layers.set(lowest.stage, layer);
  }
  for (const layer of layers.values()) {
    lines.push("", ...wrap(layer.label, "").map(theme.subheading));
    for (const node of layer.nodes) {
      const ladders = new Set(node.stages.flatMap((stage) => stage.roles)).size;
      const profile = node.profiles.length > 0 ? `; profile ${shortList(node.profiles)}` : "";
      const head = wrap(
        `${node.label} — ${count(ladders, "ladder")}${profile}`,
        node.on_path ? "▶ " : "  ",
        "    ",
      );
      lines.push(...(node.on_path ? head.map(theme.mark) : head));
      for (const stage of node.stages.slice(1))
        lines.push(...wrap(`also at ${stage.label}: ${shortList(stage.roles)}`, "    ").map(theme.muted));
      const out = graph.edges.filter((edge) => edge.from === node.position);
      const step = (edges: typeof out) =>
        edges.map((edge) => `${labels.get(edge.to) ?? edge.to} (${edge.roles.length})`).join(", ");
      const onPath = out.filter((edge) => edge.on_path);
      const others = out.filter((edge) => !edge.on_path);
      if (onPath.length > 0) lines.push(...wrap(step(onPath), "    ⇑ ", "      ").map(theme.mark));
      if (others.length > 0) lines.push(...wrap(step(others), "    ↑ ", "      "));
    }
  }
  return `${lines.join("\n")}\n`;
}
