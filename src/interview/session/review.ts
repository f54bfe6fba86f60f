import type { CaseFile } from '../../case/types.js';
import { answeredRefs, getAnswer, setAnswer, unknownRefs, withState } from '../answers.js';
import { incidentSummary, questionFor } from '../planner.js';
import { SEPARATOR, type ChoiceOrSeparator } from '../prompter.js';
import { truncate } from '../view.js';
import { Stages } from './stages.js';

/** The review: every answer, listed and changeable. */
export abstract class Review extends Stages {
  protected async review(): Promise<boolean> {
    let changed = false;
    for (;;) {
      const refs = [...answeredRefs(this.case), ...[...unknownRefs(this.case)].filter((r) => !/^case\.(incidents|orders)\./.test(r))];
      const choices: ChoiceOrSeparator<string>[] = [{ value: 'done', name: this.t('reviewDone') }, SEPARATOR, { value: 'case', name: `${this.t('reviewCaseFacts')}: ${this.jurisdictionName(this.case.jurisdiction)}${this.case.id ? ` · ${this.case.id}` : ''}` }];
      (this.case.incidents ?? []).forEach((inc, i) => choices.push({ value: `incident:${i}`, name: `${this.t('incidentAction', { n: i + 1, what: incidentSummary(inc, this.lang, false) })}${this.incidentDetails(i)}` }));
      (this.case.orders ?? []).forEach((o, i) => choices.push({ value: `order:${i}`, name: `${this.t('orderNumber', { n: i + 1 })}: ${this.orderSummary(o)}` }));
      for (const ref of [...new Set(refs)]) {
        const q = questionFor(ref, this.planInput());
        if (!q) continue;
        const raw = getAnswer(this.case, ref);
        const value = raw === undefined ? this.t('dontKnowShort') : this.describeAnswer(q, raw);
        choices.push({ value: ref, name: `${truncate(q.type === 'judgment' && q.judgment ? q.judgment.title : q.text, 60)}  ${this.c.cyan(value)}` });
      }
      const picked = await this.p.select<string>({ id: 'review', message: this.t('reviewTitle', { n: refs.length + (this.case.incidents?.length ?? 0) + (this.case.orders?.length ?? 0) }), choices });
      if (picked === 'done') return changed;
      if (picked === 'case') changed = (await this.editCase()) || changed;
      else if (picked.startsWith('incident:')) changed = (await this.editIncident(Number(picked.slice(9)))) || changed;
      else if (picked.startsWith('order:')) changed = (await this.editOrder(Number(picked.slice(6)))) || changed;
      else if (picked === 'case.complaint.filed' || picked === 'case.complaint.withdrawn') changed = (await this.changeComplaint(picked)) || changed;
      else {
        const q = questionFor(picked, this.planInput());
        if (!q) this.p.say(this.t('noChange'));
        else {
          const before = JSON.stringify(this.case);
          await this.ask(q, 'review');
          if (JSON.stringify(this.case) !== before) {
            changed = true;
            this.p.say(this.c.dim(this.t('changed')));
          }
        }
      }
    }
  }

  /** The complaint is changed as it was asked: whether it happened first, then when. */
  protected async changeComplaint(ref: 'case.complaint.filed' | 'case.complaint.withdrawn'): Promise<boolean> {
    const before = JSON.stringify(this.case);
    const cleared = setAnswer(this.case, ref, undefined);
    this.save(ref === 'case.complaint.filed' ? setAnswer(cleared, 'case.complaint.withdrawn', undefined) : cleared);
    if (ref === 'case.complaint.filed') await this.complaintStatus();
    else await this.withdrawal();
    const changed = JSON.stringify(this.case) !== before;
    if (changed) this.p.say(this.c.dim(this.t('changed')));
    return changed;
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
        { value: 'summary', name: `${this.t('summary')}  ${this.c.cyan(truncate(this.case.summary ?? '—', 40))}` },
      ],
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
        this.save(withState(next, { unknown: [], stage: 'complaint' }));
        // The new jurisdiction's complaint and orders are asked before any question about them.
        await this.statusStages();
      }
    }
    return JSON.stringify(this.case) !== before;
  }
}
