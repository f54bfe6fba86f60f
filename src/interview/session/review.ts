import type { CaseFile } from '../../case/types.js';
import { caseField } from '../../case/fields.js';
import { answeredRefs, getAnswer, interviewState, unknownRefs, withState } from '../answers.js';
import { incidentSummary, questionFor } from '../planner.js';
import { SEPARATOR, type ChoiceOrSeparator } from '../prompter.js';
import { describeWhen } from '../view.js';
import { hasKey, sayKey } from '../../words/interview.js';
import { Stages } from './stages.js';

/** The posture and people fields, in the order they are asked, with the step that asks each. */
const POSTURE: readonly { ref: string; step: string; group: 'posture' | 'people' }[] = [
  { ref: 'case.client.wants', step: 'case.client.wants', group: 'posture' },
  { ref: 'case.police.reported', step: 'police', group: 'posture' },
  { ref: 'case.proceedings.stage', step: 'case.proceedings.stage', group: 'posture' },
  { ref: 'case.proceedings.hearing', step: 'case.proceedings.hearing', group: 'posture' },
  { ref: 'case.complaint.filed', step: 'complaint', group: 'posture' },
  { ref: 'case.complaint.withdrawn', step: 'complaint', group: 'posture' },
  { ref: 'case.respondent.relationship', step: 'case.respondent.relationship', group: 'posture' },
  { ref: 'case.client.name', step: 'case.client.name', group: 'people' },
  { ref: 'case.respondent.name', step: 'case.respondent.name', group: 'people' },
  { ref: 'case.respondent.gender', step: 'case.respondent.gender', group: 'people' },
];

/**
 * The review: every answer, grouped by stage in the order asked, each shown whole; "don't know"
 * apart from "not asked"; each one can be changed (an incident's count, the refusal date and the
 * previous convictions too).
 */
export abstract class Review extends Stages {
  /** An answer in words, whole: "don't know" when answered so, "not asked" when never asked. */
  private shown(ref: string): string {
    const raw = getAnswer(this.case, ref);
    if (raw === undefined) return unknownRefs(this.case).has(ref) || (ref === 'case.complaint.filed' && this.case.complaint?.filed === 'unknown') ? this.t('dontKnowShort') : this.t('notAsked');
    // Not asked but followed from "the police do not know": the review says so.
    if (ref === 'case.complaint.filed' && raw === false && getAnswer(this.case, 'case.police.reported') === false) return `${this.t('no').toLowerCase()} ${this.t('complaintFromPolice')}`;
    if (ref === 'case.client.wants' && Array.isArray(raw)) {
      const options = caseField('client.wants')?.options ?? [];
      return raw.map((v) => options.find((o) => o.value === v)?.label[this.lang] ?? String(v)).join(', ');
    }
    const q = questionFor(ref, this.planInput());
    if (q) return this.describeAnswer(q, raw);
    return typeof raw === 'string' || typeof raw === 'object' ? describeWhen(raw, this.lang) : String(raw);
  }

  private label(ref: string): string {
    const f = caseField(ref.slice('case.'.length));
    const q = questionFor(ref, this.planInput());
    if (q?.type === 'judgment' && q.judgment) return q.judgment.title;
    const own = `q.${ref.slice('case.'.length)}`;
    return hasKey(own) ? sayKey(this.lang, own) : f ? f.label[this.lang] : (q?.text ?? ref);
  }

