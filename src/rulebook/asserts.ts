/**
 * Which rules a rule test asserts: each key of its expectations, resolved to a rule of the rule sets
 * the test's case was assessed with, as the test runner resolves it (`id`, or `<rule set>.<id>`).
 */
import type { CaseReport } from '../explain/types.js';
import type { RuleTest } from '../rules/tests.js';
import type { RuleSet } from '../rules/types.js';
import type { BookTest, RuleSection } from './model.js';

type Assert = BookTest['asserts'][number];

export function assertedRules(test: RuleTest, report: CaseReport, rulesets: readonly RuleSet[]): Assert[] {
  // The rule sets this case was assessed with, in the versions used.
  const used = report.rulesets.flatMap((u) => rulesets.filter((rs) => rs.id === u.id && rs.version === u.version));
  const resolve = (section: RuleSection, key: string): Assert[] => {
    const declares = (rs: RuleSet, id: string): boolean => Object.hasOwn((rs[section] ?? {}) as object, id);
    const dot = key.indexOf('.');
    const qualified = dot > 0 ? used.filter((rs) => rs.id === key.slice(0, dot) && declares(rs, key.slice(dot + 1))) : [];
    const found = qualified.length === 1 ? qualified : used.filter((rs) => declares(rs, key));
    const id = qualified.length === 1 ? key.slice(dot + 1) : key;
    return found.length === 1 ? [{ ruleset: (found[0] as RuleSet).id, version: (found[0] as RuleSet).version, section, id }] : [];
  };
  const e = test.expect;
  const conclusionSection = (key: string): Assert[] => [...resolve('criteria', key), ...resolve('judgments', key), ...resolve('tables', key)];
  return [
    ...Object.keys(e.conclusions ?? {}).flatMap(conclusionSection),
    ...Object.keys(e.categories ?? {}).flatMap((k) => resolve('tables', k)),
    ...Object.keys(e.deadlines ?? {}).flatMap((k) => resolve('deadlines', k)),
    ...Object.keys(e.actions ?? {}).flatMap((k) => resolve('actions', k)),
    ...(e.actionOrder ?? []).flatMap((k) => resolve('actions', k)),
    ...Object.keys(e.routes ?? {}).flatMap((k) => resolve('routes', k)),
  ];
}
