import { DateTime } from 'luxon';
import type { CaseFile } from '../case/types.js';
import { checkCaseJurisdiction, loadCaseText } from '../case/load.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { timeZoneOf, type Jurisdiction } from '../rules/jurisdiction.js';
import type { Lang } from '../rules/types.js';
import { interviewState, withState } from './answers.js';
import { formatWhen } from './date-input.js';
import type { Prompter } from './prompter.js';
import { LANGUAGES, say } from '../words/interview.js';

/**
 * Before the first question: which language, which file the answers go to, and whether to
 * continue an interview saved there. It never overwrites a file it did not write without asking.
 */

export interface CaseStore {
  exists(path: string): boolean;
  read(path: string): string;
}

export interface StartOptions {
  save?: string;
  resume?: string;
  lang?: Lang;
  /** a file name to suggest when neither --save nor --resume is given */
  suggestion: (lang: Lang) => string;
  /**
   * The loaded jurisdictions (LoadedRules.jurisdictions): they order the languages offered, give
   * the zone a saved time is shown in, and let a case file of an unknown jurisdiction be refused
   * before the interview starts. Without them every language is offered, a time is shown in the
   * computer's own zone, and the jurisdiction is checked when the case is first assessed.
   */
  jurisdictions?: readonly Jurisdiction[];
}

export interface Start {
  file: string;
  lang: Lang;
  /** the case to continue, or none for a new interview */
  start?: CaseFile;
}

/** A case file given to --resume that cannot be read or is not a valid case file. */
export class StartError extends Error {}

const CASE_FILE = /\.(ya?ml|json)$/i;

export async function chooseStart(options: StartOptions, prompter: Prompter & { lang?: Lang }, store: CaseStore): Promise<Start> {
  // The prompter speaks the adviser's language from the moment it is known.
  const use = (lang: Lang): Lang => {
    if ('lang' in prompter) prompter.lang = lang;
    return lang;
  };
  if (options.lang) use(options.lang);

  if (options.resume !== undefined) {
    const file = options.resume;
    const existing = read(file, store, options.lang ?? 'en', options.jurisdictions);
    const l = use(options.lang ?? langOf(existing) ?? (await askLang(prompter, options.jurisdictions, existing.jurisdiction)));
    const state = interviewState(existing);
    let start = state ? withState(existing, { status: 'in-progress' }) : withState(existing, { stage: 'incidents', lang: l, unknown: [] });
    if (state?.status === 'finished') start = withState(start, { stage: 'questions' });
    let target = options.save ?? file;
    if (target === file && !state) {
      const pick = await prompter.select<'into' | 'other'>({
        id: 'start.foreign',
        message: say(l, 'foreignResume', { file }),
        choices: [
          { value: 'into', name: say(l, 'foreignResumeYes', { file }) },
          { value: 'other', name: say(l, 'foreignResumeOther') },
        ],
      });
      if (pick === 'other') target = await askFile(prompter, l, undefined);
    }
    if (target !== file) target = await freeTarget(target, prompter, store, l);
    return { file: target, lang: l, start };
  }

  const l = use(options.lang ?? (await askLang(prompter, options.jurisdictions)));
  let file = options.save ?? (await askFile(prompter, l, options.suggestion(l)));
  for (;;) {
    if (!store.exists(file)) return { file, lang: l };
    const loaded = tryRead(file, store, options.jurisdictions);
    const state = loaded ? interviewState(loaded) : undefined;
    if (loaded && state) {
      const finished = state.status === 'finished';
      const pick = await prompter.select<'resume' | 'other' | 'overwrite'>({
        id: 'start.existing',
        message: finished ? say(l, 'finishedOffer', { file }) : say(l, 'resumeOffer', { file, saved: localTime(state.saved, timeZoneOf(options.jurisdictions ?? [], loaded.jurisdiction), l) }),
        choices: [
          { value: 'resume', name: finished ? say(l, 'finishedReopen') : say(l, 'resumeYes') },
          { value: 'other', name: say(l, 'resumeNew') },
          { value: 'overwrite', name: say(l, 'resumeOverwrite') },
        ],
      });
      if (pick === 'resume') {
        // Go on in the language the interview was started in, unless --lang says otherwise.
        return { file, lang: use(options.lang ?? state.lang), start: withState(loaded, finished ? { status: 'in-progress', stage: 'questions' } : {}) };
      }
      if (pick === 'overwrite') return { file, lang: l };
      file = await askFile(prompter, l, undefined);
      continue;
    }
    const target = await freeTarget(file, prompter, store, l);
    return { file: target, lang: l };
  }
}

