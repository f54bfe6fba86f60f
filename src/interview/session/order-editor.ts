import type { Order } from '../../case/types.js';
import { addOrder, getAnswer, markNoMore, removeItem, setAnswer, setUnknown, unknownRefs } from '../answers.js';
import { mentionedCaseRefs } from '../status.js';
import { assessSoFar, orderTypeName, questionFor, type PlanInput } from '../planner.js';
import { SEPARATOR } from '../prompter.js';
import { sayKey } from '../../words/interview.js';
import { describeWhen } from '../view.js';
import { IncidentEditor } from './incident-editor.js';

/** An order's fields in the order they are asked when it is added; expires stands for its end (a date or until further order). */
const ORDER_FIELDS = ['made', 'court', 'served', 'withoutNotice', 'returnDate', 'expires', 'terms.directContact', 'terms.indirectContact', 'terms.socialMedia', 'terms.violence', 'terms.molestation'] as const;
/** An order's fields as the review shows them: its type first, and whether it runs until further order beside its end. */
const ORDER_REVIEW_FIELDS: readonly string[] = ['type', ...ORDER_FIELDS.flatMap((f) => (f === 'expires' ? ['expires', 'indefinite'] : [f]))];
/** Asked for every order; the others (the court too) only where the jurisdiction's rules read them: the review records the rest. */
const ALWAYS_ASKED = new Set<string>(['made', 'served']);

/** The day before an ISO day: a hearing that "has passed" was before today. */
function dayBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** What the open results that can change what the adviser is told (headlines, deadlines, actions) still need. */
function openNeeds(input: PlanInput): Set<string> {
  const report = assessSoFar(input);
  const out = new Set<string>();
  for (const item of [...report.conclusions.filter((c) => c.headline), ...report.deadlines, ...report.actions]) for (const n of item.needs) out.add(n.ref);
  return out;
}

/** The orders: each recorded whole (kind, made, court, service, end, the terms the rules read), listed, changed, removed. */
export abstract class OrderEditor extends IncidentEditor {
  protected async ordersGroup(opening: boolean): Promise<boolean | 'back' | 'stop'> {
    let changed = false;
    for (;;) {
      const n = this.case.orders?.length ?? 0;
      // In the opening "there is none" and "don't know" are different answers, and neither is preselected.
      const first = opening && n === 0 && this.case.orders === undefined;
      const pick = await this.p.select<string>({
        id: 'orders.menu',
        message: this.t('ordersMenu', { n }),
        choices: [
          { value: 'add', name: this.t('orderAdd') },
          ...(n > 0 ? [{ value: 'edit', name: this.t('ordersReview') }] : []),
          { value: 'done', name: n === 0 && opening ? this.t('ordersNone') : opening ? this.t('ordersDone') : this.t('menuContinue') },
          ...(first ? [{ value: 'unknown', name: this.t('ordersUnknown') }] : []),
        ],
        ...(first ? { required: true } : { default: n === 0 ? 'add' : 'done' }),
        ...(opening ? { keys: { left: 'back', '<': 'back', '?': 'why', m: 'menu' } } : { keys: { left: 'done', '<': 'done' } }),
      });
      if (pick === 'back') return 'back';
      if (pick === 'why') {
        this.p.say(this.c.dim(this.t('ordersIntro')));
        continue;
      }
      if (pick === 'menu') {
        if ((await this.menu()) === 'stop') return 'stop';
        continue;
      }
      if (pick === 'unknown') return changed;
      if (pick === 'done') {
        if (opening && n === 0 && this.case.orders === undefined) this.save({ ...this.case, orders: [] });
        return changed;
      }
      if (pick === 'add') {
        await this.addWholeOrder(n + 1);
        changed = true;
      } else {
        const list = this.case.orders ?? [];
        const which = await this.p.select<number>({ id: 'orders.pick', message: this.t('orderPick'), choices: [{ value: -1, name: this.t('back') }, ...list.map((o, i) => ({ value: i, name: `${i + 1}. ${this.orderSummary(o)}` }))], keys: { left: -1, '<': -1 } });
        if (which >= 0) changed = (await this.editOrder(which)) || changed;
      }
    }
  }

