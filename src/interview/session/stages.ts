import { caseField } from '../../case/fields.js';
import { getAnswer, interviewState, setAnswer, setUnknown, unknownRefs, withState, type Stage } from '../answers.js';
import { mentionedCaseRefs } from '../status.js';
import { questionFor, usesIncidents, usesOrders, type Question } from '../planner.js';
import { StatusQuestions, type StepResult } from './status-questions.js';
import { DONT_KNOW_WORDS, type Asked } from './core.js';


/** One screen of the stages asked up front; it skips itself when answered (unless gone back to) or when it cannot matter. */
interface Step {
  id: string;
  stage: Stage;
  run: (again: boolean) => Promise<StepResult>;
}

/** A case reference made from when the interview started (UTC, to the minute): "2026-12-05-1716". */
export function generatedId(startedIso: string): string {
  return `${startedIso.slice(0, 10)}-${startedIso.slice(11, 13)}${startedIso.slice(14, 16)}`;
}

/** Old values of where a criminal case stands, kept readable but no longer offered. */
const OLD_STAGES = new Set(['plea-guilty', 'plea-not-guilty', 'discontinued']);

/**
 * The stages asked up front, in a natural order: the case, the posture (what the client wants,
 * the police, the criminal case, the complaint, the relationship), the people, the incidents, the
 * orders and previous convictions. Each is one step; ← on any of them goes back to the one before.
 */
export abstract class Stages extends StatusQuestions {
  /** The case's rules mention the field (a route's `applies`, a criterion …), and the case-field table knows it. */
  private matters(ref: string): boolean {
    return caseField(ref.slice('case.'.length)) !== undefined && mentionedCaseRefs(this.options.rulesets, this.case.jurisdiction).has(ref);
  }

  /** Answered, or answered "don't know". */
  private settled(ref: string): boolean {
    return getAnswer(this.case, ref) !== undefined || unknownRefs(this.case).has(ref);
  }

  protected steps(): Step[] {
    const asked = (r: Asked): StepResult => (r === 'back' || r === 'stop' ? r : 'next');
    const field = (ref: string, stage: Stage, text: string, when: () => boolean, extra: Partial<Question> = {}): Step => ({
      id: ref,
      stage,
      run: async (again) => {
        if (!when() || (!again && this.settled(ref))) return 'skip';
        const q = questionFor(ref, this.planInput());
        if (!q) return 'skip';
        const options = q.options?.filter((o) => !OLD_STAGES.has(o.value) || getAnswer(this.case, ref) === o.value);
        return asked(await this.ask({ ...q, text, ...(options ? { options } : {}), ...extra }, 'status', this.progressLine(stage)));
      },
    });
    const stageOf = (): string | undefined => getAnswer(this.case, 'case.proceedings.stage') as string | undefined;
    return [
      // The case reference and summary are not asked: neither can change anything for the client.
      // The reference is made from the day the interview started; both stay editable in the review.
      { id: 'case.client.wants', stage: 'posture', run: (again) => this.wants(again) },
      { id: 'police', stage: 'posture', run: (again) => this.police(again) },
      field('case.police.reported', 'posture', this.t('q.police.reported'), () => this.dayOpen('case.police.reported'), { past: true, help: '' }),
      // Where a criminal case stands only makes sense once the police may know.
      field('case.proceedings.stage', 'posture', this.t('q.proceedings.stage'), () => this.matters('case.proceedings.stage') && getAnswer(this.case, 'case.police.reported') !== false, { help: '' }),
      field('case.proceedings.hearing', 'posture', this.t('q.proceedings.hearing'), () => this.matters('case.proceedings.hearing') && ['charged', 'appeal'].includes(stageOf() ?? ''), { help: '' }),
      { id: 'complaint', stage: 'posture', run: (again) => this.complaintStep(again) },
      field('case.respondent.relationship', 'posture', this.t('q.respondent.relationship'), () => this.matters('case.respondent.relationship'), { help: this.t('h.respondent.relationship') }),
      { id: 'case.client.name', stage: 'people', run: (again) => this.name('case.client.name', this.t('q.client.name'), again) },
      { id: 'case.respondent.name', stage: 'people', run: (again) => this.name('case.respondent.name', this.t('q.respondent.name'), again) },
      { id: 'case.respondent.gender', stage: 'people', run: (again) => this.gender(again) },
      { id: 'incidents', stage: 'incidents', run: (again) => this.incidentsStep(again) },
      { id: 'orders', stage: 'orders', run: (again) => this.ordersStep(again) },
      { id: 'convictions', stage: 'orders', run: (again) => this.convictionsStep(again) },
    ];
  }