/** A file to write that either does not exist or that the adviser agreed to overwrite. */
async function freeTarget(file: string, prompter: Prompter, store: CaseStore, lang: Lang): Promise<string> {
  let target = file;
  while (store.exists(target)) {
    const pick = await prompter.select<'other' | 'overwrite'>({
      id: 'start.foreign-target',
      message: say(lang, 'foreignFile', { file: target }),
      choices: [
        { value: 'other', name: say(lang, 'foreignOther') },
        { value: 'overwrite', name: say(lang, 'foreignOverwrite') },
      ],
    });
    if (pick === 'overwrite') return target;
    target = await askFile(prompter, lang, undefined);
  }
  return target;
}

async function askLang(prompter: Prompter, jurisdictions: readonly Jurisdiction[] = [], jurisdiction?: string): Promise<Lang> {
  const choices = languageOrder(jurisdictions.filter((j) => jurisdiction === undefined || j.id === jurisdiction)).map((l) => ({ value: l, name: LANGUAGES[l] }));
  return prompter.select<Lang>({ id: 'lang', message: say('en', 'language'), choices });
}

/**
 * The languages in the order to offer them: those the jurisdictions' manifests put earliest first
 * (a language first for one of them before one that is only second), then the rest; ties keep
 * the catalogue's order.
 */
export function languageOrder(jurisdictions: readonly Jurisdiction[]): Lang[] {
  const all = Object.keys(LANGUAGES) as Lang[];
  const rank = (l: Lang): number => Math.min(Infinity, ...jurisdictions.map((j) => (j.languages.includes(l) ? j.languages.indexOf(l) : Infinity)));
  return [...all].sort((a, b) => rank(a) - rank(b) || all.indexOf(a) - all.indexOf(b));
}

async function askFile(prompter: Prompter, lang: Lang, suggestion: string | undefined): Promise<string> {
  prompter.say(say(lang, 'saveFileHelp'));
  const file = await prompter.input({
    id: 'start.file',
    message: say(lang, 'saveFile'),
    ...(suggestion ? { default: suggestion } : {}),
    validate: (v) => (CASE_FILE.test(v.trim()) ? true : say(lang, 'fileNameRequired')),
  });
  return file.trim();
}

/** When a file was saved, in the jurisdiction's local time (else the computer's) and the adviser's words. */
function localTime(iso: string, zone: string | undefined, lang: Lang): string {
  const dt = zone ? DateTime.fromISO(iso).setZone(zone) : DateTime.fromISO(iso);
  return dt.isValid ? formatWhen(dt.toFormat("yyyy-LL-dd'T'HH:mm"), lang) : iso;
}

function langOf(c: CaseFile): Lang | undefined {
  return interviewState(c)?.lang ?? c.lang;
}

/** A case file's problems: its shape and dates, and its jurisdiction when the loaded ones are known. */
function problems(file: string, text: string, jurisdictions: readonly Jurisdiction[] | undefined): { caseFile?: CaseFile; errors: Diagnostic[] } {
  const loaded = loadCaseText(file, text);
  const found = loaded.caseFile && loaded.doc && jurisdictions ? [...loaded.diagnostics, ...checkCaseJurisdiction(loaded.caseFile, loaded.doc, jurisdictions)] : loaded.diagnostics;
  return { ...(loaded.caseFile ? { caseFile: loaded.caseFile } : {}), errors: found.filter((d) => d.severity === 'error') };
}

function tryRead(file: string, store: CaseStore, jurisdictions: readonly Jurisdiction[] | undefined): CaseFile | undefined {
  try {
    const { caseFile, errors } = problems(file, store.read(file), jurisdictions);
    return errors.length === 0 ? caseFile : undefined;
  } catch {
    return undefined;
  }
}

function read(file: string, store: CaseStore, lang: Lang, jurisdictions: readonly Jurisdiction[] | undefined): CaseFile {
  let text: string;
  try {
    text = store.read(file);
  } catch (e) {
    throw new StartError(`${say(lang, 'cannotRead', { file })} ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const { caseFile, errors } = problems(file, text, jurisdictions);
  if (!caseFile || errors.length > 0) throw new StartError([say(lang, 'cannotRead', { file }), ...errors.map((d) => '  ' + formatDiagnostic(d))].join('\n'));
  return caseFile;
}
