// A checkbox list that typing filters, as the role list does: inquirer's checkbox takes letters
// as shortcuts (a: all, i: invert), so it cannot be typed into. Here letters filter; space ticks;
// ctrl-a ticks (or unticks) every role shown and ctrl-r inverts them. Ticks survive the filter.
import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isSpaceKey,
  isUpKey,
  makeTheme,
  useKeypress,
  usePagination,
  usePrefix,
  useState,
} from "@inquirer/core";

export interface FilterChoice<Value> {
  value: Value;
  name: string;
  description?: string;
  /** The choice in the list of ticked ones. */
  short: string;
}

export interface FilterCheckboxConfig<Value> {
  message: string;
  /** The choices a term shows, best first; "" shows them all, in the order answers are given. */
  source: (term: string) => FilterChoice<Value>[];
  pageSize: number;
  validate: (ticked: Value[]) => true | string;
  /** What the line of ticked choices may take, in columns. */
  fitTicked: (text: string) => string;
  /** What leads the line of ticked choices ("ticked:"). */
  tickedLabel: string;
  /** What the list says when the term matches no choice. */
  noMatch: string;
  // biome-ignore lint/suspicious/noExplicitAny: inquirer's theme objects are loosely typed.
  theme?: any;
}

const baseTheme = {
  icon: { cursor: "❯", checked: "◉", unchecked: "◯" },
  style: {
    description: (text: string) => text,
    searchTerm: (text: string) => text,
    keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${key} ${action}`).join(" • "),
  },
};

/** The prompt; its answer is the ticked values, in the order of the whole list. */
export const filterCheckbox = createPrompt(
  (config: FilterCheckboxConfig<unknown>, done: (ticked: unknown[]) => void) => {
    type Value = unknown;
    const theme = makeTheme(baseTheme, config.theme);
    const [status, setStatus] = useState<"idle" | "done">("idle");
    const prefix = usePrefix({ status, theme });
    const [term, setTerm] = useState("");
    const [ticked, setTicked] = useState<readonly Value[]>([]);
    const [active, setActive] = useState(0);
    const [error, setError] = useState<string | undefined>(undefined);
    const shown = config.source(term);
    const all = config.source("");
    /** Ticked values in the order of the whole list. */
    const inOrder = (values: readonly Value[]) => all.map((c) => c.value).filter((v) => values.includes(v));
    const setShownTicks = (tick: (choice: FilterChoice<Value>) => boolean) => {
      const others = ticked.filter((value) => !shown.some((c) => c.value === value));
      setTicked(inOrder([...others, ...shown.filter(tick).map((c) => c.value)]));
      setError(undefined);
    };

    useKeypress((key, rl) => {
      // Keys that are not text leave the typed term as it was (readline may have moved or added to it).
      const keepTerm = () => {
        rl.clearLine(0);
        rl.write(term);
      };
      if (isEnterKey(key)) {
        const valid = config.validate([...ticked]);
        if (valid === true) {
          setStatus("done");
          done([...ticked]);
        } else setError(valid);
      } else if (isUpKey(key) || isDownKey(key)) {
        keepTerm();
        const next = active + (isUpKey(key) ? -1 : 1);
        if (next >= 0 && next < shown.length) setActive(next);
      } else if (isSpaceKey(key)) {
        keepTerm();
        const choice = shown[active];
        if (choice)
          setShownTicks((c) => (c === choice ? !ticked.includes(c.value) : ticked.includes(c.value)));
      } else if (key.ctrl && key.name === "a") {
        keepTerm();
        const every = shown.every((c) => ticked.includes(c.value));
        setShownTicks(() => !every);
      } else if (key.ctrl && key.name === "r") {
        keepTerm();
        setShownTicks((c) => !ticked.includes(c.value));
      } else if (rl.line !== term) {
        setTerm(rl.line);
        setActive(0);
      }
    });

    const message = theme.style.message(config.message, status);
    if (status === "done") {
      const names = all.filter((c) => ticked.includes(c.value)).map((c) => c.short);
      return [prefix, message, theme.style.answer(names.join(", "))].filter(Boolean).join(" ");
    }
    let description: string | undefined;
    const page = usePagination({
      items: shown,
      active: Math.min(active, Math.max(0, shown.length - 1)),
      renderItem({ item, isActive }: { item: FilterChoice<Value>; isActive: boolean }) {
        if (isActive) description = item.description;
        const box = ticked.includes(item.value) ? theme.icon.checked : theme.icon.unchecked;
        const cursor = isActive ? theme.icon.cursor : " ";
        const color = isActive ? theme.style.highlight : (text: string) => text;
        return color(`${cursor}${box} ${item.name}`);
      },
      pageSize: config.pageSize,
      loop: false,
    });
    const tickedLine =
      ticked.length > 0
        ? config.fitTicked(
            `${config.tickedLabel} ${all
              .filter((c) => ticked.includes(c.value))
              .map((c) => c.short)
              .join(", ")}`,
          )
        : "";
    const header = [prefix, message, theme.style.searchTerm(term)].filter(Boolean).join(" ").trimEnd();
    const body = [
      shown.length === 0 ? theme.style.error(config.noMatch) : page,
      " ",
      description ? theme.style.description(description) : "",
      tickedLine,
      error ? theme.style.error(error) : "",
      theme.style.keysHelpTip([]),
    ]
      .filter(Boolean)
      .join("\n")
      .trimEnd();
    return [header, body];
  },
);
