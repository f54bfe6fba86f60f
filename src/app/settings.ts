import { caseToday } from '../case/case-dates.js';
import type { CaseFile } from '../case/types.js';
import { isValidIsoDate } from '../dates/legal-date.js';
import type { Jurisdiction } from '../rules/jurisdiction.js';
import type { Lang } from '../rules/types.js';

/** What the person running the assessment asked for; anything left out comes from the case file. */
export interface AssessSettings {
  /** the as-of date, YYYY-MM-DD (--as-of) */
  asOf?: string;
  /** the language of the report (--lang) */
  lang?: Lang;
  /** collect reasons and indicators (default true): false when every output is a lean machine format */
  reasons?: boolean;
  /** --redact: names, free text and case ids replaced by placeholders before anything is assessed */
  redact?: boolean;
}

/** The as-of date: the one asked for, else the case file's own, else today in the case's time zone. */
export function chooseAsOf(caseFile: CaseFile, asOf: string | undefined, now: () => Date, jurisdictions: readonly Jurisdiction[]): string {
  if (asOf !== undefined) return asOf;
  if (caseFile.asOf !== undefined && isValidIsoDate(caseFile.asOf)) return caseFile.asOf;
  return caseToday(caseFile, jurisdictions, now());
}

/** The language: the one asked for, else the case file's own, else English. */
export function chooseLang(caseFile: CaseFile, lang: Lang | undefined): Lang {
  return lang ?? caseFile.lang ?? 'en';
}
