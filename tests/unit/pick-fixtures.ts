// Roles and a vocabulary for the picker's unit tests, apart from the real data.
import type { LoadedRole, ProfileHead } from "../../src/core/profile.js";
import type { VocabularyIndex } from "../../src/core/vocabulary.js";
import { testRole, testVocabulary } from "../helpers/test-data.js";

const labels = (en: string, sv = en) => ({ en, da: en, sv, nb: en, fi: en });

export function pickVocabulary(): VocabularyIndex {
  return testVocabulary({
    skills: [],
    toolCategories: [],
    stages: [],
    positions: [
      { id: "agent", labels: labels("Service representative", "Kundtjänstmedarbetare"), aliases: [] },
      { id: "lead", labels: labels("Team lead", "Teamledare"), aliases: [] },
    ],
    levels: [
      { id: "entry", labels: labels("Entry level", "Ingångsnivå"), aliases: [] },
      { id: "mid-level", labels: labels("Mid-level", "Mellannivå"), aliases: [] },
    ],
    tools: [],
  });
}

export const pickRole: (
  id: string,
  title: string,
  titleEn: string,
  fields?: Partial<ProfileHead>,
) => LoadedRole = testRole;

export const TEAM_LEAD = pickRole(
  "customer-service-team-lead",
  "Kundtjänstteamledare",
  "Customer Service Team Lead",
  {
    level: "mid-level",
    position: "lead",
  },
);
export const EXECUTIVE = pickRole(
  "customer-service-executive",
  "Kundeserviceansvarlig",
  "Customer Service Executive",
  {
    lang: "nb",
    aliases: ["CSE"],
  },
);
export const AGENT = pickRole("support-agent", "Support Agent", "Support Agent", { lang: "en" });

/** Three roles; in order of title: Kundeserviceansvarlig, Kundtjänstteamledare, Support Agent. */
export const PICK_ROLES = [TEAM_LEAD, EXECUTIVE, AGENT];
