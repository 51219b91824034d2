#!/usr/bin/env node
// Generates deterministic synthetic role profiles for the benchmark (docs/benchmark.md).
//
//   node scripts/generate-profiles.mjs <dir> <count>
//
// Profile number n is the same bytes whatever the count, on every machine: each profile draws from
// its own seeded PRNG (mulberry32), and concept ids and labels come from data/vocabulary/*.yaml.
// Each profile is valid (csroles validate), 5-7 KB, with 15 skills, 20 tools and a career path
// through all five stages of the vocabulary's ladder, in ladder order, once each.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

/** Bump whenever the output changes, so that folders made by an older generator are rebuilt. */
export const GENERATOR_VERSION = 1;
export const STAMP_FILE = ".csroles-generated.json";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const VOCABULARY_DIR = join(ROOT, "data", "vocabulary");
const SEED = 0x5eed_c5e1;
const LANGS = ["da", "sv", "nb", "fi", "en"];
const SKILLS_PER_PROFILE = 15;
const TOOLS_PER_PROFILE = 20;
const MIN_BYTES = 5_300;
const MAX_BYTES = 6_700;

/** mulberry32: a small, fast, seedable PRNG; returns floats in [0, 1). */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from one PRNG: whole numbers, list items, samples without repeats, yes/no. */
function randomChoices(rng) {
  const int = (n) => Math.floor(rng() * n);
  const pick = (list) => list[int(list.length)];
  const sample = (list, n) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  };
  return { int, pick, sample, chance: (p) => rng() < p };
}

// Everyday customer-service words of each language, diacritics included, for the prose.
const WORDS = {
  da: "kunde kunder henvendelse sagsbehandling løsning første kontakt tilfredshed medarbejder team hurtig venlig præcis opfølgning kanaler telefon e-mail chat vidensbase eskalering kvalitet målinger svartid træning sparring ansvar hverdag forbedring samarbejde værktøjer kundeoplevelse loyalitet tillid rådgivning overblik prioritering løbende målrettet åben ærlig følge dokumentere lytte forklare afdeling økonomi søgning".split(
    " ",
  ),
  sv: "kund kunder ärende ärendehantering lösning kontakt nöjdhet medarbetare team snabb vänlig tydlig uppföljning kanaler telefon e-post chatt kunskapsbas eskalering kvalitet mätning svarstid utbildning coachning ansvar vardag förbättring samarbete verktyg kundupplevelse lojalitet förtroende rådgivning överblick prioritering löpande målinriktad öppen ärlig följa dokumentera lyssna förklara avdelning återkoppling företag".split(
    " ",
  ),
  nb: "kunde kunder henvendelse saksbehandling løsning kontakt tilfredshet medarbeider team rask vennlig presis oppfølging kanaler telefon e-post chat kunnskapsbase eskalering kvalitet måling svartid opplæring veiledning ansvar hverdag forbedring samarbeid verktøy kundeopplevelse lojalitet tillit rådgivning oversikt prioritering løpende målrettet åpen ærlig følge dokumentere lytte forklare avdeling tilbakemelding bedrift".split(
    " ",
  ),
  fi: "asiakas asiakkaat yhteydenotto tukipyyntö ratkaisu ensikontakti tyytyväisyys työntekijä tiimi nopea ystävällinen täsmällinen seuranta kanavat puhelin sähköposti chat tietokanta eskalointi laatu mittarit vasteaika koulutus valmennus vastuu arki kehittäminen yhteistyö työkalut asiakaskokemus uskollisuus luottamus neuvonta kokonaiskuva priorisointi jatkuva tavoitteellinen avoin rehellinen dokumentoida kuunnella selittää osasto palaute yritys".split(
    " ",
  ),
  en: "customer customers enquiry case handling resolution first contact satisfaction colleague team quick friendly precise follow-up channels phone email chat knowledge base escalation quality metrics response time training coaching ownership daily improvement collaboration tools experience loyalty trust advice overview priorities ongoing focused open honest document listen explain department feedback company".split(
    " ",
  ),
};

// Nordic places for titles: realistic diacritics, and distinct titles without numbers.
const PLACES = [
  "København",
  "Århus",
  "Odense",
  "Aalborg",
  "Malmö",
  "Göteborg",
  "Västerås",
  "Umeå",
  "Tromsø",
  "Bodø",
  "Bærum",
  "Ålesund",
  "Jyväskylä",
  "Hämeenlinna",
  "Seinäjoki",
  "Mäntsälä",
  "Reykjavík",
  "Tórshavn",
  "Lund",
  "Tampere",
];

