import type { CaseFile, When } from '../../case/types.js';
import { setAnswer, setUnknown, unknownRefs, withState } from '../answers.js';
import { mentionedCaseRefs } from '../status.js';
import { questionFor, usesOrders, type Question } from '../planner.js';
import { OrderEditor } from './order-editor.js';

/** The stages asked up front, in order: the opening, the complaint, the orders, previous convictions. */
export abstract class Stages extends OrderEditor {
  protected async opening(): Promise<void> {
    if (!this.caseFile) {
      const jurisdictions = this.jurisdictionChoices();
      let jurisdiction: string;
      if (jurisdictions.length === 1) {
        jurisdiction = (jurisdictions[0] as { value: string }).value;
        this.p.say(`${this.t('jurisdiction')} ${this.c.bold(this.jurisdictionName(jurisdiction))}`);
      } else {
        jurisdiction = await this.p.select({ id: 'case.jurisdiction', message: this.t('jurisdiction'), choices: jurisdictions });
      }
      const now = new Date(this.deps.now()).toISOString();
      this.caseFile = withState({ jurisdiction, lang: this.lang, ...(this.options.asOf !== undefined ? { asOf: this.options.asOf } : {}) }, { started: now, stage: 'opening' });
      this.save(this.case);
    }
    if (this.case.id === undefined) {
      const id = (await this.p.input({ id: 'case.id', message: this.t('caseId') })).trim();
      if (id !== '') this.save({ ...this.case, id });
    }
    if (this.case.summary === undefined) {
      const summary = (await this.p.input({ id: 'case.summary', message: this.t('summary') })).trim();
      if (summary !== '') this.save({ ...this.case, summary });
    }
    this.setStage('incidents');
  }

  /**
   * Up front, and again when the jurisdiction changes: whether a complaint was made, and which
   * orders there are (each recorded whole), before any question about them.
   */
  protected async statusStages(): Promise<void> {
    if (this.stage === 'complaint') {
      await this.complaintStatus();
      this.setStage('orders');
    }
    if (this.stage === 'orders') {
      if (usesOrders(this.options.rulesets, this.case.jurisdiction)) {
        this.p.say('\n' + this.t('ordersIntro'));
        await this.ordersGroup(true);
        await this.convictions();
      }
      this.setStage('questions');
    }
  }

  /** "Has a complaint been made?" before when and by whom; no is recorded as filed: false, and differs from don't know. */
  protected async complaintStatus(): Promise<void> {
    if (!mentionedCaseRefs(this.options.rulesets, this.case.jurisdiction).has('case.complaint.filed')) return;
    if (this.case.complaint?.filed === undefined) {
      const made = await this.yesNoUnknown('complaint.status', this.t('complaintMade'), this.t('complaintNotMade'));
      if (made === 'no') return this.save(setAnswer(this.case, 'case.complaint.filed', false));
      if (made === 'unknown') return this.save(setAnswer(this.case, 'case.complaint.filed', 'unknown'));
      // Made, on a day not known yet: on or before today, which the deadlines can already weigh.
      this.save(setAnswer(this.case, 'case.complaint.filed', { to: this.today() }));
    }
    const filed = this.case.complaint?.filed;
    const dayOpen = filed !== null && typeof filed === 'object' && filed.from === undefined;
    if (dayOpen && !unknownRefs(this.case).has('case.complaint.filed')) {
      const q = questionFor('case.complaint.filed', this.planInput());
      // "Don't know" keeps "on or before today", and it is not asked again.
      if (q) await this.ask({ ...q, text: this.t('complaintWhen'), help: this.t('complaintWhenHelp') }, 'status');
    }
    if (this.case.complaint?.filed === false || this.case.complaint?.filed === 'unknown') return;
    if (mentionedCaseRefs(this.options.rulesets, this.case.jurisdiction).has('case.complaint.withdrawn')) await this.withdrawal();
  }

  /** Withdrawn? then when: "not withdrawn" is recorded as withdrawn: false, apart from "don't know". */
  protected async withdrawal(): Promise<void> {
    if (this.case.complaint?.withdrawn !== undefined || unknownRefs(this.case).has('case.complaint.withdrawn')) return;
    const withdrawn = await this.yesNoUnknown('complaint.withdrawn.status', this.t('complaintWithdrawn'));
    if (withdrawn === 'no') return this.save(setAnswer(this.case, 'case.complaint.withdrawn', false));
    if (withdrawn === 'unknown') return this.save(setUnknown(this.case, 'case.complaint.withdrawn'));
    const q = questionFor('case.complaint.withdrawn', this.planInput());
    if (q) await this.ask({ ...q, help: this.t('leaveEmpty') }, 'status');
  }

  /** Previous convictions of the other person, breaches of orders included: none ([]) differs from not known (absent). */
  protected async convictions(): Promise<void> {
    if (this.case.previousConvictions !== undefined) return;
    const any = await this.yesNoUnknown('convictions.any', this.t('convictionsAny'));
    if (any === 'unknown') return;
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
    this.save({ ...this.case, previousConvictions: list });
  }
}
