import { displayWidth, wrapIndented, wrapText } from "./wrap-text.js";

/** Narrower than this, an option's description moves below its name instead of beside it. */
const MIN_DESCRIPTION_WIDTH = 20;
const DESCRIPTION_BELOW = "      ";

/**
 * Help text made to fit `width` columns. commander wraps an option's description only while at
 * least 40 columns remain beside it, and never the examples and notes added after the help:
 * every line still too wide is wrapped here, hanging under its description, below its name when
 * the terminal is too narrow for both, or (an example command) with a `\` continuation so that
 * it stays pasteable. Lines that fit are left exactly as they are.
 */
export function fitHelpText(text: string, width: number): string {
  return text
    .split("\n")
    .flatMap((line) => (displayWidth(line) <= width ? [line] : fitLine(line, width)))
    .join("\n");
}

function fitLine(line: string, width: number): string[] {
  const example = /^(\s*)\$ (.*)$/.exec(line);
  if (example) {
    const [, lead = "", command = ""] = example;
    const lines = wrapIndented(command, width - 2, `${lead}$ `, `${lead}    `);
    return lines.map((text, i) => (i < lines.length - 1 ? `${text} \\` : text));
  }
  const item = /^(\s+)(\S.*?)(\s{2,})(\S.*)$/.exec(line);
  if (item) {
    const [, lead = "", term = "", gap = "", description = ""] = item;
    const column = displayWidth(lead + term + gap);
    if (width - column >= MIN_DESCRIPTION_WIDTH) return wrapIndented(description, width, lead + term + gap);
    const below = wrapText(description, width - DESCRIPTION_BELOW.length).map((l) => DESCRIPTION_BELOW + l);
    return [...wrapIndented(term, width, lead, `${lead}  `), ...below];
  }
  const lead = /^\s*/.exec(line)?.[0] ?? "";
  return wrapIndented(line.slice(lead.length), width, lead, `${lead}  `);
}
