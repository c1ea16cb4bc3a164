/** Time values from other tools' files, as the partial dates of the model (YYYY, YYYY-MM, YYYY-MM-DD). */
import { isPartialDate } from "../../model/dates";

/**
 * A partial date from `text`: a date as it is, the day of a date-time
 * ("2014-03-05T10:00:00Z"), or a year given as a number (1000–9999, as
 * GEXF's integer and double time formats often hold). Null for anything
 * else, such as a time step "3.5".
 */
export function toPartialDate(text: string | null | undefined): string | null {
  if (typeof text !== "string") return null;
  const value = text.trim();
  if (isPartialDate(value)) return value;
  const day = /^(\d{4}-\d{2}-\d{2})[T ]/.exec(value)?.[1];
  if (day && isPartialDate(day)) return day;
  const year = /^(\d{4})(\.0+)?$/.exec(value)?.[1];
  return year && isPartialDate(year) ? year : null;
}
