import { envelopeHead } from '../report/machine.js';
import { FORMATS, type StreamedFormat } from '../report/formats.js';
import { resultSoFar, type PlanInput } from './planner.js';

/**
 * The printable report the interview ends with: the case so far written through the format
 * table's `html` format, as `rulecase assess --format html` would write it. Pure.
 */
export function printableReport(input: PlanInput, toolVersion: string): string {
  const html = FORMATS.html.commands.assess as StreamedFormat;
  const result = resultSoFar(input);
  const rulesets = input.rulesets.filter((rs) => rs.jurisdiction === input.caseFile.jurisdiction);
  const options = { color: false };
  const envelope = envelopeHead({ version: toolVersion, asOf: input.asOf, lang: input.lang, detail: 'lean', rulesets });
  return [
    html.head({ envelope, headlineColumns: [] }, options),
    html.case(result, { lang: input.lang, headlineColumns: [], triage: {}, detail: 'lean', textDetail: 'full', reasons: true, flags: [], rules: input.rulesets, ...options }),
    html.tail({ lang: input.lang, total: 1, invalid: 0, shown: 1, skipped: 0, filtered: false }, options),
  ].join('');
}

/** The report's file next to the case file: zaak.yaml → zaak.html. */
export function reportFileFor(caseFile: string): string {
  return caseFile.replace(/\.(ya?ml|json)$/i, '') + '.html';
}
