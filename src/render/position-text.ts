import type { PositionView } from "../core/career/position-view.js";
import { LANGUAGES } from "../core/profile.js";
import { say } from "../messages/translate.js";
import { neutralizeInline } from "./neutralize.js";
import type { OutputContext } from "./output-context.js";
import { createTheme } from "./theme.js";
import { wrapIndented } from "./wrap-text.js";

/** The position view for a terminal: labels, the ladders that list it and its neighbours there. */
export function renderPositionText(view: PositionView, output: OutputContext): string {
  const lang = view.label_lang;
  const theme = createTheme(output.color);
  const wrap = (text: string, first: string, rest?: string) =>
    wrapIndented(neutralizeInline(text), output.width, first, rest);
  const fact = (label: string, value: string) => {
    const lines = wrap(value, `${label}: `, "  ");
    if (lines[0]) lines[0] = theme.label(label) + lines[0].slice(label.length);
    return lines;
  };
  const names = (list: { label: string }[]) =>
    list.length > 0 ? list.map((p) => p.label).join(", ") : say(lang, "word.none");
  const lines = [
    ...wrap(say(lang, "position.heading", { label: view.label }), "").map(theme.heading),
    ...fact(say(lang, "field.id"), view.position),
    ...fact(
      say(lang, "position.labels"),
      LANGUAGES.map((lang) => `${lang} ${view.labels[lang]}`).join(" · "),
    ),
  ];
  if (view.aliases.length > 0) lines.push(...fact(say(lang, "field.aliases"), view.aliases.join(", ")));
  lines.push(
    "",
    ...wrap(say(lang, "position.noProfile", { label: view.label }), "").map(theme.warning),
    "",
    ...wrap(say(lang, "position.onLadders", { count: view.ladders.length }), "").map(theme.heading),
  );
  for (const placement of view.ladders) {
    lines.push(
      ...wrap(
        say(lang, "position.placement", {
          role: placement.role,
          stage: placement.stage_label,
          written: placement.written,
        }),
        "  ",
      ).map(theme.subheading),
      ...wrap(say(lang, "position.below", { positions: names(placement.before) }), "    ", "      "),
      ...wrap(say(lang, "position.above", { positions: names(placement.after) }), "    ", "      "),
    );
  }
  lines.push(
    "",
    ...wrap(
      `${say(lang, "error.hintPrefix")}: ${say(lang, "position.gapHint", { position: view.position })}`,
      "",
    ).map(theme.muted),
  );
  return `${lines.join("\n")}\n`;
}
