/** Names of synthetic actors: syllables and suffixes, roles, publishers, and a registry that keeps every name unique. */
import { slugify } from "../../src/model/text";
import type { Rng } from "./random";

export const SYLLABLES = [
  "ka",
  "ro",
  "vin",
  "tal",
  "mer",
  "do",
  "sa",
  "len",
  "bar",
  "ti",
  "nor",
  "vel",
  "ash",
  "qua",
  "ri",
  "mon",
  "zel",
  "pa",
  "gor",
  "un",
  "es",
  "lor",
  "fen",
  "da",
  "tor",
  "mi",
  "shan",
  "bel",
  "ol",
  "va",
  "re",
  "kun",
];
export const COUNTRY_SUFFIXES = ["ia", "stan", "land", "ar", "ova", "ea", "is"];
export const ORG_SUFFIXES = [
  "Council",
  "Institute",
  "Bank",
  "Agency",
  "Corporation",
  "Front",
  "Union",
  "Foundation",
  "Party",
  "Commission",
];
export const GROUPING_SUFFIXES = ["Group", "Forum", "Alliance", "Pact", "Partnership"];
export const TERRITORY_SUFFIXES = ["Province", "Region", "Strait", "Islands", "Valley"];
export const PLACE_SUFFIXES = ["burg", "grad", "ville", "polis", "abad", "port"];
export const EVENT_NAMES = ["Summit", "Crisis", "Talks", "Conference", "War", "Accords Review"];
export const DOCUMENT_NAMES = ["Accord", "Treaty", "Declaration", "Protocol", "Charter"];
export const ROLES = [
  "Foreign Minister",
  "President",
  "Prime Minister",
  "Defence Minister",
  "Ambassador",
  "Spokesperson",
  "Secretary-General",
  "Chief Executive",
  "Finance Minister",
];
export const PUBLISHERS = [
  "Asia Times",
  "The Continental Review",
  "Global Wire",
  "Northern Herald",
  "Daily Ledger",
  "Policy Monitor",
  "Eastern Observer",
  "World Affairs Weekly",
  "The Atlantic Post",
  "Meridian News",
  "Frontier Journal",
  "Capital Gazette",
];

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export class NameRegistry {
  private readonly names = new Set<string>();
  private readonly ids = new Set<string>();
  constructor(private readonly rng: Rng) {}

  root(min = 2, max = 3): string {
    let s = "";
    for (let i = this.rng.int(min, max); i > 0; i--) s += this.rng.pick(SYLLABLES);
    return capitalize(s);
  }
  /** A label not yet used as label or alias (case-insensitive), with an unused id. */
  label(make: () => string): { label: string; id: string } {
    for (let attempt = 0; ; attempt++) {
      let label = make();
      if (attempt > 20) label += ` ${this.root(1, 1)}`;
      const id = slugify(label);
      if (this.free(label) && id && !this.ids.has(id)) {
        this.names.add(label.toLowerCase());
        this.ids.add(id);
        return { label, id };
      }
    }
  }
  /** Claims an alias if nobody uses that name yet. */
  alias(name: string): boolean {
    if (!this.free(name)) return false;
    this.names.add(name.toLowerCase());
    return true;
  }
  private free(name: string): boolean {
    return !this.names.has(name.toLowerCase());
  }
}
