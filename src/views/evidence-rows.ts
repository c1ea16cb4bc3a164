/** The rows of the evidence list: a group's heading, or one of its quotes. */
import type { EvidenceGroup, QuoteCard } from "../core/evidence";

export type Row = { kind: "group"; group: EvidenceGroup; open: boolean } | { kind: "card"; group: EvidenceGroup; card: QuoteCard };

export const rowKey = (row: Row): string => (row.kind === "group" ? `g:${row.group.key}` : `c:${row.group.key}:${row.card.key}`);
