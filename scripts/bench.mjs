#!/usr/bin/env node
// The csroles benchmark (docs/benchmark.md): times whole processes of the built binary against a
// bare `node -e 0` and against `grep -ri` (and `rg -i` when installed), on generated profile folders
// of several sizes, and writes BENCHMARKS.md with the targets of issue 7 beside the results.
//
//   npm run bench                                   # builds, then runs everything below
//   node scripts/bench.mjs [--runs 30] [--sizes 10,1000,10000] [--quick] [--only compare,gap,graph]
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureProfiles, GENERATOR_VERSION } from "./generate-profiles.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BIN = join(ROOT, "bin", "csroles.js");
const GENERATED = join(ROOT, "bench", "generated");
const REPORT = join(ROOT, "BENCHMARKS.md");
const TIME = "/usr/bin/time";
const SHOW_ID = "customer-support-manager";
const QUERY = "zendsk";
const GREP_WORD = "zendesk";
/** Time a row may take before it gets fewer rounds; keeps a full run of a slow build bounded. */
const ROW_BUDGET_MS = 60_000;
const MIN_RUNS = 3;
/** A run at least this slow also gives its peak memory (see measure). */
const SLOW_RUN_MS = 1_000;

// ---------------------------------------------------------------------------------------------
// Options

function parseOptions(argv) {
  const options = { runs: 30, sizes: [10, 1000, 10000], quick: false, memoryRuns: 2, only: undefined };
  let runsGiven = false;
  let sizesGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) fail(`${arg} needs a value`);
      return next;
    };
    if (arg === "--runs") {
      options.runs = Number(value());
      runsGiven = true;
      if (!Number.isInteger(options.runs) || options.runs < 1) fail("--runs takes a whole number ≥ 1");
    } else if (arg === "--sizes") {
      options.sizes = value()
        .split(",")
        .map((s) => Number(s.replace(/_/g, "")));
      sizesGiven = true;
      if (options.sizes.some((n) => !Number.isInteger(n) || n < 2))
        fail("--sizes takes whole numbers ≥ 2, comma-separated (compare needs two profiles)");
    } else if (arg === "--quick") {
      options.quick = true;
    } else if (arg === "--only") {
      options.only = new Set(value().split(","));
      const unknown = [...options.only].filter((kind) => !ROW_KINDS.includes(kind));
      if (unknown.length > 0) fail(`--only takes ${ROW_KINDS.join(", ")}; not ${unknown.join(", ")}`);
    } else if (arg === "--help" || arg === "-h") {
      process.stdout.write(
        "usage: node scripts/bench.mjs [--runs N] [--sizes 10,1000,10000] [--quick] [--only KINDS]\n" +
          "  --runs N     timed runs of each command after one warm-up (default 30)\n" +
          "  --sizes L    sizes of the generated profile folders (default 10,1000,10000)\n" +
          "  --quick      3 runs, sizes 10,1000, one memory run; prints only, BENCHMARKS.md is not written\n" +
          `  --only K     only these rows (${ROW_KINDS.join(", ")}); prints only, BENCHMARKS.md is not written\n` +
          "See docs/benchmark.md.\n",
      );
      process.exit(0);
    } else {
      fail(`unknown option '${arg}' (see --help)`);
    }
  }
  if (options.quick) {
    if (!runsGiven) options.runs = 3;
    if (!sizesGiven) options.sizes = [10, 1000];
    options.memoryRuns = 1;
  }
  options.sizes = [...new Set(options.sizes)].sort((a, b) => a - b);
  return options;
}

/** The kinds of rows, for --only. */
const ROW_KINDS = ["help", "list", "show", "search", "compare", "gap", "graph", "first-run"];

