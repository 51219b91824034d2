import type { PositionView } from "../core/career/position-view.js";
import { LANGUAGES } from "../core/profile.js";
import { neutralizeInline } from "./neutralize.js";
import type { OutputContext } from "./output-context.js";
import { createTheme } from "./theme.js";
import { wrapIndented } from "./wrap-text.js";

/** The position view for a terminal: labels, the ladders that list it and its neighbours there. */
export function renderPositionText(view: PositionView, output: OutputContext): string {
  const theme = createTheme(output.color);
  const wrap = (text: string, first: string, rest?: string) =>
    wrapIndented(neutralizeInline(text), output.width, first, rest);
  const fact = (label: string, value: string) => {
    const lines = wrap(value, `${label}: `, "  ");
    if (lines[0]) lines[0] = theme.label(label) + lines[0].slice(label.length);
    return lines;
  };
  const names = (list: { label: string }[]) =>
    list.length > 0 ? list.map((p) => p.label).join(", ") : "none";
  const lines = [
    ...wrap(`${view.label} — career position, no profile of its own`, "").map(theme.heading),
    ...fact("ID", view.position),
    ...fact("Labels", LANGUAGES.map((lang) => `${lang} ${view.labels[lang]}`).join(" · ")),
  ];
  if (view.aliases.length > 0) lines.push(...fact("Also known as", view.aliases.join(", ")));
  lines.push(
    "",
    ...wrap(
      `No full profile exists for ${view.label}: csroles knows it only from the ladders that list it. ` +
        "Its skills, tools, responsibilities and growth advice are unknown.",
      "",
    ).map(theme.warning),
    "",
    ...wrap(`On ${view.ladders.length} ladder${view.ladders.length === 1 ? "" : "s"}`, "").map(theme.heading),
  );
  for (const placement of view.ladders) {
    lines.push(
      ...wrap(`${placement.role} — ${placement.stage_label}, as "${placement.written}"`, "  ").map(
        theme.subheading,
      ),
      ...wrap(`below: ${names(placement.before)}`, "    ", "      "),
      ...wrap(`above: ${names(placement.after)}`, "    ", "      "),
    );
  }
  lines.push(
    "",
    ...wrap(
      `hint: csroles gap ${view.position} <role> shows what it takes to move from it to a role`,
      "",
    ).map(theme.muted),
  );
  return `${lines.join("\n")}\n`;
}
