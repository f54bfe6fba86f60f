import type { CaseFile } from '../case/types.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { CaseReport } from '../explain/types.js';
import { formatText } from '../report/text.js';
import { interviewState, setAnswer, setUnknown, withState, type Stage } from './answers.js';
import { formatWhen } from './date-input.js';
import { plan, questionFor, usesIncidents, usesOrders, type Plan, type Question } from './planner.js';
import { Review } from './session/review.js';
import type { SessionDeps, SessionEnd, SessionOptions } from './session/core.js';
import { printableReport, reportFileFor } from './printable.js';
import { sayKey } from '../words/interview.js';

/**
 * The interview loop: over a Prompter (the terminal), a clock and a save function. It asks what
 * the planner says can still change a verdict, saves after every answer, and lets the adviser
 * review and change answers, manage incidents, and see the assessment at any point.
 *
 * The parts, each in src/interview/session/: core.ts (state and helpers), asking.ts (one
 * question), routes.ts, incident-editor.ts, order-editor.ts, status-questions.ts (the complaint,
 * convictions), stages.ts (the steps asked up front, Back between them), review.ts; this file
 * holds the loop, the menus and the end.
 */

export type { SessionOptions, SessionDeps, SessionEnd } from './session/core.js';

export async function runInterview(start: CaseFile | undefined, options: SessionOptions, deps: SessionDeps): Promise<SessionEnd> {
  const session = new Session(start, options, deps);
  return session.run();
}

class Session extends Review {
  /** the printable report written at the end, to say where it is */
  private reportWritten: string | undefined;

  async run(): Promise<SessionEnd> {
    await this.opening();
    this.p.say(this.c.dim(this.t('asOfNote', { date: formatWhen(this.asOf(), this.lang) })));
    if (this.stage !== 'questions' && this.stage !== 'finished') {
      // Where the interview stopped; one saved before the posture came first goes on from the posture.
      const state = interviewState(this.case);
      const from = state?.step ?? (this.stage === 'opening' ? undefined : 'case.client.wants');
      if ((await this.runSteps(from)) === 'stop') return { finished: false, caseFile: this.case };
    }
    return this.questions();
  }

  protected async questions(): Promise<SessionEnd> {
    for (;;) {
      const current = plan(this.planInput());
      if (current.report.status !== 'assessed') {
        this.p.say('\n' + this.c.red(this.t('invalidCase')));
        for (const d of current.report.diagnostics) this.p.say('  ' + formatDiagnostic(d));
      } else if (current.next) {
        if (await this.refusalDay(current.next)) continue;
        const q = current.next;
        // The yes/no facts a judgment weighs are asked together, as one list to tick.
        // So are the open yes/no details of one incident (direct? in a forbidden place? a threat?).
        const incident = /^case\.incidents\.(\d+)\./.exec(q.ref)?.[1];
        const together = q.type !== 'boolean' ? [] : q.weighs ? current.queue.filter((x) => x.weighs === q.weighs && x.type === 'boolean') : incident !== undefined ? current.queue.filter((x) => !x.weighs && x.type === 'boolean' && x.ref.startsWith(`case.incidents.${incident}.`)) : [];
        if (together.length > 1) {
          const r = await this.checklist(together, this.progressLine('facts'));
          if (r === 'stop') return { finished: false, caseFile: this.case };
          if (r === 'back' && (await this.goBack()) === 'stop') return { finished: false, caseFile: this.case };
          if (r === 'answered') this.pushTrail(`q:${q.ref}`);
          continue;
        }
        const asked = await this.ask(q, 'interview', this.progressLine(q.type === 'judgment' ? 'judgments' : 'facts'));
        if (asked === 'stop') return { finished: false, caseFile: this.case };
        if (asked === 'back') {
          if ((await this.goBack()) === 'stop') return { finished: false, caseFile: this.case };
        } else this.pushTrail(`q:${q.ref}`);
        continue;
      }
      const end = await this.endMenu(current);
      if (end === 'stop') return { finished: false, caseFile: this.case };
      if (end === 'finish') return { finished: true, caseFile: this.case, ...(this.reportWritten ? { report: this.reportWritten } : {}) };
    }
  }

  /**
   * Back from a question: the one asked before it is asked again with its answer shown (Enter keeps
   * it); from the first of the law's questions, back into the stages asked up front.
   */
  private async goBack(): Promise<'ok' | 'stop'> {
    for (;;) {
      const prev = this.popTrail();
      if (prev === undefined) {
        this.p.say(this.c.dim(this.t('backFirst')));
        return 'ok';
      }
      if (prev.startsWith('s:')) return (await this.runSteps(prev.slice(2), true)) === 'stop' ? 'stop' : 'ok';
      const q = questionFor(prev.slice(2), this.planInput());
      // A question that no longer matters (an answer since made it moot) is passed over.
      if (!q) continue;
      const r = await this.ask(q, 'again', this.progressLine(q.type === 'judgment' ? 'judgments' : 'facts'));
      if (r === 'stop') return 'stop';
      if (r === 'back') continue;
      this.pushTrail(prev);
      return 'ok';
    }
  }

