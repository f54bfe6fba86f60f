import { DateTime } from 'luxon';
import { timeZoneOf } from '../../rules/jurisdiction.js';
import { setAnswer } from '../answers.js';
import { assessSoFar, type Question } from '../planner.js';
import { formatWhen } from '../date-input.js';
import { Asking } from './asking.js';

/** A route of the rule sets as this case stands: whether it applies, and what would settle it. */
export interface RouteView {
  id: string;
  title: string;
  status: 'applies' | 'not_applying' | 'undetermined';
  decidedBy: 'rules' | 'adviser';
  needs: string[];
}

/** The posture questions: they decide which routes apply, not a verdict of their own. */
const POSTURE_REFS = new Set(['case.client.wants', 'case.police.reported', 'case.proceedings.stage', 'case.proceedings.hearing', 'case.respondent.relationship', 'case.complaint.filed']);
const PEOPLE_REFS = new Set(['case.client.name', 'case.respondent.name', 'case.respondent.gender']);

/**
 * Routes (a criminal complaint, an injured-party claim, obtaining an order …): the adviser may say
 * one does not apply to this client — when its question comes up, or from the menu — and the
 * answer is saved as routes.<id>: {applies: false, reason, by, at}, which the engine then follows.
 */
export abstract class RoutesPart extends Asking {
  /** The routes of the case's rule sets, as the engine reports them (none before the rule sets declare any). */
  protected routes(): RouteView[] {
    const report = assessSoFar(this.planInput()) as { routes?: unknown };
    const list = Array.isArray(report.routes) ? (report.routes as Record<string, unknown>[]) : [];
    return list.flatMap((r) => {
      const id = typeof r['id'] === 'string' ? r['id'] : undefined;
      if (!id) return [];
      const status = r['status'] === 'applies' || r['status'] === 'not_applying' ? r['status'] : 'undetermined';
      const needs = Array.isArray(r['needs']) ? (r['needs'] as unknown[]).flatMap((n) => (typeof n === 'string' ? [n] : n !== null && typeof n === 'object' && typeof (n as { ref?: unknown }).ref === 'string' ? [(n as { ref: string }).ref] : [])) : [];
      return [{ id, title: typeof r['title'] === 'string' ? r['title'] : this.routeTitle(id), status, decidedBy: r['decidedBy'] === 'adviser' ? 'adviser' : 'rules', needs } satisfies RouteView];
    });
  }

  /** A route's title in the interview's language, from the rule set that declares it. */
  protected routeTitle(id: string): string {
    for (const rs of this.options.rulesets) {
      if (rs.jurisdiction !== this.case.jurisdiction) continue;
      const title = rs.routes?.[id]?.title[this.lang];
      if (title) return title;
    }
    return id;
  }

  /** The one route a question is asked for, when everything it can change belongs to a route not yet ruled out. */
  protected onlyRoute(q: Question): { id: string; title: string } | undefined {
    const ids = new Set(q.dependents.map((d) => d.route));
    if (ids.size !== 1 || q.dependents.length === 0) return undefined;
    const [id] = [...ids];
    if (id === undefined) return undefined;
    return { id, title: this.routeTitle(id) };
  }

  /** Records, with a reason, who said so and when, that a route does not apply to this client. */
  protected async routeNotApplying(id: string): Promise<void> {
    const title = this.routeTitle(id);
    const reason = (await this.p.input({ id: `route.reason:${id}`, message: `${this.t('routeNotApplyQ', { route: title })} — ${this.t('routeReason')}`, validate: (v) => (v.trim() !== '' ? true : this.t('reasonRequired')) })).trim();
    const by = await this.adviser();
    const zone = timeZoneOf(this.jurisdictions, this.case.jurisdiction);
    const now = DateTime.fromJSDate(this.deps.now());
    const at = (zone ? now.setZone(zone) : now).toFormat("yyyy-LL-dd'T'HH:mm");
    this.save(setAnswer(this.case, `case.routes.${id}`, { applies: false, reason, by, at }));
    this.p.say(this.c.dim(this.t('routeRecorded', { route: title, by, at: formatWhen(at, this.lang) })));
  }

  /** The menu's list of routes: say one does not apply, or let the rules decide again. True when something changed. */
  protected async routesMenu(): Promise<boolean> {
    let changed = false;
    for (;;) {
      const routes = this.routes();
      const pick = await this.p.select<string>({
        id: 'routes',
        message: this.t('routesTitle'),
        choices: [{ value: '', name: this.t('back') }, ...routes.map((r) => ({ value: r.id, name: `${r.title}  ${this.c.cyan(this.t(`route.${r.status}`))}${r.decidedBy === 'adviser' ? this.c.dim(` (${this.t('route.byAdviser')})`) : ''}` }))],
        keys: { left: '', '<': '' },
      });
      if (pick === '') return changed;
      const route = routes.find((r) => r.id === pick);
      if (route?.decidedBy === 'adviser') {
        if (await this.p.confirm({ id: 'route.again', message: `${route.title}: ${this.t('routeApplyAgain')}?`, default: true })) this.save(setAnswer(this.case, `case.routes.${pick}`, undefined));
      } else await this.routeNotApplying(pick);
      changed = true;
    }
  }

  /** Why a posture or people question is asked: which routes it decides, or that it is for the report's words. True when it was one. */
  protected explainPosture(ref: string): boolean {
    if (PEOPLE_REFS.has(ref)) {
      this.p.say(this.c.dim(this.t('whyPeople')));
      return true;
    }
    if (!POSTURE_REFS.has(ref)) return false;
    this.p.say(this.t('whyPosture'));
    const deciding = this.routes().filter((r) => r.needs.includes(ref));
    if (deciding.length > 0) {
      this.p.say(this.t('whyRoutes'));
      for (const r of deciding) this.p.say(`  · ${this.c.bold(r.title)}`);
    }
    return true;
  }
}
