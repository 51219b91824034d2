/**
 * Finds the line of a field path (`skills[2].skill`) in block-style YAML front-matter, so a
 * problem can be reported as file:line. Best effort: when a step cannot be found (flow style,
 * unusual layout), the line of the deepest step found is returned.
 * `frontMatter` is the text, or its lines (split once for all the problems of a file).
 * `firstLine` is the file line of the front-matter's first line.
 */
export function locateField(
  frontMatter: string | readonly string[],
  field: string,
  firstLine = 2,
): number | undefined {
  const segments = parsePath(field);
  if (segments.length === 0) return undefined;
  const lines = typeof frontMatter === "string" ? frontMatter.split("\n") : frontMatter;
  let start = 0;
  let end = lines.length;
  let parentIndent = -1;
  let found: number | undefined;
  for (const segment of segments) {
    if (typeof segment === "string") {
      const hit = findKey(lines, start, end, parentIndent, segment);
      if (!hit) break;
      found = hit.line;
      parentIndent = hit.indent;
      start = hit.line + 1;
      end = blockEnd(lines, start, end, hit.indent);
    } else {
      const items = listItems(lines, start, end, parentIndent);
      const item = items.lines[segment];
      if (item === undefined || items.indent === undefined) break;
      found = item;
      parentIndent = items.indent;
      start = item;
      end = items.lines[segment + 1] ?? end;
    }
  }
  return found === undefined ? undefined : found + firstLine;
}

function parsePath(field: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const part of field.split(".")) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) return segments;
    if (match[1]) segments.push(match[1]);
    for (const index of (match[2] ?? "").matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function isContent(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== "" && !trimmed.startsWith("#");
}

function findKey(lines: readonly string[], start: number, end: number, parentIndent: number, key: string) {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`^(\\s*(?:-\\s+)?)["']?${escaped}["']?\\s*:`);
  for (let i = start; i < end; i++) {
    const match = pattern.exec(lines[i] ?? "");
    if (match && (match[1]?.length ?? 0) > parentIndent) return { line: i, indent: match[1]?.length ?? 0 };
  }
  return undefined;
}

function blockEnd(lines: readonly string[], start: number, end: number, indent: number): number {
  for (let i = start; i < end; i++) {
    const line = lines[i] ?? "";
    if (!isContent(line)) continue;
    const own = indentOf(line);
    if (own < indent || (own === indent && !line.trimStart().startsWith("-"))) return i;
  }
  return end;
}

function listItems(lines: readonly string[], start: number, end: number, parentIndent: number) {
  const result: { lines: number[]; indent?: number } = { lines: [] };
  for (let i = start; i < end; i++) {
    const line = lines[i] ?? "";
    if (!isContent(line)) continue;
    const indent = indentOf(line);
    if (!line.trimStart().startsWith("-")) continue;
    if (result.indent === undefined && indent >= Math.max(0, parentIndent)) result.indent = indent;
    if (indent === result.indent) result.lines.push(i);
  }
  return result;
}