const GROUPS = {
  da: ["Personlige færdigheder", "Faglige færdigheder"],
  sv: ["Personliga färdigheter", "Yrkesmässiga färdigheter"],
  nb: ["Personlige ferdigheter", "Faglige ferdigheter"],
  fi: ["Henkilökohtaiset taidot", "Ammatilliset taidot"],
  en: ["Personal skills", "Professional skills"],
};

const HEADINGS = {
  da: ["Indledning", "Arbejdsdagen", "Udvikling", "Konklusion"],
  sv: ["Inledning", "Arbetsdagen", "Utveckling", "Slutsats"],
  nb: ["Innledning", "Arbeidsdagen", "Utvikling", "Konklusjon"],
  fi: ["Johdanto", "Työpäivä", "Kehittyminen", "Yhteenveto"],
  en: ["Introduction", "The working day", "Growth", "Conclusion"],
};

/** Reads the six vocabulary files; each is a YAML list of concepts. */
export function loadVocabulary(dir = VOCABULARY_DIR) {
  const read = (name) => yaml.load(readFileSync(join(dir, `${name}.yaml`), "utf8"));
  return {
    skills: read("skills"),
    toolCategories: read("tool-categories"),
    stages: read("stages"),
    positions: read("positions"),
    levels: read("levels"),
    tools: read("tools"),
  };
}

function label(concept, lang) {
  return concept.labels?.[lang] ?? concept.labels?.en ?? concept.name ?? concept.id;
}