  /**
   * Several yes/no facts a judgment weighs, in one list: ticked is yes, not ticked is no; "don't
   * know" leaves them all open; "one by one" asks each on its own (some known, some not).
   */
  private async checklist(qs: Question[], progress: string): Promise<'answered' | 'back' | 'stop' | 'one'> {
    const judgment = qs[0]?.weighs ?? '';
    const about = judgment !== '' ? this.t('checklist', { judgment: this.refName(judgment) }) : this.t('checklistIncident', { incident: this.incidentLabel(qs[0]?.ref ?? '').replace(/: $/, '') });
    this.p.say('');
    this.p.say(this.c.dim(judgment !== '' ? `${progress} · ${this.t('indicatorQuestion')}` : progress));
    for (;;) {
      const r = await this.p.selectMany<string, 'unknown' | 'one' | 'none' | 'back' | 'why' | 'menu'>({
        id: `checklist:${judgment || (qs[0]?.ref.replace(/\.[^.]+$/, '') ?? '')}`,
        message: about,
        choices: qs.map((q) => ({ value: q.ref, name: judgment !== '' ? `${this.incidentLabel(q.ref)}${q.text}` : q.text })),
        singles: [
          { value: 'none', name: this.t('checklistNone') },
          { value: 'one', name: this.t('checklistOne') },
          { value: 'unknown', name: this.t('dontKnow') },
        ],
        keys: { left: 'back', '<': 'back', '?': 'why', m: 'menu' },
      });
      const single = 'single' in r ? (r.single as string) : undefined;
      if (single === 'why') {
        if (judgment !== '') this.p.say(this.t('whyIndicator', { judgment: this.refName(judgment) }));
        for (const q of qs) this.explain(q);
        continue;
      }
      if (single === 'menu') {
        const m = await this.menu();
        if (m === 'stop') return 'stop';
        if (m === 'changed') return 'answered';
        continue;
      }
      if (single === 'back') return 'back';
      if (single === 'one') {
        for (const q of qs) {
          const a = await this.ask(q, 'interview', progress);
          if (a === 'stop' || a === 'back') return a;
        }
        return 'answered';
      }
      let next = this.case;
      const yes = new Set('chosen' in r ? r.chosen : []);
      for (const q of qs) next = single === 'unknown' ? setUnknown(next, q.ref) : setAnswer(next, q.ref, yes.has(q.ref));
      this.save(withState(next, { asked: (interviewState(next)?.asked ?? 0) + 1 }));
      return 'answered';
    }
  }

  /** "Incident 2 (a visit at work): " before a question about one incident, short enough for a list. */
  private incidentLabel(ref: string): string {
    const m = /^case\.incidents\.(\d+)\./.exec(ref);
    if (!m) return '';
    const i = Number(m[1]);
    const kind = this.case.incidents?.[i]?.kind;
    return `${this.t('incidentNumber', { n: i + 1 })}${kind ? ` (${sayKey(this.lang, `kind.${kind}`)})` : ''}: `;
  }

  /** "What happened · about 12 questions left": the stage by name, and roughly how many questions remain. */
  protected progressLine(stage: Stage | 'facts' | 'judgments', queued?: number): string {
    const name = this.t(`stage.${stage === 'complaint' || stage === 'questions' || stage === 'finished' ? 'facts' : stage}`);
    // The yes/no facts a judgment weighs are one list to tick: counted once.
    const count = (queue: Question[]): number => queue.filter((q, i) => !(q.weighs && q.type === 'boolean' && queue.findIndex((x) => x.weighs === q.weighs && x.type === 'boolean') !== i)).length;
    let left = queued ?? count(plan(this.planInput()).queue);
    if (queued === undefined && stage !== 'facts' && stage !== 'judgments') {
      // The steps still ahead that may ask something, and the law's questions after them.
      const steps = this.steps();
      const at = steps.findIndex((s) => s.id === interviewState(this.case)?.step);
      const trail = interviewState(this.case)?.trail ?? [];
      left += steps.slice(Math.max(0, at)).filter((s) => !trail.includes(`s:${s.id}`)).length;
    }
    return left <= 1 ? this.t('progressLast', { stage: name }) : this.t('progressLeft', { stage: name, n: left });
  }