function fail(message) {
  cleanUp();
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Processes

let interrupted = false;
process.on("SIGINT", () => {
  interrupted = true;
});

const tempDirs = [];
function tempDir(prefix) {
  const dir = mkdtempSync(join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
function cleanUp() {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

function hasProgram(name) {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

/** First line of `<name> --version`, or "not installed". */
function programVersion(name) {
  if (!hasProgram(name)) return "not installed";
  return spawnSync(name, ["--version"], { encoding: "utf8" }).stdout.split("\n")[0] ?? "";
}

/** The environment of every measured process: predictable, no CSROLES_* from the caller. */
function childEnv(cacheHome) {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: "C",
    COLUMNS: "80",
    XDG_CACHE_HOME: cacheHome,
  };
}

/**
 * A command to measure. With `fresh`, every run gets a new, empty cache folder, created and removed
 * outside the timed part; otherwise runs share `cacheHome`.
 */
function command(label, file, args, { cacheHome, fresh = false } = {}) {
  return { label, file, args, cacheHome, fresh };
}
const csroles = (args, options) =>
  command(`csroles ${args.join(" ")}`, process.execPath, [BIN, ...args], options);

/** Runs one process with stdout to /dev/null; returns wall milliseconds, exit status and stderr. */
function runOnce(cmd, { measureMemory = false } = {}) {
  const cacheHome = cmd.fresh ? mkdtempSync(join(os.tmpdir(), "csroles-bench-cold-")) : cmd.cacheHome;
  const memoryFile = measureMemory ? join(os.tmpdir(), `csroles-bench-rss-${process.pid}`) : undefined;
  const [file, args] = memoryFile
    ? [TIME, ["-f", "%M", "-o", memoryFile, cmd.file, ...cmd.args]]
    : [cmd.file, cmd.args];
  const start = process.hrtime.bigint();
  const result = spawnSync(file, args, {
    cwd: ROOT,
    env: childEnv(cacheHome),
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 16 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (cmd.fresh) rmSync(cacheHome, { recursive: true, force: true });
  if (interrupted) {
    cleanUp();
    process.stderr.write("bench: interrupted\n");
    process.exit(130);
  }
  if (result.error) throw result.error;
  let rssKiB;
  if (memoryFile) {
    // /usr/bin/time prints "Command exited with non-zero status N" before the figure when it fails.
    const lines = readFileSync(memoryFile, "utf8").trim().split("\n");
    rssKiB = Number(lines.at(-1));
    rmSync(memoryFile, { force: true });
  }
  return { ms, status: result.status, stderr: result.stderr?.toString() ?? "", rssKiB };
}

/** "n/a" when the command or option does not exist yet, an error text when it failed, else undefined. */
function problemOf(run, okStatuses) {
  if (okStatuses.includes(run.status)) return undefined;
  if (run.status === 2 && /unknown (command|option)/i.test(run.stderr)) return { notAvailable: true };
  const line = run.stderr.trim().split("\n")[0] ?? "";
  return { failed: `exit ${run.status}${line ? `: ${line.slice(0, 100)}` : ""}` };
}

function percentile(sorted, p) {
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 0.5),
    min: sorted[0],
    max: sorted.at(-1),
    q1: percentile(sorted, 0.25),
    q3: percentile(sorted, 0.75),
  };
}

/**
 * Measures `subject` against each baseline: one warm-up run of each (which also primes a cache),
 * then rounds that run every command once, in reverse order every other round so that no command
 * always comes first. Ratios are per round, subject / baseline, then the median of those.
 *
 * A row stops before `options.runs` rounds (after at least MIN_RUNS) when one more round would take
 * it past ROW_BUDGET_MS, and says so; a command that meets its target is never that slow.
 */
function measure(name, subject, baselines, options, extra = {}) {
  const okStatuses = extra.okStatuses ?? [0];
  const unmeasured = (problem) => ({
    name,
    subject,
    baselines: baselines.map((b) => ({ cmd: b })),
    ...problem,
  });
  process.stderr.write(`bench: ${name} …`);
  const warmUp = runOnce(subject);
  const problem = problemOf(warmUp, okStatuses);
  if (problem) {
    process.stderr.write(problem.notAvailable ? " n/a (not available)\n" : ` failed (${problem.failed})\n`);
    return unmeasured(problem);
  }
  for (const baseline of baselines) runOnce(baseline);
  // Wrapping in /usr/bin/time costs about a millisecond: negligible for a command that the first
  // round shows to be slow, so its later timed runs give the memory too; a fast command gets
  // separate memory runs instead.
  const memory = existsSync(TIME);
  let memoryInRounds = false;

  const commands = [subject, ...baselines];
  const times = commands.map(() => []);
  let peakKiB = 0;
  const started = process.hrtime.bigint();
  let runs = 0;
  for (let round = 0; round < options.runs; round++) {
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (round >= MIN_RUNS && elapsedMs + elapsedMs / round > ROW_BUDGET_MS) break;
    runs = round + 1;
    if (round === 1) memoryInRounds = memory && times[0][0] >= SLOW_RUN_MS;
    const order = commands.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const run = runOnce(commands[i], { measureMemory: i === 0 && memoryInRounds });
      const runProblem = i === 0 ? problemOf(run, okStatuses) : undefined;
      if (runProblem?.failed) {
        process.stderr.write(` failed in round ${round + 1} (${runProblem.failed})\n`);
        return unmeasured(runProblem);
      }
      times[i].push(run.ms);
      if (run.rssKiB !== undefined) peakKiB = Math.max(peakKiB, run.rssKiB);
    }
  }
  if (memory && peakKiB === 0) {
    for (let i = 0; i < options.memoryRuns; i++) {
      peakKiB = Math.max(peakKiB, runOnce(subject, { measureMemory: true }).rssKiB ?? 0);
    }
  }

  const notes = extra.note ? [extra.note] : [];
  if (runs < options.runs) {
    const roundMs = times.reduce((sum, list) => sum + stats(list).median, 0);
    notes.push(
      `${runs} rounds instead of ${options.runs}: a round takes about ${(roundMs / 1000).toFixed(0)} s, ` +
        `and a row stops at its ${ROW_BUDGET_MS / 1000} s budget`,
    );
  }
  const [subjectTimes, ...baselineTimes] = times;
  const result = {
    name,
    subject,
    runs,
    time: stats(subjectTimes),
    peakMiB: memory ? peakKiB / 1024 : undefined,
    note: notes.join("; "),
    baselines: baselines.map((cmd, b) => ({
      cmd,
      time: stats(baselineTimes[b]),
      ratio: stats(subjectTimes.map((t, round) => t / baselineTimes[b][round])).median,
    })),
  };
  process.stderr.write(` ${result.time.median.toFixed(0)} ms (${runs} runs)\n`);
  return result;
}

// ---------------------------------------------------------------------------------------------
// The benchmark

function generatedFolder(size) {
  const dir = join(GENERATED, String(size));
  const started = Date.now();
  if (ensureProfiles(dir, size)) {
    process.stderr.write(
      `bench: generated ${size} profiles in ${dir} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    // A benchmark on profiles that fail to load would measure error paths; check once per folder.
    const check = spawnSync(process.execPath, [BIN, "validate", dir], { cwd: ROOT, stdio: "ignore" });
    if (check.status !== 0)
      fail(`csroles validate ${dir} exits ${check.status}; the generated profiles are not valid`);
    process.stderr.write(", valid\n");
  }
  const ids = readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .map((name) => name.slice(0, -3))
    .sort();
  return { dir, first: ids[0], last: ids.at(-1) };
}

function runBenchmarks(options) {
  const warmCache = tempDir("csroles-bench-cache-");
  const warm = { cacheHome: warmCache };
  const node0 = command("node -e 0", process.execPath, ["-e", "0"], warm);
  const results = [];

  const wanted = (kind) => !options.only || options.only.has(kind);

  if (wanted("help")) results.push(measure("--help", csroles(["--help"], warm), [node0], options));
  if (wanted("list"))
    results.push(measure("list (built-in profiles)", csroles(["list"], warm), [node0], options));
  if (wanted("show"))
    results.push(measure(`show ${SHOW_ID}`, csroles(["show", SHOW_ID], warm), [node0], options));

  const rg = hasProgram("rg");
  const folders = new Map(options.sizes.map((size) => [size, generatedFolder(size)]));
  for (const [size, folder] of wanted("search") ? folders : []) {
    const baselines = [node0, command(`grep -ri ${GREP_WORD} <dir>`, "grep", ["-ri", GREP_WORD, folder.dir])];
    if (rg) baselines.push(command(`rg -i ${GREP_WORD} <dir>`, "rg", ["-i", GREP_WORD, folder.dir]));
    const subject = csroles(["search", QUERY, "--data", folder.dir], warm);
    subject.label = `csroles search ${QUERY} --data <dir>`;
    const name = `search ${QUERY}, ${size.toLocaleString("en")} profiles, warm`;
    results.push({
      ...measure(name, subject, baselines, options, { okStatuses: [0, 1] }),
      size,
      kind: "search",
    });
  }
  // gap and graph (issue 19) read every profile's ladder; compare reads two profiles.
  const careerRows = {
    compare: (folder) => ["compare", folder.first, folder.last],
    gap: (folder) => ["gap", folder.first, folder.last],
    graph: () => ["graph"],
  };
  for (const [kind, args] of Object.entries(careerRows)) {
    if (!wanted(kind)) continue;
    for (const [size, folder] of folders) {
      const subject = csroles([...args(folder), "--data", folder.dir], warm);
      subject.label = `csroles ${args(folder).join(" ")} --data <dir>`;
      const name = `${kind}, ${size.toLocaleString("en")} profiles, warm`;
      results.push({ ...measure(name, subject, [node0], options), size, kind });
    }
  }
  if (!wanted("first-run")) return results;

  const largest = options.sizes.at(-1);
  const cold = { fresh: true };
  const coldArgs = ["search", QUERY, "--data", folders.get(largest).dir];
  const coldName = `first run, ${largest.toLocaleString("en")} profiles, no cache`;
  let first = measure(
    coldName,
    {
      ...csroles([...coldArgs, "--no-cache"], cold),
      label: `csroles search ${QUERY} --data <dir> --no-cache`,
    },
    [node0],
    options,
    { okStatuses: [0, 1] },
  );
  if (first.notAvailable) {
    // Before --no-cache exists, a fresh empty cache folder per run is still a run with nothing cached.
    first = measure(
      `${coldName} (without --no-cache)`,
      { ...csroles(coldArgs, cold), label: `csroles search ${QUERY} --data <dir>` },
      [node0],
      options,
      {
        okStatuses: [0, 1],
        note: "--no-cache is not available yet: measured with a fresh, empty cache folder only",
      },
    );
  }
  results.push(Object.assign(first, { size: largest, kind: "first-run" }));
  return results;
}

// ---------------------------------------------------------------------------------------------
// Targets (issue 7) and the report

/** The targets of issue 7, each judged on the median of the per-round ratios (or the peak memory). */
function targets(results) {
  const find = (predicate) => results.find(predicate);
  const unmeasured = (result) => {
    if (!result) return { measured: "not measured", met: "—" };
    if (result.notAvailable) return { measured: "n/a (not available)", met: "—" };
    if (result.failed) return { measured: `failed (${result.failed})`, met: "NOT met" };
    return undefined;
  };
  const ratioRow = (target, result, against, limit) => {
    const row = { target, limit: `≤ ${limit} × ${against}` };
    const missing = unmeasured(result);
    if (missing) return { ...row, ...missing };
    const ratio = result.baselines.find((b) => b.cmd.label.startsWith(against)).ratio;
    return { ...row, measured: `${ratio.toFixed(2)} ×`, met: ratio <= limit ? "met" : "NOT met" };
  };
  const memoryRow = (target, result, limitMiB) => {
    const row = { target, limit: `≤ ${limitMiB} MB` };
    const missing =
      unmeasured(result) ?? (result.peakMiB === undefined && { measured: `n/a (no ${TIME})`, met: "—" });
    if (missing) return { ...row, ...missing };
    return {
      ...row,
      measured: `${result.peakMiB.toFixed(0)} MB`,
      met: result.peakMiB <= limitMiB ? "met" : "NOT met",
    };
  };
  const named = (name) => find((r) => r.name.startsWith(name));
  const sized = (kind, size) => find((r) => r.kind === kind && r.size === size);
  return [
    ratioRow("`--help`", named("--help"), "node -e 0", 1.5),
    ratioRow("`list`, built-in profiles", named("list"), "node -e 0", 1.5),
    ratioRow("`show`, built-in profiles", named("show"), "node -e 0", 1.5),
    ratioRow("`search` warm, 1,000 profiles", sized("search", 1000), "node -e 0", 2),
    ratioRow("`search` warm, 10,000 profiles", sized("search", 10000), "grep -ri", 3),
    ratioRow("`compare` warm, 10,000 profiles", sized("compare", 10000), "node -e 0", 2),
    // Issue 19: gap and graph within the ratio compare is held to.
    ratioRow("`gap` warm, 10,000 profiles", sized("gap", 10000), "node -e 0", 2),
    ratioRow("`graph` warm, 10,000 profiles", sized("graph", 10000), "node -e 0", 2),
    ratioRow("first run, 10,000 profiles, no cache", sized("first-run", 10000), "node -e 0", 40),
    memoryRow("peak memory, warm `search`, 10,000 profiles", sized("search", 10000), 150),
  ];
}

const ms = (value) => `${value.toFixed(0)}`;
const spread = (t) => `${ms(t.q1)}–${ms(t.q3)} (${ms(t.min)}–${ms(t.max)})`;

/** One row per (subject, baseline) pair. */
function resultRows(results) {
  const rows = [];
  for (const r of results) {
    for (const b of r.baselines) {
      if (r.notAvailable || r.failed) {
        const why = r.notAvailable ? "n/a (not available)" : `failed (${r.failed})`;
        rows.push([r.name, "", why, "", "", b.cmd.label, "", "", ""]);
        continue;
      }
      rows.push([
        r.name,
        String(r.runs),
        ms(r.time.median),
        spread(r.time),
        r.peakMiB === undefined ? "n/a" : r.peakMiB.toFixed(0),
        b.cmd.label,
        ms(b.time.median),
        spread(b.time),
        `${b.ratio.toFixed(2)} ×`,
      ]);
    }
  }
  return rows;
}

const RESULT_HEAD = [
  "benchmark",
  "runs",
  "csroles median ms",
  "IQR (min–max) ms",
  "peak RSS MB",
  "against",
  "median ms",
  "IQR (min–max) ms",
  "median of ratios",
];

function textTable(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

function markdownTable(head, rows) {
  const escapeCell = (cell) => cell.replace(/\|/g, "\\|");
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.map(escapeCell).join(" | ")} |`),
  ].join("\n");
}

function machine() {
  const cpuinfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown";
  return {
    cpu: model,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
  };
}

function commandsUsed(results) {
  const lines = new Set();
  for (const r of results) {
    lines.add(r.subject.label);
    for (const b of r.baselines) lines.add(b.cmd.label);
  }
  return [...lines].map((l) => `- \`${l}\``).join("\n");
}

function report(results, options, context) {
  const m = context.machine;
  const notes = results.filter((r) => r.note).map((r) => `- ${r.name}: ${r.note}.`);
  return `# Benchmarks

Produced by \`npm run bench\` (scripts/bench.mjs; how to run it and how to read it: docs/benchmark.md).

| | |
|---|---|
| date | ${context.date}, the run took ${Math.floor(context.seconds / 60)} min ${context.seconds % 60} s |
| machine | ${m.cpu}, ${m.cores} cores, ${m.memory} memory, ${m.os} |
| Node | ${m.node} |
| baselines | ${context.grep}; ripgrep: ${context.rg} |
| csroles | ${context.version} (built \`dist/\`) |
| runs | one warm-up, then ${options.runs} timed rounds per row (fewer, at least ${MIN_RUNS}, when a row passes its ${ROW_BUDGET_MS / 1000} s budget: see the notes), alternating the order; peak memory (max RSS) under \`${TIME} -f %M\`, from ${options.memoryRuns} extra run(s) of a command faster than ${SLOW_RUN_MS / 1000} s, else from its timed runs |
| profiles | generated, generator version ${GENERATOR_VERSION}, sizes ${options.sizes.map((s) => s.toLocaleString("en")).join(", ")} |
| load average | ${formatLoad(context.loadBefore)} before, ${formatLoad(context.loadAfter)} after (1, 5, 15 min) |

**Noise.** ${noiseNote(context, m.cores)}
Read the medians and the median of the per-round ratios (each round runs the command and its
baseline back to back, so both see about the same load), and compare runs made on the same machine
only.

## Targets (issue 7)

${markdownTable(
  ["target", "measured (median of ratios)", "limit", "met?"],
  targets(results).map((t) => [t.target, t.measured, t.limit, t.met]),
)}

## Results

Times are wall-clock milliseconds of whole processes, started with \`spawnSync\` and output sent to
\`/dev/null\`. "Warm" runs share one cache folder (\`XDG_CACHE_HOME\`) primed by the warm-up run; the
first-run row gives every run a fresh, empty cache folder.

${markdownTable(RESULT_HEAD, resultRows(results))}
${notes.length > 0 ? `\nNotes:\n\n${notes.join("\n")}\n` : ""}
Commands (\`<dir>\` is \`bench/generated/<size>\`):

${commandsUsed(results)}

The generated profiles are valid, 5-7 KB each, with 15 skills, 20 tools and a career path through
all five stages of \`data/vocabulary/stages.yaml\` (the issue asks for about six; the vocabulary
has five, and a path lists each stage at most once, in ladder order).
`;
}

/** Where BENCHMARKS.md's hand-written notes begin: a run rewrites the file above this line only. */
const NOTES_MARKER = "<!-- Notes below are written by hand; npm run bench keeps them. -->";

function keptNotes() {
  const old = existsSync(REPORT) ? readFileSync(REPORT, "utf8") : "";
  const at = old.indexOf(NOTES_MARKER);
  return `\n${at < 0 ? `${NOTES_MARKER}\n` : old.slice(at)}`;
}

/** Says how busy the machine was, from the 1-minute load average before and after the run. */
function noiseNote(context, cores) {
  const busiest = Math.max(context.loadBefore[0], context.loadAfter[0]);
  return busiest > cores / 2
    ? `The machine was busy while this ran (1-minute load average up to ${busiest.toFixed(1)} on ${cores} cores: ` +
        "other processes shared the CPUs), so single runs vary a lot."
    : `The machine was quiet while this ran (1-minute load average at most ${busiest.toFixed(1)} on ${cores} cores).`;
}

const formatLoad = (load) => load.map((n) => n.toFixed(2)).join(", ");

function main() {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(join(ROOT, "dist", "main.js"))) fail("dist/main.js is missing; run `npm run build` first");
  const started = Date.now();
  const context = {
    machine: machine(),
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    version: JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version,
    loadBefore: os.loadavg(),
    grep: programVersion("grep"),
    rg: programVersion("rg"),
  };
  let results;
  try {
    results = runBenchmarks(options);
  } finally {
    cleanUp();
  }
  context.loadAfter = os.loadavg();
  context.seconds = Math.round((Date.now() - started) / 1000);

  const t = targets(results);
  process.stdout.write(
    `\n${textTable(RESULT_HEAD, resultRows(results))}\n\n` +
      `${textTable(
        ["target", "measured", "limit", "met?"],
        t.map((x) => [x.target.replace(/`/g, ""), x.measured, x.limit, x.met]),
      )}\n\n` +
      results
        .filter((r) => r.note)
        .map((r) => `note: ${r.name}: ${r.note}\n`)
        .join("") +
      `${context.machine.cpu}, ${context.machine.cores} cores, Node ${context.machine.node}, ` +
      `load average ${formatLoad(context.loadBefore)} → ${formatLoad(context.loadAfter)}\n`,
  );
  if (options.quick || options.only) {
    process.stdout.write(`BENCHMARKS.md not written (${options.quick ? "--quick" : "--only"}).\n`);
  } else {
    writeFileSync(REPORT, report(results, options, context) + keptNotes());
    process.stdout.write(`Wrote ${REPORT}\n`);
  }
}

main();