  protected async review(): Promise<boolean> {
    let changed = false;
    for (;;) {
      const choices: ChoiceOrSeparator<string>[] = [{ value: 'done', name: this.t('reviewDone') }];
      const head = (key: 'stage.opening' | 'stage.posture' | 'stage.people' | 'stage.incidents' | 'stage.orders' | 'stage.facts' | 'stage.judgments'): void => {
        choices.push(SEPARATOR, { value: 'noop', name: this.c.bold(`— ${this.t(key)} —`) });
      };
      let n = 0;
      const item = (value: string, label: string, answer: string): void => {
        n++;
        choices.push({ value, name: `${label}:  ${this.c.cyan(answer)}` });
      };
      head('stage.opening');
      item('case', this.t('reviewCaseFacts'), `${this.jurisdictionName(this.case.jurisdiction)}${this.case.id ? ` · ${this.case.id}` : ''}${this.case.summary ? ` · ${this.case.summary}` : ''}`);
      const mentioned = (ref: string): boolean => getAnswer(this.case, ref) !== undefined || unknownRefs(this.case).has(ref) || interviewState(this.case)?.trail.includes(`s:${ref}`) === true || this.stepAsks(ref);
      for (const group of ['posture', 'people'] as const) {
        const fields = POSTURE.filter((f) => f.group === group && mentioned(f.ref));
        if (fields.length === 0) continue;
        head(group === 'posture' ? 'stage.posture' : 'stage.people');
        for (const f of fields) item(`step:${f.step}`, this.label(f.ref), this.shown(f.ref));
        if (group === 'posture') for (const r of this.routes().filter((x) => x.decidedBy === 'adviser')) item('routes', r.title, `${this.t(`route.${r.status}`)} (${this.t('route.byAdviser')})`);
      }
      head('stage.incidents');
      (this.case.incidents ?? []).forEach((inc, i) => {
        n++;
        choices.push({ value: `incident:${i}`, name: `${this.t('incidentAction', { n: i + 1, what: incidentSummary(inc, this.lang, true) })}${this.incidentDetails(i)}` });
      });
      const state = interviewState(this.case);
      if (state?.refusalAsked) item('refusal', this.t('reviewRefusal'), state.refusal ?? this.t('dontKnowShort'));
      if ((this.case.orders ?? []).length > 0 || this.case.previousConvictions !== undefined) {
        head('stage.orders');
        (this.case.orders ?? []).forEach((o, i) => item(`order:${i}`, this.t('orderNumber', { n: i + 1 }), this.orderSummary(o)));
        const convictions = this.case.previousConvictions;
        if (convictions !== undefined) item('convictions', this.t('reviewConvictions'), convictions.length === 0 ? this.t('convictionsNone') : convictions.map((c) => [c.offence, c.date !== undefined ? describeWhen(c.date, this.lang) : undefined].filter(Boolean).join(', ')).join('; '));
      }
      const rest = [...new Set([...answeredRefs(this.case), ...[...unknownRefs(this.case)].filter((r) => !/^case\.(incidents|orders)\./.test(r))])].filter((r) => !POSTURE.some((f) => f.ref === r) && !r.startsWith('case.routes.'));
      for (const group of ['facts', 'judgments'] as const) {
        const refs = rest.filter((r) => (group === 'judgments') === r.startsWith('judgments.'));
        const asked = refs.flatMap((ref) => {
          const q = questionFor(ref, this.planInput());
          return q ? [{ ref, q }] : [];
        });
        if (asked.length === 0) continue;
        head(group === 'facts' ? 'stage.facts' : 'stage.judgments');
        for (const { ref, q } of asked) {
          const raw = getAnswer(this.case, ref);
          item(ref, q.type === 'judgment' && q.judgment ? q.judgment.title : q.text, raw === undefined ? this.t('dontKnowShort') : this.describeAnswer(q, raw, true));
        }
      }
      const picked = await this.p.select<string>({ id: 'review', message: this.t('reviewTitle', { n }), choices, keys: { left: 'done', '<': 'done' } });
      if (picked === 'done') return changed;
      if (picked === 'noop') continue;
      const before = JSON.stringify(this.case);
      if (picked === 'case') await this.editCase();
      else if (picked.startsWith('incident:')) await this.editIncident(Number(picked.slice(9)));
      else if (picked.startsWith('order:')) await this.editOrder(Number(picked.slice(6)));
      else if (picked.startsWith('step:')) await this.rerunStep(picked.slice(5));
      else if (picked === 'routes') await this.routesMenu();
      else if (picked === 'convictions') await this.rerunStep('convictions');
      else if (picked === 'refusal') {
        this.save(withState(this.case, { refusalAsked: false }));
        await this.refusalDay({ ref: 'case.incidents.0.afterRefusal', type: 'boolean', text: '', decides: 0, dependents: [] });
      } else {
        const q = questionFor(picked, this.planInput());
        if (!q) this.p.say(this.t('noChange'));
        else await this.ask(q, 'review');
      }
      if (JSON.stringify(this.case) !== before) {
        changed = true;
        this.p.say(this.c.dim(this.t('changed')));
      }
    }
  }

  /** Whether the stages ask this field for this case (the rules read it, or it is one of the people's). */
  private stepAsks(ref: string): boolean {
    return POSTURE.some((f) => f.ref === ref && f.group === 'people') ? caseField(ref.slice(5)) !== undefined : false;
  }

  protected async editCase(): Promise<boolean> {
    const before = JSON.stringify(this.case);
    const pick = await this.p.select<'jurisdiction' | 'id' | 'summary' | 'back'>({
      id: 'review.case',
      message: this.t('reviewCaseFacts'),
      choices: [
        { value: 'back', name: this.t('back') },
        { value: 'jurisdiction', name: `${this.t('jurisdiction')}  ${this.c.cyan(this.jurisdictionName(this.case.jurisdiction))}` },
        { value: 'id', name: `${this.t('caseId')}  ${this.c.cyan(this.case.id ?? '—')}` },
        { value: 'summary', name: `${this.t('summary')}  ${this.c.cyan(this.case.summary ?? '—')}` },
      ],
      keys: { left: 'back', '<': 'back' },
    });
    if (pick === 'id' || pick === 'summary') {
      const value = (await this.p.input({ id: `case.${pick}`, message: this.t(pick === 'id' ? 'caseId' : 'summary'), ...(this.case[pick] ? { default: this.case[pick] } : {}) })).trim();
      const next = { ...this.case };
      if (value === '') delete next[pick];
      else next[pick] = value;
      this.save(next);
    } else if (pick === 'jurisdiction') {
      const j = await this.p.select<string>({ id: 'case.jurisdiction', message: this.t('jurisdiction'), choices: this.jurisdictionChoices(), default: this.case.jurisdiction });
      if (j !== this.case.jurisdiction && (await this.p.confirm({ id: 'case.jurisdiction.confirm', message: this.t('jurisdictionChange'), default: false }))) {
        // The law's questions differ per jurisdiction; what happened (incidents, complaint) does not.
        const next: CaseFile = { ...this.case, jurisdiction: j };
        delete next.facts;
        delete next.judgments;
        delete next.orders;
        delete (next as { routes?: unknown }).routes;
        const trail = (interviewState(next)?.trail ?? []).filter((e) => e === 's:incidents' || e === 's:case.id' || e === 's:case.summary');
        this.save(withState(next, { unknown: [], stage: 'posture', trail }));
        // The new jurisdiction's posture, complaint and orders are asked before any question about them.
        await this.runSteps('case.client.wants');
      }
    }
    return JSON.stringify(this.case) !== before;
  }
}
