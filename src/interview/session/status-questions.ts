import type { CaseFile, When } from '../../case/types.js';
import { setAnswer, setUnknown, unknownRefs } from '../answers.js';
import { mentionedCaseRefs } from '../status.js';
import { questionFor, type Question } from '../planner.js';
import { OrderEditor } from './order-editor.js';

export type StepResult = 'next' | 'back' | 'stop' | 'skip';

/** The status questions asked up front: whether a complaint was made (then when, and whether it was withdrawn), previous convictions. */
export abstract class StatusQuestions extends OrderEditor {
  /** "Has a complaint been made?" before when and by whom; no is recorded as filed: false, and differs from don't know. */
  protected async complaintStatus(): Promise<StepResult> {
    if (!mentionedCaseRefs(this.options.rulesets, this.case.jurisdiction).has('case.complaint.filed')) return 'skip';
    if (this.case.complaint?.filed === undefined) {
      const made = await this.yesNoUnknown('complaint.status', this.t('complaintMade'), this.t('complaintNotMade'), () => this.explainPosture('case.complaint.filed'));
      if (made === 'back' || made === 'stop') return made;
      if (made === 'no') return this.saved(setAnswer(this.case, 'case.complaint.filed', false));
      if (made === 'unknown') return this.saved(setAnswer(this.case, 'case.complaint.filed', 'unknown'));
      // Made, on a day not known yet: on or before today, which the deadlines can already weigh.
      this.save(setAnswer(this.case, 'case.complaint.filed', { to: this.today() }));
    }
    const filed = this.case.complaint?.filed;
    const dayOpen = filed !== null && typeof filed === 'object' && filed.from === undefined;
    if (dayOpen && !unknownRefs(this.case).has('case.complaint.filed')) {
      const q = questionFor('case.complaint.filed', this.planInput());
      // "Don't know" keeps "on or before today", and it is not asked again.
      if (q && (await this.ask({ ...q, text: this.t('complaintWhen'), help: this.t('complaintWhenHelp') }, 'status')) === 'stop') return 'stop';
    }
    if (this.case.complaint?.filed === false || this.case.complaint?.filed === 'unknown') return 'next';
    if (mentionedCaseRefs(this.options.rulesets, this.case.jurisdiction).has('case.complaint.withdrawn')) {
      const w = await this.withdrawal();
      if (w === 'stop') return 'stop';
    }
    return 'next';
  }

  private saved(next: CaseFile): StepResult {
    this.save(next);
    return 'next';
  }

  /** Withdrawn? then when: "not withdrawn" is recorded as withdrawn: false, apart from "don't know". */
  protected async withdrawal(): Promise<StepResult> {
    if (this.case.complaint?.withdrawn !== undefined || unknownRefs(this.case).has('case.complaint.withdrawn')) return 'skip';
    const withdrawn = await this.yesNoUnknown('complaint.withdrawn.status', this.t('complaintWithdrawn'));
    if (withdrawn === 'back' || withdrawn === 'stop') return withdrawn;
    if (withdrawn === 'no') return this.saved(setAnswer(this.case, 'case.complaint.withdrawn', false));
    if (withdrawn === 'unknown') return this.saved(setUnknown(this.case, 'case.complaint.withdrawn'));
    const q = questionFor('case.complaint.withdrawn', this.planInput());
    if (q && (await this.ask({ ...q, help: this.t('leaveEmpty') }, 'status')) === 'stop') return 'stop';
    return 'next';
  }

  /** Previous convictions of the other person, breaches of orders included: none ([]) differs from not known (absent). */
  protected async convictions(): Promise<StepResult> {
    if (this.case.previousConvictions !== undefined) return 'skip';
    const any = await this.yesNoUnknown('convictions.any', this.t('convictionsAny'));
    if (any === 'back' || any === 'stop') return any;
    if (any === 'unknown') return 'next';
    const list: NonNullable<CaseFile['previousConvictions']> = [];
    if (any === 'yes') {
      for (let n = 1; ; n++) {
        const offence = (await this.p.input({ id: 'conviction.offence', message: this.t('convictionOffence', { n }), validate: (v) => (v.trim() !== '' ? true : this.t('convictionOffenceRequired')) })).trim();
        const dateQ: Question = { ref: 'new.conviction.date', type: 'date', text: this.t('convictionDate', { n }), range: true, past: true, decides: 0, dependents: [] };
        const date = (await this.p.input({ id: 'conviction.date', message: dateQ.text, validate: (v) => (v.trim() === '' ? true : ((r) => (r.ok ? true : r.message))(this.parseTyped(dateQ, v))), preview: (v, final) => this.datePreview(dateQ, v, final) })).trim();
        const parsed = date === '' ? undefined : this.parseTyped(dateQ, date);
        const breach = await this.p.select<boolean | undefined>({ id: 'conviction.breach', message: this.t('convictionBreach', { n }), choices: [{ value: true, name: this.t('yes') }, { value: false, name: this.t('no') }, { value: undefined, name: this.t('dontKnow') }], required: true });
        list.push({ offence, ...(parsed?.ok ? { date: parsed.value as When } : {}), ...(breach !== undefined ? { breachOfOrder: breach } : {}) });
        this.save({ ...this.case, previousConvictions: [...list] });
        if (!(await this.p.confirm({ id: 'conviction.more', message: this.t('convictionMore'), default: false }))) break;
      }
    }
    return this.saved({ ...this.case, previousConvictions: list });
  }
}
