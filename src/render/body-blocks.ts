/**
 * A profile body's Markdown as blocks, keeping its line structure: a heading, a paragraph (its
 * soft line breaks joined, so it can be wrapped to any width; a line ending in two spaces or a
 * backslash is a hard break and stays one), or a list item (its continuation lines joined to it,
 * never to the next item). Only what profile bodies use; no inline markup is interpreted.
 */
export type BodyBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; lines: string[] }
  | { kind: "item"; marker: string; text: string };

const LIST_ITEM = /^\s*([-*+]|\d{1,9}[.)])\s+(.*)$/;
const HARD_BREAK = /( {2,}|\\)$/;

export function bodyBlocks(body: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  for (const chunk of body.split(/\n[ \t]*\n/)) {
    // Within a chunk: the paragraph or item being read, to which an ordinary line belongs.
    let open: BodyBlock | undefined;
    let broken = false;
    for (const raw of chunk.split("\n")) {
      const line = raw.trim();
      if (line === "") continue;
      const item = LIST_ITEM.exec(raw);
      if (/^#{1,6}(\s|$)/.test(line)) {
        blocks.push({ kind: "heading", text: line.replace(/^#+\s*/, "") });
        open = undefined;
      } else if (item) {
        open = {
          kind: "item",
          marker: item[1] === undefined || /^[-*+]$/.test(item[1]) ? "•" : item[1],
          text: item[2] ?? "",
        };
        blocks.push(open);
      } else if (open?.kind === "item") {
        open.text = `${open.text} ${line}`;
      } else if (open?.kind === "paragraph" && !broken) {
        const last = open.lines.length - 1;
        open.lines[last] = `${open.lines[last]} ${line}`;
      } else if (open?.kind === "paragraph") {
        open.lines.push(line);
      } else {
        open = { kind: "paragraph", lines: [line] };
        blocks.push(open);
      }
      broken = HARD_BREAK.test(raw);
      if (open?.kind === "paragraph") {
        const last = open.lines.length - 1;
        open.lines[last] = (open.lines[last] ?? "").replace(/\\$/, "").trimEnd();
      }
    }
  }
  return blocks;
}
