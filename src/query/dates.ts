/**
 * claimgraph query: dates. Documents carry `date` as ingest writes it (YYYY-MM-DD); the query filters take
 * ISO dates too. ISO strings of one length sort as text, so no Date object (and no time zone) is involved.
 */
import { QueryArgumentError } from './errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD (2018-02-30 is no day). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // day 0 of the next month is the last day of this one; UTC so the local zone cannot shift it
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The message for a filter date that is not one, naming the option so the CLI can print it as it is. */
export function badDateMessage(option: string, value: string): string {
  return `${option}: "${value}" is not a date; expected an ISO date YYYY-MM-DD, such as 2018-10-04`;
}

/** Checks a filter date, throwing QueryArgumentError (exit 2 in the CLI) when it is no ISO date. */
export function checkFilterDate(option: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new QueryArgumentError(badDateMessage(option, value));
  return value;
}

/**
 * The day a document's `date` gives, for sorting and filtering: its first ten characters when they are an ISO
 * day (a timestamp's date part), else undefined. A file from another writer may hold any string there; such a
 * document counts as undated rather than being ordered by a guess.
 */
export function documentDay(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  const day = date.slice(0, 10);
  return isIsoDate(day) ? day : undefined;
}

/** Whether `day` lies in [since, until], both inclusive and each optional. */
export const inRange = (day: string, since: string | undefined, until: string | undefined): boolean =>
  (since === undefined || day >= since) && (until === undefined || day <= until);
