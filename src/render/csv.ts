import { neutralizeInline } from "./neutralize.js";

/** Cells a spreadsheet would run as a formula start with one of these; such cells get a leading '. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string | number): string {
  let text = typeof value === "number" ? String(value) : neutralizeInline(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV: comma-separated, CRLF line ends, header row first. */
export function renderCsv(head: string[], rows: (string | number)[][]): string {
  return `${[head, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
