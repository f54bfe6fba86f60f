import { parseWhen, todayIn } from '../dates/legal-date.js';
import { timeZoneOf, type Jurisdiction } from '../rules/jurisdiction.js';
import type { CaseFile } from './types.js';

/** The dates of a case that depend on its jurisdiction, from the jurisdiction's manifest. */

/**
 * Today in the case's jurisdiction (the default as-of date). A jurisdiction no manifest declares
 * makes the case invalid; its report is dated today in UTC.
 */
export function caseToday(caseFile: CaseFile, jurisdictions: readonly Jurisdiction[], now: Date): string {
  return todayIn(timeZoneOf(jurisdictions, caseFile.jurisdiction) ?? 'UTC', now);
}

/**
 * The date that selects the version of the rules in force for a case, as its jurisdiction's
 * manifest declares (lawInForceOn; the legal reason is given there): the last known incident, or
 * the as-of date when there is none or it is later; or always the as-of date.
 */
export function lawInForceDate(caseFile: CaseFile, asOf: string, jurisdiction: Pick<Jurisdiction, 'timeZone' | 'lawInForceOn'>): string {
  let latest: string | undefined;
  for (const inc of caseFile.incidents ?? []) {
    const p = parseWhen(inc.date, jurisdiction.timeZone);
    if (p.ok && (latest === undefined || p.range.latest > latest)) latest = p.range.latest;
  }
  return lawInForceOnDate(jurisdiction.lawInForceOn, latest, asOf);
}

/** The rule itself, for callers that have the last incident's day already (the engine's case view). */
export function lawInForceOnDate(lawInForceOn: Jurisdiction['lawInForceOn'], lastIncident: string | undefined, asOf: string): string {
  switch (lawInForceOn) {
    case 'as-of':
      return asOf;
    case 'last-incident':
      return lastIncident !== undefined && lastIncident < asOf ? lastIncident : asOf;
  }
}