  /**
   * Runs the steps from `from` (the start, or where a saved interview stopped); a step gone back to
   * is asked again with its answer shown. Done when the last step is passed.
   */
  protected async runSteps(from?: string, again = false): Promise<'done' | 'stop'> {
    const steps = this.steps();
    let i = Math.max(0, from === undefined ? 0 : steps.findIndex((s) => s.id === from));
    let force = again;
    while (i < steps.length) {
      const step = steps[i] as Step;
      if (interviewState(this.case)?.step !== step.id || this.stage !== step.stage) this.save(withState(this.case, { step: step.id, stage: step.stage }));
      const r = await step.run(force);
      force = false;
      if (r === 'stop') return 'stop';
      if (r === 'back') {
        const prev = this.popTrail();
        if (prev === undefined || !prev.startsWith('s:')) {
          if (prev !== undefined) this.pushTrail(prev);
          this.p.say(this.c.dim(this.t('backFirst')));
          force = true;
          continue;
        }
        const at = steps.findIndex((s) => s.id === prev.slice(2));
        i = at === -1 ? i : at;
        force = true;
        continue;
      }
      if (r === 'next') this.pushTrail(`s:${step.id}`);
      i++;
    }
    this.save(withState(this.case, { stage: 'questions', step: undefined }));
    return 'done';
  }

  /** Asks one step again (from the review), its answer shown; the steps that depend on it follow when they now apply. */
  protected async rerunStep(id: string): Promise<void> {
    const steps = this.steps();
    const at = steps.findIndex((s) => s.id === id);
    if (at === -1) return;
    await (steps[at] as Step).run(true);
    // "The police know" then asks when; a charge asks the hearing day.
    for (const next of steps.slice(at + 1, at + 4)) if (next.stage === steps[at]?.stage && next.id.startsWith('case.') && !this.settled(next.id)) await next.run(false);
  }

  protected pushTrail(entry: string): void {
    const trail = interviewState(this.case)?.trail ?? [];
    this.save(withState(this.case, { trail: [...trail, entry] }));
  }

  protected popTrail(): string | undefined {
    const trail = [...(interviewState(this.case)?.trail ?? [])];
    const last = trail.pop();
    this.save(withState(this.case, { trail }));
    return last;
  }

  /** "Where things stand · about 12 questions left": the stage, and how many of its steps and the law's questions remain, roughly. */
  protected abstract progressLine(stage: Stage | 'facts' | 'judgments'): string;

  /** A date known to be on or before a day only ("the police were told", day not given yet). */
  private dayOpen(ref: string): boolean {
    const v = getAnswer(this.case, ref);
    return v !== null && typeof v === 'object' && (v as { from?: unknown }).from === undefined && !unknownRefs(this.case).has(ref);
  }

  /** What the client wants: several at once (ticked), or not known. */
  private async wants(again: boolean): Promise<StepResult> {
    const ref = 'case.client.wants';
    const f = caseField('client.wants');
    if (!f?.options || !this.matters(ref) || (!again && this.settled(ref))) return 'skip';
    this.p.say('\n' + this.c.dim(this.progressLine('posture')));
    this.p.say(this.t('postureIntro'));
    for (;;) {
      const current = getAnswer(this.case, ref);
      const r = await this.p.selectMany<string, 'unknown' | 'back' | 'why' | 'menu'>({
        id: 'posture.wants',
        message: this.t('q.client.wants'),
        choices: f.options.map((o) => ({ value: o.value, name: o.label[this.lang] })),
        singles: [{ value: 'unknown', name: this.t('dontKnow') }],
        ...(Array.isArray(current) ? { checked: current as string[] } : {}),
        keys: { left: 'back', '<': 'back', '?': 'why', m: 'menu' },
      });
      if ('chosen' in r) {
        this.save(setAnswer(this.case, ref, r.chosen));
        return 'next';
      }
      if (r.single === 'why') this.explainPosture(ref);
      else if (r.single === 'menu') {
        if ((await this.menu()) === 'stop') return 'stop';
      } else if (r.single === 'back') return 'back';
      else {
        this.save(setUnknown(this.case, ref));
        return 'next';
      }
    }
  }

  /** Whether the police know: no is recorded as false (not told), apart from don't know; yes asks when next. */
  private async police(again: boolean): Promise<StepResult> {
    const ref = 'case.police.reported';
    if (!this.matters(ref) || (!again && this.settled(ref))) return 'skip';
    this.p.say('\n' + this.c.dim(this.progressLine('posture')));
    const r = await this.yesNoUnknown('police.known', this.t('q.police.known'), this.t('policeNotYet'), () => this.explainPosture(ref));
    if (r === 'back' || r === 'stop') return r;
    const held = getAnswer(this.case, ref);
    if (r !== 'no' && held === false && this.case.complaint?.filed === false) this.save(setAnswer(this.case, 'case.complaint.filed', undefined));
    // A complaint is made to the police: when they do not know, none was made, so it is not asked.
    if (r === 'no') this.save(this.matters('case.complaint.filed') && this.case.complaint?.filed === undefined ? setAnswer(setAnswer(this.case, ref, false), 'case.complaint.filed', false) : setAnswer(this.case, ref, false));
    else if (r === 'unknown') this.save(setUnknown(this.case, ref));
    // Told, on a day not known yet: on or before today; the next step asks the day.
    else if (held === undefined || held === false) this.save(setAnswer(this.case, ref, { to: this.today() }));
    return 'next';
  }

