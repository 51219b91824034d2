import { createTheme } from "../render/theme.js";
import { keysHelp } from "./choices.js";

const plain = (text: string) => text;

/**
 * The look of the inquirer prompts. Without colour every style is plain text (inquirer's own
 * defaults would colour whatever the environment says); with colour, inquirer's defaults stay.
 * The key help is ours in both cases, fitted to the width.
 */
export function promptTheme(color: boolean, width: number, keys: [key: string, action: string][]) {
  const help = (text: string) => createTheme(color).muted(text);
  const keysHelpTip = () => help(keysHelp(keys, width));
  if (color) return { style: { keysHelpTip } };
  return {
    prefix: { idle: "?", done: "✔" },
    spinner: { interval: 80, frames: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"] },
    icon: { cursor: "❯", checked: "◉", unchecked: "◯" },
    style: {
      answer: plain,
      message: plain,
      error: (text: string) => `> ${text}`,
      defaultAnswer: (text: string) => `(${text})`,
      help: plain,
      highlight: plain,
      key: (text: string) => `<${text}>`,
      description: plain,
      disabled: (text: string) => `- ${text}`,
      disabledChoice: (text: string) => `- ${text}`,
      searchTerm: plain,
      keysHelpTip,
    },
  };
}
