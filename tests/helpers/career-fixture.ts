// A small career library (two ladders over a made-up vocabulary), so the career model and its
// renderers are tested apart from data/.
import type { TransitionEnd } from "../../src/core/career/transition-brief.js";
import { headOf, type LoadedProfile, type LoadedRole, type Profile } from "../../src/core/profile.js";
import { testProfile, testVocabulary } from "./test-data.js";

const labels = (en: string) => ({ en, da: `${en} da`, sv: `${en} sv`, nb: `${en} nb`, fi: `${en} fi` });
const concepts = (...ids: string[]) =>
  ids.map((id) => ({ id, labels: labels(id.toUpperCase()), aliases: [] }));

/** A small vocabulary, so the career model is tested apart from the real data. */
export const vocabulary = testVocabulary({
  skills: concepts("talk", "listen", "lead", "count"),
  toolCategories: concepts("crm", "chat"),
  stages: concepts("entry", "mid-level", "management"),
  positions: [
    { id: "agent", labels: { ...labels("Agent"), sv: "Agenten", fi: "Asiakasagentti" }, aliases: ["rep"] },
    ...concepts("lead", "coach", "manager", "hermit"),
  ],
  levels: concepts("entry", "management"),
  tools: [
    { id: "crmx", name: "CrmX", category: "crm", labels: labels("CrmX"), aliases: [] },
    { id: "chatty", name: "Chatty", category: "chat", labels: labels("Chatty"), aliases: [] },
  ],
});

const loaded = (profile: Profile): LoadedProfile => ({
  profile,
  file: `/roles/${profile.id}.md`,
  origin: "/roles",
  overrides: [],
});

// agent-role: agent → lead → manager; coach-role: agent → coach → manager (its management stage listed first).
export const agentRole = loaded(
  testProfile("agent-role", {
    position: "agent",
    career_path: [
      { stage: "entry", label: "Start", positions: [{ position: "agent", label: "agentti" }] },
      { stage: "mid-level", positions: [{ position: "lead", label: "vetäjä" }], inferred: true },
      { stage: "management", label: "Johto", positions: [{ position: "manager", label: "päällikkö" }] },
    ],
    skills: [
      { skill: "talk", label: "puhua" },
      { skill: "listen", label: "kuunnella" },
    ],
    tools: [{ tool: "crmx", name: "CRM-X", category: "crm", heading: "CRM" }],
    source: { file: "seed-a.txt", publisher: "P", date: "2024-01-01" },
  }),
);
export const managerRole = loaded(
  testProfile("manager-role", {
    lang: "da",
    position: "manager",
    career_path: [
      { stage: "management", label: "Ledelse", positions: [{ position: "manager", label: "Chef" }] },
      { stage: "entry", label: "Start", positions: [{ position: "agent", label: "Agent" }] },
      { stage: "mid-level", label: "Midt", positions: [{ position: "coach", label: "Træner" }] },
    ],
    skills: [
      { skill: "talk", label: "Tale", note: "Klart og venligt." },
      { skill: "lead", label: "Lede", note: "Gå forrest." },
      { skill: "count", label: "Tælle" },
    ],
    tools: [
      { tool: "crmx", name: "CrmX", category: "crm", heading: "CRM" },
      { tool: "chatty", name: "Chatty", category: "chat", heading: "Chat", note: "Hver dag." },
    ],
    responsibilities: [{ area: "Teamet", text: "Lede teamet.", items: [] }],
    growth: "Tag en lederuddannelse.",
    best_practices: [{ title: "Lyt", text: "Lyt først." }],
    source: { file: "seed-m.txt", publisher: "Q", date: "2024-02-02" },
  }),
);
/**
 * The library's roles as it knows them: by their heads alone, as the profile cache keeps them. The
 * career core gets nothing more of any profile but a transition's two ends.
 */
export const roles: LoadedRole[] = [agentRole, managerRole].map((l) => ({
  ...l,
  profile: headOf(l.profile),
}));
/** Their ladders, as the career graph and the position view take them. */
export const heads = roles.map((l) => l.profile);

export const role = (l: LoadedProfile): TransitionEnd => ({ profile: l, position: l.profile.position });
export const position = (id: string): TransitionEnd => ({ profile: null, position: id });
