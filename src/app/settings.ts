import { zoneOf } from '../case/load.js';
import type { CaseFile } from '../case/types.js';
import { isValidIsoDate, todayIn } from '../dates/legal-date.js';
import type { Lang } from '../rules/types.js';

/** What the person running the assessment asked for; anything left out comes from the case file. */
export interface AssessSettings {
  /** the as-of date, YYYY-MM-DD (--as-of) */
  asOf?: string;
  /** the language of the report (--lang) */
  lang?: Lang;
}

/** The as-of date: the one asked for, else the case file's own, else today in the case's time zone. */
export function chooseAsOf(caseFile: CaseFile, asOf: string | undefined, now: () => Date): string {
  if (asOf !== undefined) return asOf;
  if (caseFile.asOf !== undefined && isValidIsoDate(caseFile.asOf)) return caseFile.asOf;
  return todayIn(zoneOf(caseFile.jurisdiction), now());
}

/** The language: the one asked for, else the case file's own, else English. */
export function chooseLang(caseFile: CaseFile, lang: Lang | undefined): Lang {
  return lang ?? caseFile.lang ?? 'en';
}
