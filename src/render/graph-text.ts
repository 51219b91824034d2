import type { CareerGraph, GraphNode } from "../core/career/career-graph.js";
import { say } from "../messages/translate.js";
import { neutralizeInline } from "./neutralize.js";
import type { OutputContext } from "./output-context.js";
import { shortList } from "./short-list.js";
import { createTheme } from "./theme.js";
import { wrapIndented } from "./wrap-text.js";

/**
 * The career graph for a terminal, in layers by stage, lowest first: each position under the lowest
 * stage a ladder lists it at, with the positions it leads to. Every line fits `output.width`.
 */
export function renderGraphText(graph: CareerGraph, output: OutputContext): string {
  const lang = graph.label_lang;
  const theme = createTheme(output.color);
  const width = output.width;
  const lines: string[] = [];
  const wrap = (text: string, first: string, rest?: string) =>
    wrapIndented(neutralizeInline(text), width, first, rest);
  const labels = new Map(graph.nodes.map((node) => [node.position, node.label]));
  lines.push(
    ...wrap(
      say(lang, "graph.heading", {
        ladders: say(lang, "graph.ladders", { count: graph.roles.length }),
        positions: say(lang, "graph.positions", { count: graph.nodes.length }),
        steps: say(lang, "graph.steps", { count: graph.edges.length }),
      }),
      "",
    ).map(theme.heading),
  );
  lines.push(...wrap(say(lang, "graph.legend"), "").map(theme.muted));
  if (graph.path) {
    const from = labels.get(graph.path.from) ?? graph.path.from;
    const to = labels.get(graph.path.to) ?? graph.path.to;
    const any = graph.edges.some((edge) => edge.on_path);
    lines.push(
      ...wrap(say(lang, any ? "graph.pathMarked" : "graph.noPath", { from, to }), "").map(theme.mark),
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
      const onLadders = say(lang, "graph.ladders", { count: ladders });
      const head = wrap(
        node.profiles.length > 0
          ? say(lang, "graph.nodeProfile", {
              position: node.label,
              ladders: onLadders,
              profiles: shortList(lang, node.profiles),
            })
          : `${node.label} — ${onLadders}`,
        node.on_path ? "▶ " : "  ",
        "    ",
      );
      lines.push(...(node.on_path ? head.map(theme.mark) : head));
      for (const stage of node.stages.slice(1))
        lines.push(
          ...wrap(
            say(lang, "graph.alsoAt", { stage: stage.label, roles: shortList(lang, stage.roles) }),
            "    ",
          ).map(theme.muted),
        );
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