  protected async endMenu(current: Plan): Promise<'finish' | 'stop' | 'changed'> {
    if (current.report.status === 'assessed') {
      this.p.say('\n' + this.c.bold(this.t('allAsked')));
      const dontKnow = current.dontKnow.map((r) => this.refName(r));
      if (dontKnow.length > 0) this.p.say(this.c.dim([this.t('stillUnknown', { n: dontKnow.length }), ...dontKnow.map((d) => `  · ${d}`)].join('\n')));
    }
    for (;;) {
      const choice = await this.p.select<'finish' | 'review' | 'incidents' | 'orders' | 'routes' | 'report' | 'stop' | 'back'>({
        id: 'end',
        message: this.t('endChoice'),
        choices: [
          ...(current.report.status === 'assessed' ? [{ value: 'finish' as const, name: this.t('menuFinish') }] : []),
          { value: 'review', name: this.t('menuReview') },
          ...this.groupChoices(),
          ...this.routeChoice(),
          { value: 'stop', name: this.t('menuStop') },
        ],
        keys: { left: 'back', '<': 'back' },
      });
      if (choice === 'stop') return 'stop';
      if (choice === 'back') {
        if ((await this.goBack()) === 'stop') return 'stop';
        return 'changed';
      }
      if (choice === 'finish') {
        await this.finish(current.report);
        return 'finish';
      }
      if (await this.menuAction(choice)) return 'changed';
    }
  }

  protected routeChoice(): { value: 'routes'; name: string }[] {
    return this.routes().length > 0 ? [{ value: 'routes', name: this.t('menuRoutes') }] : [];
  }

  protected groupChoices(): { value: 'incidents' | 'orders'; name: string }[] {
    return [
      ...(usesIncidents(this.options.rulesets, this.case.jurisdiction) || (this.case.incidents?.length ?? 0) > 0 ? [{ value: 'incidents' as const, name: this.t('menuIncidents') }] : []),
      ...(usesOrders(this.options.rulesets, this.case.jurisdiction) || (this.case.orders?.length ?? 0) > 0 ? [{ value: 'orders' as const, name: this.t('menuOrders') }] : []),
    ];
  }

  /** Runs a menu entry; true when the answers changed (so the questions must be worked out again). */
  protected async menuAction(choice: 'review' | 'incidents' | 'orders' | 'routes' | 'report'): Promise<boolean> {
    switch (choice) {
      case 'review':
        return this.review();
      case 'incidents':
        return (await this.incidentsGroup(false)) === true;
      case 'orders':
        return (await this.ordersGroup(false)) === true;
      case 'routes':
        return this.routesMenu();
      case 'report':
        await this.p.page(formatText(this.envelope(plan(this.planInput()).report), { color: this.options.color }));
        return false;
    }
  }

  protected async menu(): Promise<'back' | 'changed' | 'stop'> {
    let changed = false;
    for (;;) {
      const choice = await this.p.select<'back' | 'review' | 'incidents' | 'orders' | 'routes' | 'report' | 'stop'>({
        id: 'menu',
        message: this.t('menuTitle'),
        choices: [
          { value: 'back', name: changed ? this.t('menuContinue') : this.t('menuBack') },
          { value: 'review', name: this.t('menuReview') },
          ...this.groupChoices(),
          ...this.routeChoice(),
          { value: 'report', name: this.t('menuReport') },
          { value: 'stop', name: this.t('menuStop') },
        ],
        keys: { left: 'back', '<': 'back', m: 'back' },
      });
      if (choice === 'stop') return 'stop';
      if (choice === 'back') return changed ? 'changed' : 'back';
      if (await this.menuAction(choice)) changed = true;
    }
  }

  /**
   * The end: the case file is saved as finished; the printable report (HTML, through the format
   * table) is written next to it unless --no-report; the screen shows what to do now and the
   * headlines, and the whole assessment a screen at a time when asked.
   */
  protected async finish(report: CaseReport): Promise<void> {
    this.save(withState(this.case, { status: 'finished', stage: 'finished' }));
    const envelope = this.envelope(report);
    this.p.say('\n' + formatText(envelope, { color: this.options.color, detail: 'lean' }));
    const target = this.options.report === false ? undefined : (this.options.report ?? reportFileFor(this.options.file));
    if (target !== undefined) {
      const free = !this.deps.files.exists(target) || this.wroteBefore(target) || (await this.p.confirm({ id: 'report.overwrite', message: this.t('overwrite', { file: target }), default: false }));
      if (free) {
        this.deps.files.write(target, printableReport(this.planInput(), this.options.toolVersion));
        this.save(withState(this.case, { report: target }));
        this.reportWritten = target;
      }
    }
    if (this.reportWritten) this.p.say(this.c.green(this.t('reportHtmlWritten', { file: this.reportWritten })));
    if (await this.p.confirm({ id: 'report.more', message: this.t('endMore'), default: false })) await this.p.page(formatText(envelope, { color: this.options.color }));
  }

  /** The report the interview wrote there itself, earlier: rewritten without asking. */
  private wroteBefore(file: string): boolean {
    return (this.case.interview as { report?: unknown } | undefined)?.report === file;
  }

}