function sentence(r, lang, min, max) {
  const count = min + r.int(max - min + 1);
  const words = Array.from({ length: count }, () => r.pick(WORDS[lang]));
  const text = words.join(" ");
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

function prose(r, lang, sentences) {
  return Array.from({ length: sentences }, () => sentence(r, lang, 6, 12)).join(" ");
}

/** The profile's position ids per stage: the vocabulary lists positions roughly by seniority. */
function positionsByStage(vocabulary) {
  const stages = vocabulary.stages.length;
  const positions = vocabulary.positions;
  return vocabulary.stages.map((_, s) =>
    positions.slice(
      Math.floor((s * positions.length) / stages),
      Math.floor(((s + 1) * positions.length) / stages),
    ),
  );
}

function idSlug(text) {
  return text
    .normalize("NFD")
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The front-matter data and body of profile number `index` (0-based). */
function profileData(index, vocabulary) {
  const r = randomChoices(mulberry32(SEED ^ Math.imul(index + 1, 0x9e3779b1)));
  const lang = r.pick(LANGS);
  const number = String(index + 1).padStart(5, "0");
  const ladder = positionsByStage(vocabulary);

  const career_path = vocabulary.stages.map((stage, s) => {
    const candidates = ladder[s].length > 0 ? ladder[s] : vocabulary.positions;
    const chosen = r.sample(candidates, Math.min(candidates.length, r.chance(0.3) ? 2 : 1));
    const entry = { stage: stage.id };
    if (r.chance(0.3)) entry.inferred = true;
    else entry.label = label(stage, lang);
    if (r.chance(0.2)) entry.note = sentence(r, lang, 5, 8);
    entry.positions = chosen.map((p) => ({
      position: p.id,
      label: label(p, lang),
      ...(r.chance(0.2) ? { note: sentence(r, lang, 4, 7) } : {}),
    }));
    return entry;
  });

  const stageIndex = r.int(career_path.length);
  const own = r.pick(career_path[stageIndex].positions);
  const ownConcept = vocabulary.positions.find((p) => p.id === own.position);
  const place = r.pick(PLACES);
  const level = vocabulary.levels[Math.min(stageIndex, vocabulary.levels.length - 1)].id;

  const skills = r.sample(vocabulary.skills, SKILLS_PER_PROFILE).map((skill) => {
    const entry = { skill: skill.id, label: label(skill, lang) };
    if (r.chance(0.3)) entry.group = r.pick(GROUPS[lang]);
    if (r.chance(0.15)) entry.note = sentence(r, lang, 4, 7);
    return entry;
  });

  const categories = new Map(vocabulary.toolCategories.map((c) => [c.id, c]));
  const tools = r.sample(vocabulary.tools, TOOLS_PER_PROFILE).map((tool) => {
    const category = categories.get(tool.category) ?? vocabulary.toolCategories[0];
    const entry = { tool: tool.id, name: tool.name ?? label(tool, lang), category: category.id };
    entry.heading = label(category, lang);
    return entry;
  });

  const responsibilities = Array.from({ length: 3 }, () => {
    const area = { area: sentence(r, lang, 1, 2).slice(0, -1) };
    if (r.chance(0.6)) {
      area.text = sentence(r, lang, 6, 10);
      area.items = [];
    } else {
      area.items = Array.from({ length: 2 }, () => ({
        label: sentence(r, lang, 1, 2).slice(0, -1),
        text: sentence(r, lang, 5, 8),
      }));
    }
    return area;
  });

  const best_practices = Array.from({ length: 2 }, () =>
    r.chance(0.5)
      ? { title: sentence(r, lang, 2, 3).slice(0, -1), text: sentence(r, lang, 8, 12) }
      : {
          title: sentence(r, lang, 2, 3).slice(0, -1),
          items: [sentence(r, lang, 4, 7), sentence(r, lang, 4, 7)],
        },
  );

  const title = `${own.label}, ${place}`;
  const front = {
    id: `${own.position}-${number}`,
    title,
    title_en: `${label(ownConcept, "en")}, ${place}`,
    lang,
    level,
    position: own.position,
    aliases: [`${idSlug(own.label)} ${number}`],
    summary: prose(r, lang, 2),
    summary_en: prose(r, "en", 2),
    responsibilities,
    skills,
    tools,
    career_path,
    growth: prose(r, lang, 1),
    best_practices,
    source: {
      file: `synthetic-${number}.txt`,
      publisher: "csroles benchmark generator",
      date: `2025-${String(1 + r.int(12)).padStart(2, "0")}-${String(1 + r.int(28)).padStart(2, "0")}`,
    },
  };
  return { front, lang, r };
}

/** The file text of profile number `index` (0-based): front-matter, then a body of 5-7 KB in all. */
export function profileText(index, vocabulary) {
  const { front, lang, r } = profileData(index, vocabulary);
  const head = `---\n${yaml.dump(front, { lineWidth: 100, noRefs: true })}---\n`;
  const target = MIN_BYTES + r.int(MAX_BYTES - MIN_BYTES);
  let body = "";
  for (let section = 0; section === 0 || Buffer.byteLength(head + body) < target; section++) {
    const heading = HEADINGS[lang][section % HEADINGS[lang].length];
    body += `\n## ${heading}\n\n${prose(r, lang, 2)}\n`;
  }
  return { id: front.id, text: head + body };
}

/** Writes `count` profiles into `dir` (created if missing), then the stamp that marks it complete. */
export function generateProfiles(dir, count, vocabulary = loadVocabulary()) {
  const target = resolve(dir);
  if (existsSync(target)) {
    const entries = readdirSync(target);
    if (entries.length > 0 && !entries.includes(STAMP_FILE)) {
      throw new Error(`${target} is not empty and was not made by this generator; choose a new folder`);
    }
    // Only a folder this generator made is cleared, and only of its profile files and stamp.
    for (const name of entries) {
      if (name.endsWith(".md") || name === STAMP_FILE) rmSync(join(target, name));
    }
  }
  mkdirSync(target, { recursive: true });
  // Marks the folder as ours before the first profile, and as complete only after the last one,
  // so that an interrupted run is rebuilt (not refused as a foreign folder) next time.
  writeFileSync(join(target, STAMP_FILE), `${JSON.stringify({ ...stampFor(count), complete: false })}\n`);
  const ids = [];
  for (let index = 0; index < count; index++) {
    const { id, text } = profileText(index, vocabulary);
    writeFileSync(join(target, `${id}.md`), text);
    ids.push(id);
  }
  writeFileSync(join(target, STAMP_FILE), `${JSON.stringify({ ...stampFor(count), complete: true })}\n`);
  return ids;
}

function stampFor(count) {
  return { generator: "csroles generate-profiles", version: GENERATOR_VERSION, count };
}

/** True when `dir` holds a complete folder of `count` profiles made by this generator version. */
export function isUpToDate(dir, count) {
  try {
    const stamp = JSON.parse(readFileSync(join(dir, STAMP_FILE), "utf8"));
    const expected = stampFor(count);
    return stamp.version === expected.version && stamp.count === expected.count && stamp.complete === true;
  } catch {
    return false;
  }
}

/** Generates `count` profiles into `dir` unless an up-to-date folder is already there. */
export function ensureProfiles(dir, count) {
  if (isUpToDate(dir, count)) return false;
  generateProfiles(dir, count);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, countText] = process.argv.slice(2);
  const count = Number(countText);
  if (!dir || !Number.isInteger(count) || count < 1) {
    process.stderr.write("usage: node scripts/generate-profiles.mjs <dir> <count>\n");
    process.exit(2);
  }
  try {
    generateProfiles(dir, count);
    process.stdout.write(`wrote ${count} profiles to ${resolve(dir)}\n`);
  } catch (error) {
    process.stderr.write(`generate-profiles: ${error.message}\n`);
    process.exit(1);
  }
}
