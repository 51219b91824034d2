import { neutralizeInline } from "./neutralize.js";

/** Escapes text for a Markdown table cell: neutralised, one line, pipes and markup characters escaped. */
export function markdownCell(text: string): string {
  return neutralizeInline(text)
    .replace(/([\\`*_[\]<>|#])/g, "\\$1")
    .trim();
}

export function renderMarkdownTable(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(markdownCell).join(" | ")} |`;
  return [line(head), `| ${head.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}
