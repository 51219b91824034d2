import type { CareerGraph, GraphNode } from "../core/career/career-graph.js";
import { neutralizeInline } from "./neutralize.js";

/** A DOT double-quoted string. */
function quoted(text: string): string {
  return `"${neutralizeInline(text).replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

const PATH_COLOUR = "#c2410c";

/**
 * The career graph in Graphviz's DOT language (`dot -Tsvg`): lowest stage at the bottom, positions
 * first listed at the same stage on one rank, each edge's tooltip naming the profiles that state
 * it, and the path, when marked, drawn thick and coloured.
 */
export function renderGraphDot(graph: CareerGraph): string {
  const lines = [
    "digraph career {",
    "  rankdir=BT;",
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
    '  edge [color="#666666"];',
  ];
  const layers = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) {
    const attributes = [`label=${quoted(node.label)}`];
    if (node.on_path) attributes.push(`color=${quoted(PATH_COLOUR)}`, "penwidth=2");
    lines.push(`  ${quoted(node.position)} [${attributes.join(", ")}];`);
    const stage = node.stages[0]?.stage;
    if (stage) layers.set(stage, [...(layers.get(stage) ?? []), node]);
  }
  for (const nodes of layers.values())
    lines.push(`  { rank=same; ${nodes.map((node) => `${quoted(node.position)};`).join(" ")} }`);
  for (const edge of graph.edges) {
    const attributes = [`tooltip=${quoted(edge.roles.join(", "))}`];
    if (edge.on_path) attributes.push(`color=${quoted(PATH_COLOUR)}`, "penwidth=2.5");
    lines.push(`  ${quoted(edge.from)} -> ${quoted(edge.to)} [${attributes.join(", ")}];`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
