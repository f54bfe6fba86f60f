import fc from 'fast-check';
import type { CaseFile } from '../../src/case/types.js';
import { addDays } from '../../src/dates/legal-date.js';
import type { LoadedRules } from '../../src/io/files.js';

/**
 * Generated cases for the soundness properties. Dates are drawn near the days where terms turn
 * (a day, two weeks, four weeks, three and six months, a year, two and six years from another date):
 * boundary days are where an interval engine goes wrong, so they are generated on purpose.
 */
const BOUNDARY_OFFSETS = [0, 1, 2, 7, 8, 13, 14, 15, 27, 28, 29, 30, 31, 89, 90, 91, 92, 93, 181, 182, 183, 184, 364, 365, 366, 730, 731, 2190, 2191, 2192];
const offset = fc.oneof(fc.constantFrom(...BOUNDARY_OFFSETS), fc.integer({ min: 0, max: 2400 }));

const KINDS = ['message', 'call', 'email', 'social-media', 'following', 'watching', 'visit-home', 'visit-work', 'gift', 'third-party', 'damage', 'assault'];
const ORDER_TYPES: Record<string, string[]> = {
  NL: ['nl-measure-38v', 'nl-gedragsaanwijzing', 'nl-special-condition', 'nl-civil-ban', 'nl-huisverbod'],
  EW: ['restraining-order-conviction', 'restraining-order-acquittal', 'non-molestation-order', 'domestic-abuse-protection-order', 'stalking-protection-order', 'occupation-order'],
};

const notAfter = (day: string, last: string): string => (day > last ? last : day);

/** A day written as a day, or roughly: its month, its year, a range around it, or open at one end. */
function roughly(day: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(day) },
    { weight: 1, arbitrary: fc.constant(day.slice(0, 7)) },
    { weight: 1, arbitrary: fc.constant(day.slice(0, 4)) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })).map(([a, b]) => ({ from: addDays(day, -a), to: addDays(day, b) })) },
    { weight: 1, arbitrary: fc.constant({ from: day }) },
    { weight: 1, arbitrary: fc.constant({ to: day }) },
  );
}

const RESTATED = new Set(['complaint_filed', 'ban_type', 'ban_effective_date', 'gedragsaanwijzing_date', 'kort_geding_judgment_date', 'measure_38v_start', 'huisverbod_imposed']);


export function caseArbitrary(rules: LoadedRules): fc.Arbitrary<{ asOf: string; caseFile: CaseFile }> {
  // Facts that restate a case field (a complaint made, the kind of ban) are left to the case fields: drawn
  // independently they would contradict them, and no promise holds for a case that contradicts itself.
  const factsOf = (j: string): [string, { type: string; options?: { value: string }[] }][] =>
    rules.rulesets
      .filter((r) => r.jurisdiction === j)
      .flatMap((r) => Object.entries(r.facts ?? {}) as [string, { type: string; options?: { value: string }[] }][])
      .filter(([id]) => !RESTATED.has(id));
  const judgmentsOf = (j: string): [string, { type?: string; options?: { value: string }[] }][] =>
    rules.rulesets.filter((r) => r.jurisdiction === j).flatMap((r) => Object.entries(r.judgments ?? {}) as [string, { type?: string; options?: { value: string }[] }][]);

  return fc
    .record({ j: fc.constantFrom('NL', 'EW'), asOf: fc.integer({ min: 0, max: 900 }).map((n) => addDays('2025-06-01', n)) })
    .chain(({ j, asOf }) => {
      const before = offset.map((n) => addDays(asOf, -n));
      const around = fc.integer({ min: -400, max: 800 }).map((n) => addDays(asOf, n));
      const incident = fc.record(
        {
          date: before.chain(roughly),
          kind: fc.constantFrom(...KINDS),
          direct: fc.boolean(),
          threat: fc.boolean(),
          violence: fc.boolean(),
          afterRefusal: fc.boolean(),
          inPlace: fc.boolean(),
          victimInitiated: fc.boolean(),
        },
        { requiredKeys: ['date', 'kind'] },
      );
      const order = fc.record(
        {
          type: fc.constantFrom(...(ORDER_TYPES[j] as string[])),
          made: before.chain(roughly),
          served: before.chain(roughly),
          expires: around.chain(roughly),
          indefinite: fc.boolean(),
          withoutNotice: fc.boolean(),
          terms: fc.record({ directContact: fc.boolean(), indirectContact: fc.boolean(), socialMedia: fc.boolean(), violence: fc.boolean() }, { requiredKeys: [] }),
        },
        { requiredKeys: ['type'] },
      ).map((o) => {
        // An order until further order has no end date: both at once is a case that contradicts itself.
        if (o.indefinite === true) delete o.expires;
        return o;
      });
      const complaint = before.chain((learned) =>
        fc.record(
          {
            learned: roughly(learned),
            // A complaint made, or withdrawn, is a past event: never after the as-of day.
            filed: fc.oneof(fc.constant(false), fc.constantFrom(...BOUNDARY_OFFSETS).chain((n) => roughly(notAfter(addDays(learned, n), asOf))), fc.constant('unknown')),
            withdrawn: fc.oneof(fc.constant(false), fc.integer({ min: 0, max: 12 }).map((n) => notAfter(addDays(learned, 90 + n), asOf))),
          },
          { requiredKeys: [] },
        ),
      );
      const factValue = ([, f]: [string, { type: string; options?: { value: string }[] }]): fc.Arbitrary<unknown> => {
        switch (f.type) {
          case 'boolean':
            return fc.boolean();
          case 'choice':
            return fc.constantFrom(...(f.options ?? [{ value: 'x' }]).map((o) => o.value));
          case 'date':
          case 'datetime':
            return before.chain(roughly);
          case 'number':
            return fc.integer({ min: 0, max: 5 });
          default:
            return fc.constant('x');
        }
      };
      const facts = fc.subarray(factsOf(j), { maxLength: 12 }).chain((chosen) => fc.tuple(...chosen.map(factValue)).map((vals) => Object.fromEntries(chosen.map(([id], i) => [id, vals[i]]))));
      const judgments = fc
        .subarray(judgmentsOf(j), { maxLength: 8 })
        .chain((chosen) =>
          fc
            .tuple(...chosen.map(([, d]) => (d.type === 'choice' ? fc.constantFrom(...(d.options ?? [{ value: 'x' }]).map((o) => o.value)) : fc.boolean())))
            .map((vals) => Object.fromEntries(chosen.map(([id], i) => [id, { value: vals[i], reason: 'generated', by: 'property test', at: `${asOf}T09:00` }]))),
        );
      return fc
        .record(
          {
            incidents: fc.array(incident, { maxLength: 5 }),
            orders: fc.array(order, { maxLength: 2 }),
            complaint: j === 'NL' ? complaint : fc.constant(undefined),
            facts,
            judgments,
          },
          { requiredKeys: ['incidents'] },
        )
        .map((parts) => {
          const caseFile: Record<string, unknown> = { jurisdiction: j };
          for (const [k, v] of Object.entries(parts)) if (v !== undefined) caseFile[k] = v;
          return { asOf, caseFile: caseFile as unknown as CaseFile };
        });
    });
}