  private async complaintStep(again: boolean): Promise<StepResult> {
    if (!this.matters('case.complaint.filed')) return 'skip';
    if (!again && this.settled('case.complaint.filed')) return 'skip';
    if (again) this.save(setAnswer(setAnswer(this.case, 'case.complaint.filed', undefined), 'case.complaint.withdrawn', undefined));
    this.p.say('\n' + this.c.dim(this.progressLine('posture')));
    return this.complaintStatus();
  }

  /** A name for the report's words; empty skips it. */
  private async name(ref: string, message: string, again: boolean): Promise<StepResult> {
    if (!caseField(ref.slice(5)) || (!again && (this.settled(ref) || interviewState(this.case)?.trail.includes(`s:${ref}`)))) return 'skip';
    if (ref === 'case.client.name') this.p.say('\n' + this.t('peopleIntro'));
    const current = getAnswer(this.case, ref);
    const typed = (await this.p.input({ id: `people.${ref.slice('case.'.length)}`, message, ...(typeof current === 'string' ? { default: current } : {}), back: '<' })).trim();
    if (typed === '<') return 'back';
    if (typed === '?') {
      this.explainPosture(ref);
      return this.name(ref, message, true);
    }
    this.save(setAnswer(this.case, ref, typed === '' || DONT_KNOW_WORDS.has(typed.toLowerCase()) ? undefined : typed));
    return 'next';
  }

  /** He, she or neutral words for the other person; don't know keeps neutral words. */
  private async gender(again: boolean): Promise<StepResult> {
    const ref = 'case.respondent.gender';
    const f = caseField('respondent.gender');
    if (!f?.options || (!again && (this.settled(ref) || interviewState(this.case)?.trail.includes(`s:${ref}`)))) return 'skip';
    for (;;) {
      const r = await this.p.select<string>({
        id: 'people.respondent.gender',
        message: this.t('q.respondent.gender'),
        choices: [...f.options.map((o) => ({ value: o.value, name: o.label[this.lang] })), { value: '', name: this.t('genderUnknown') }],
        required: true,
        keys: { left: '<', '<': '<', '?': '?', m: 'm' },
      });
      if (r === '<') return 'back';
      if (r === '?') {
        this.explainPosture(ref);
        continue;
      }
      if (r === 'm') {
        if ((await this.menu()) === 'stop') return 'stop';
        continue;
      }
      this.save(setAnswer(this.case, ref, r === '' ? undefined : r));
      return 'next';
    }
  }

  private async incidentsStep(again: boolean): Promise<StepResult> {
    if (!usesIncidents(this.options.rulesets, this.case.jurisdiction)) return 'skip';
    if (!again && interviewState(this.case)?.trail.includes('s:incidents')) return 'skip';
    this.p.say('\n' + this.c.dim(this.progressLine('incidents')));
    this.p.say(this.t('incidentsIntro'));
    const r = await this.incidentsGroup(true);
    return r === 'back' || r === 'stop' ? r : 'next';
  }

  private async ordersStep(again: boolean): Promise<StepResult> {
    if (!usesOrders(this.options.rulesets, this.case.jurisdiction)) return 'skip';
    if (!again && interviewState(this.case)?.trail.includes('s:orders')) return 'skip';
    this.p.say('\n' + this.c.dim(this.progressLine('orders')));
    this.p.say(this.t('ordersIntro'));
    const r = await this.ordersGroup(true);
    return r === 'back' || r === 'stop' ? r : 'next';
  }

  private async convictionsStep(again: boolean): Promise<StepResult> {
    // Asked only where a rule reads them: otherwise no answer could change anything for this client.
    if (![...mentionedCaseRefs(this.options.rulesets, this.case.jurisdiction)].some((r) => r.startsWith('case.previousConvictions'))) return 'skip';
    if (!again && this.case.previousConvictions !== undefined) return 'skip';
    if (again) {
      const next = { ...this.case };
      delete next.previousConvictions;
      this.save(next);
    }
    return this.convictions();
  }

  /** The first time: the jurisdiction (when more than one is loaded); the case's own steps follow. */
  protected async opening(): Promise<void> {
    if (this.caseFile) return;
    const jurisdictions = this.jurisdictionChoices();
    let jurisdiction: string;
    if (jurisdictions.length === 1) {
      jurisdiction = (jurisdictions[0] as { value: string }).value;
      this.p.say(`${this.t('jurisdiction')} ${this.c.bold(this.jurisdictionName(jurisdiction))}`);
    } else {
      jurisdiction = await this.p.select({ id: 'case.jurisdiction', message: this.t('jurisdiction'), choices: jurisdictions });
    }
    const now = new Date(this.deps.now()).toISOString();
    this.caseFile = withState({ jurisdiction, lang: this.lang, id: generatedId(now), ...(this.options.asOf !== undefined ? { asOf: this.options.asOf } : {}) }, { started: now, stage: 'opening' });
    this.save(this.case);
  }
}