  /** An order is recorded whole: its kind, when and by which court it was made, service, its end, and the terms the rules read. */
  protected async addWholeOrder(k: number): Promise<void> {
    const jurisdiction = this.caseJurisdiction();
    const types = jurisdiction?.orderTypes ?? [];
    const type = await this.p.select<string>({ id: 'order.type', message: this.t('orderType', { n: k }), choices: types.map((t) => ({ value: t.value, name: orderTypeName(jurisdiction, t.value, this.lang) })), required: true });
    const order: Order = { type };
    this.save(addOrder(this.case, order));
    const i = k - 1;
    const mentioned = mentionedCaseRefs(this.options.rulesets, this.case.jurisdiction);
    for (const field of ORDER_FIELDS) {
      if (field === 'expires') {
        await this.orderEnd(i);
        continue;
      }
      if (!ALWAYS_ASKED.has(field) && !mentioned.has(`case.orders.N.${field}`)) continue;
      if (field === 'withoutNotice' && mentioned.has(`case.orders.N.returnDate`)) {
        await this.withoutNotice(i);
        continue;
      }
      // A return date belongs to an order made without notice.
      if (field === 'returnDate' && this.case.orders?.[i]?.withoutNotice !== true) continue;
      if (field === 'returnDate' && getAnswer(this.case, `case.orders.${i}.returnDate`) !== undefined) continue;
      // The terms are left to the law's questions, which ask one only while a result still open
      // reads it (a breach the incidents' facts have not settled yet); the return date only when a
      // result still open reads it. Otherwise no answer could change anything for the client.
      if (field.startsWith('terms.')) continue;
      if (field === 'returnDate' && !openNeeds(this.planInput()).has(`case.orders.${i}.${field}`)) continue;
      const q = questionFor(`case.orders.${i}.${field}`, this.planInput());
      if (q) await this.ask(q, 'status');
    }
    this.p.say(this.c.green(this.t('orderAdded', { n: k, what: this.orderSummary(this.case.orders?.[i] ?? order) })));
  }

  /**
   * Made without notice, and if so whether its return date is still to come, in one answer: a
   * return date that has passed is recorded as "on or before yesterday" and not asked, since only one
   * still to come can change what the adviser is told.
   */
  protected async withoutNotice(i: number): Promise<void> {
    // The same answer values (and id) as the plain yes/no question, so "yes" still means "to come".
    type Pick = { kind: 'value'; value: boolean | 'passed' } | { kind: 'unknown' };
    const r = await this.p.select<Pick>({
      id: `status:case.orders.${i}.withoutNotice`,
      message: this.t('q.orders.withoutNotice'),
      choices: [
        { value: { kind: 'value', value: true }, name: this.t('withoutNoticeToCome') },
        { value: { kind: 'value', value: 'passed' }, name: this.t('withoutNoticePassed') },
        { value: { kind: 'value', value: false }, name: this.t('no') },
        { value: { kind: 'unknown' }, name: this.t('dontKnow') },
      ],
      required: true,
    });
    const ref = `case.orders.${i}.withoutNotice`;
    if (r.kind === 'unknown') return void this.save(setUnknown(this.case, ref));
    const next = setAnswer(this.case, ref, r.value !== false);
    const day = `case.orders.${i}.returnDate`;
    this.save(r.value === 'passed' ? markNoMore(setAnswer(next, day, { to: dayBefore(this.today()) }), day) : next);
  }

  /** Until when the order runs: a date, until further order, or not known. */
  protected async orderEnd(i: number): Promise<void> {
    const end = await this.p.select<'date' | 'indefinite' | 'unknown'>({
      id: 'order.end',
      message: this.t('orderEnd'),
      choices: [
        { value: 'date', name: this.t('orderEndDate') },
        { value: 'indefinite', name: this.t('orderEndIndefinite') },
        { value: 'unknown', name: this.t('dontKnow') },
      ],
      required: true,
    });
    if (end === 'unknown') return;
    this.save(setAnswer(this.case, `case.orders.${i}.indefinite`, end === 'indefinite'));
    const q = end === 'date' ? questionFor(`case.orders.${i}.expires`, this.planInput()) : undefined;
    if (q) await this.ask(q, 'status');
  }

  protected async editOrder(i: number): Promise<boolean> {
    const before = JSON.stringify(this.case);
    for (;;) {
      const order = this.case.orders?.[i];
      if (!order) break;
      const fields = ORDER_REVIEW_FIELDS;
      const value = (f: string): string => {
        const v = getAnswer(this.case, `case.orders.${i}.${f}`);
        if (v === undefined) return unknownRefs(this.case).has(`case.orders.${i}.${f}`) ? this.t('dontKnowShort') : this.t('notAsked');
        if (f === 'type') return orderTypeName(this.caseJurisdiction(), String(v), this.lang);
        if (typeof v === 'boolean') return v ? this.t('yes').toLowerCase() : this.t('no').toLowerCase();
        return describeWhen(v, this.lang);
      };
      const pick = await this.p.select<string>({
        id: 'order.edit',
        message: `${this.t('orderNumber', { n: i + 1 })}: ${this.orderSummary(order)}`,
        choices: [{ value: 'back', name: this.t('back') }, ...fields.map((f) => ({ value: f, name: `${this.t('incidentChange', { field: sayKey(this.lang, `field.${f}`) })}  ${this.c.cyan(value(f))}` })), SEPARATOR, { value: 'remove', name: this.t('orderRemove') }],
        keys: { left: 'back', '<': 'back' },
      });
      if (pick === 'back') break;
      if (pick === 'remove') {
        if (await this.p.confirm({ id: 'order.remove', message: this.t('orderRemoveConfirm', { n: i + 1, what: this.orderSummary(order) }), default: false })) {
          this.save(removeItem(this.case, 'orders', i));
          this.p.say(this.t('orderRemoved', { n: i + 1 }));
          break;
        }
        continue;
      }
      const q = questionFor(`case.orders.${i}.${pick}`, this.planInput());
      if (q) await this.ask(q, 'review');
    }
    return JSON.stringify(this.case) !== before;
  }
}
