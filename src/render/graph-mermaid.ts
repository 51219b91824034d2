import type { CareerGraph } from "../core/career/career-graph.js";
import { neutralizeInline } from "./neutralize.js";

/** Node label text for Mermaid: quotes and markup characters as Mermaid's #code; entities. */
function mermaidText(text: string): string {
  return neutralizeInline(text).replace(/["#&<>]/g, (char) => `#${char.charCodeAt(0)};`);
}

const PATH_STYLE = "stroke:#c2410c,stroke-width:3px";

/**
 * The career graph as a Mermaid `flowchart` (lowest stage at the bottom), which GitHub and most
 * Markdown editors draw. Nodes get short ids (n1, n2, …): position ids could clash with Mermaid's
 * keywords and edge syntax. The path, when marked, is styled: its nodes by class, its edges by linkStyle.
 */
export function renderGraphMermaid(graph: CareerGraph): string {
  const ids = new Map(graph.nodes.map((node, index) => [node.position, `n${index + 1}`]));
  const lines = ["flowchart BT"];
  for (const node of graph.nodes) lines.push(`  ${ids.get(node.position)}["${mermaidText(node.label)}"]`);
  for (const edge of graph.edges) lines.push(`  ${ids.get(edge.from)} --> ${ids.get(edge.to)}`);
  const onPath = graph.nodes.filter((node) => node.on_path).map((node) => ids.get(node.position));
  if (onPath.length > 0) {
    lines.push(`  classDef onPath ${PATH_STYLE}`, `  class ${onPath.join(",")} onPath`);
    const edges = graph.edges.flatMap((edge, index) => (edge.on_path ? [index] : []));
    lines.push(`  linkStyle ${edges.join(",")} ${PATH_STYLE}`);
  }
  return `${lines.join("\n")}\n`;
}
