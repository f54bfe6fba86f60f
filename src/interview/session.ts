import type { CaseFile } from '../case/types.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { CaseReport } from '../explain/types.js';
import { formatText } from '../report/text.js';
import { STAGES, withState, type Stage } from './answers.js';
import { formatWhen } from './date-input.js';
import { plan, usesIncidents, usesOrders, type Plan } from './planner.js';
import { Review } from './session/review.js';
import type { SessionDeps, SessionEnd, SessionOptions } from './session/core.js';

/**
 * The interview loop: over a Prompter (the terminal), a clock and a save function. It asks what
 * the planner says can still change a verdict, saves after every answer, and lets the adviser
 * review and change answers, manage incidents, and see the assessment at any point.
 *
 * The parts, each in src/interview/session/: core.ts (state and helpers), asking.ts (one
 * question), incident-editor.ts, order-editor.ts, stages.ts (asked up front), review.ts; this file
 * holds the loop, the menus and the end.
 */

export type { SessionOptions, SessionDeps, SessionEnd } from './session/core.js';

export async function runInterview(start: CaseFile | undefined, options: SessionOptions, deps: SessionDeps): Promise<SessionEnd> {
  const session = new Session(start, options, deps);
  return session.run();
}

class Session extends Review {
  async run(): Promise<SessionEnd> {
    const at = (stage: Stage): boolean => STAGES.indexOf(this.stage) <= STAGES.indexOf(stage);
    if (at('opening')) await this.opening();
    this.p.say(this.c.dim(this.t('asOfNote', { date: formatWhen(this.asOf(), this.lang) })));
    if (this.stage === 'incidents') {
      if (usesIncidents(this.options.rulesets, this.case.jurisdiction)) {
        this.p.say('\n' + this.t('incidentsIntro'));
        await this.incidentsGroup(true);
      }
      this.setStage('complaint');
    }
    if (this.stage === 'complaint' || this.stage === 'orders') await this.statusStages();
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
        const asked = await this.ask(current.next, 'interview', current);
        if (asked === 'stop') return { finished: false, caseFile: this.case };
        continue;
      }
      const end = await this.endMenu(current);
      if (end === 'stop') return { finished: false, caseFile: this.case };
      if (end === 'finish') return { finished: true, caseFile: this.case };
    }
  }

  protected async endMenu(current: Plan): Promise<'finish' | 'stop' | 'changed'> {
    if (current.report.status === 'assessed') {
      this.p.say('\n' + this.c.bold(this.t('allAsked')));
      const dontKnow = current.dontKnow.map((r) => this.refName(r));
      if (dontKnow.length > 0) this.p.say(this.c.dim([this.t('stillUnknown', { n: dontKnow.length }), ...dontKnow.map((d) => `  · ${d}`)].join('\n')));
    }
    for (;;) {
      const choice = await this.p.select<'finish' | 'review' | 'incidents' | 'orders' | 'report' | 'stop'>({
        id: 'end',
        message: this.t('endChoice'),
        choices: [
          ...(current.report.status === 'assessed' ? [{ value: 'finish' as const, name: this.t('menuFinish') }] : []),
          { value: 'review', name: this.t('menuReview') },
          ...this.groupChoices(),
          { value: 'stop', name: this.t('menuStop') },
        ],
      });
      if (choice === 'stop') return 'stop';
      if (choice === 'finish') {
        await this.finish(current.report);
        return 'finish';
      }
      if (await this.menuAction(choice)) return 'changed';
    }
  }

  protected groupChoices(): { value: 'incidents' | 'orders'; name: string }[] {
    return [
      ...(usesIncidents(this.options.rulesets, this.case.jurisdiction) || (this.case.incidents?.length ?? 0) > 0 ? [{ value: 'incidents' as const, name: this.t('menuIncidents') }] : []),
      ...(usesOrders(this.options.rulesets, this.case.jurisdiction) || (this.case.orders?.length ?? 0) > 0 ? [{ value: 'orders' as const, name: this.t('menuOrders') }] : []),
    ];
  }

  /** Runs a menu entry; true when the answers changed (so the questions must be worked out again). */
  protected async menuAction(choice: 'review' | 'incidents' | 'orders' | 'report'): Promise<boolean> {
    switch (choice) {
      case 'review':
        return this.review();
      case 'incidents':
        return this.incidentsGroup(false);
      case 'orders':
        return this.ordersGroup(false);
      case 'report':
        await this.p.page(formatText(this.envelope(plan(this.planInput()).report), { color: this.options.color }));
        return false;
    }
  }

  protected async menu(): Promise<'back' | 'changed' | 'stop'> {
    let changed = false;
    for (;;) {
      const choice = await this.p.select<'back' | 'review' | 'incidents' | 'orders' | 'report' | 'stop'>({
        id: 'menu',
        message: this.t('menuTitle'),
        choices: [
          { value: 'back', name: changed ? this.t('menuContinue') : this.t('menuBack') },
          { value: 'review', name: this.t('menuReview') },
          ...this.groupChoices(),
          { value: 'report', name: this.t('menuReport') },
          { value: 'stop', name: this.t('menuStop') },
        ],
      });
      if (choice === 'stop') return 'stop';
      if (choice === 'back') return changed ? 'changed' : 'back';
      if (await this.menuAction(choice)) changed = true;
    }
  }

  protected async finish(report: CaseReport): Promise<void> {
    this.save(withState(this.case, { status: 'finished', stage: 'finished' }));
    const envelope = this.envelope(report);
    this.p.say('\n' + formatText(envelope, { color: this.options.color }));
    if (await this.p.confirm({ id: 'report.write', message: this.t('writeReport'), default: true })) {
      const suggestion = this.options.file.replace(/\.(ya?ml|json)$/i, '') + this.t('reportSuffix');
      for (;;) {
        const file = (await this.p.input({ id: 'report.file', message: this.t('reportFile'), default: suggestion, validate: (v) => (v.trim() !== '' ? true : this.t('fileNameRequired')) })).trim();
        if (this.deps.files.exists(file) && !(await this.p.confirm({ id: 'report.overwrite', message: this.t('overwrite', { file }), default: false }))) continue;
        this.deps.files.write(file, formatText(envelope, { color: false }));
        this.p.say(this.c.green(this.t('reportWritten', { file })));
        break;
      }
    }
  }
}
