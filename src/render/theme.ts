import { Chalk } from "chalk";

/** The few styles csroles uses, as data: plain identity functions when colour is off. */
export interface Theme {
  heading: (text: string) => string;
  subheading: (text: string) => string;
  label: (text: string) => string;
  muted: (text: string) => string;
  mark: (text: string) => string;
  warning: (text: string) => string;
}

const plain = (text: string) => text;

export function createTheme(color: boolean): Theme {
  if (!color) {
    return { heading: plain, subheading: plain, label: plain, muted: plain, mark: plain, warning: plain };
  }
  const chalk = new Chalk({ level: 1 });
  return {
    heading: (text) => chalk.bold.cyan(text),
    subheading: (text) => chalk.bold(text),
    label: (text) => chalk.cyan(text),
    muted: (text) => chalk.dim(text),
    mark: (text) => chalk.bold.green(text),
    warning: (text) => chalk.yellow(text),
  };
}
