// The peer: Art. 285b Sr (belaging) as json-rules-engine rules, mirroring rules/nl/belaging.yaml.
//
// In the YAML, the `belaging` conclusion is
//   all: [judgments.stelselmatig_inbreuk, judgments.wederrechtelijk, judgments.opzettelijk, judgments.oogmerk]
// evaluated three-valued (Kleene): met when all four are recorded true, not met as soon as one is
// recorded false (even if others are still unknown), undetermined otherwise. The four judgments
// are the adviser's, recorded in the case file as judgments.<id>.value; nothing else feeds it.
//
// json-rules-engine is two-valued and reads a missing fact as undefined (with
// allowUndefinedFacts), which no `equal` condition matches. Unknown is mapped like this:
// - a judgment that is absent, or recorded as "unknown" (which withdraws it), is not given to the
//   engine at all (an undefined fact);
// - two rules: `belaging-met` (all four equal true) and `belaging-not-met` (any equal false).
//   Neither firing is undetermined; both firing cannot happen (a fact is not both).
// So both engines see every case, including the partly judged ones, and must agree on all three answers.
import jre from 'json-rules-engine';

export const ELEMENTS = ['stelselmatig_inbreuk', 'wederrechtelijk', 'opzettelijk', 'oogmerk'];

export const BELAGING_RULES = [
  {
    name: 'belaging-met',
    conditions: { all: ELEMENTS.map((fact) => ({ fact, operator: 'equal', value: true })) },
    event: { type: 'met' },
  },
  {
    name: 'belaging-not-met',
    conditions: { any: ELEMENTS.map((fact) => ({ fact, operator: 'equal', value: false })) },
    event: { type: 'not_met' },
  },
];

/** The facts the peer is given for a parsed case file: the recorded judgments, unknown left out. */
export function jreFacts(caseFile) {
  const facts = {};
  for (const id of ELEMENTS) {
    const value = caseFile.judgments?.[id]?.value;
    if (typeof value === 'boolean') facts[id] = value;
  }
  return facts;
}

export function createJreBelaging() {
  const engine = new jre.Engine(BELAGING_RULES, { allowUndefinedFacts: true });
  return {
    /** The timed call: 'met', 'not_met' or 'undetermined'. */
    async belaging(facts) {
      const { events } = await engine.run(facts);
      if (events.length > 1) throw new Error(`json-rules-engine fired both rules for ${JSON.stringify(facts)}`);
      return events[0]?.type ?? 'undetermined';
    },
  };
}
