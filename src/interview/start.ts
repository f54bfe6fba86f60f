import type { CaseFile } from '../case/types.js';
import { loadCaseText } from '../case/load.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { Lang } from '../rules/types.js';
import { DateTime } from 'luxon';
import { zoneOf } from '../case/load.js';
import { interviewState, withState } from './answers.js';
import { formatWhen } from './date-input.js';
import type { Prompter } from './prompter.js';
import { say } from './strings.js';

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
    const existing = read(file, store, options.lang ?? 'en');
    const l = use(options.lang ?? langOf(existing) ?? (await askLang(prompter)));
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

  const l = use(options.lang ?? (await askLang(prompter)));
  let file = options.save ?? (await askFile(prompter, l, options.suggestion(l)));
  for (;;) {
    if (!store.exists(file)) return { file, lang: l };
    const loaded = tryRead(file, store);
    const state = loaded ? interviewState(loaded) : undefined;
    if (loaded && state) {
      const finished = state.status === 'finished';
      const pick = await prompter.select<'resume' | 'other' | 'overwrite'>({
        id: 'start.existing',
        message: finished ? say(l, 'finishedOffer', { file }) : say(l, 'resumeOffer', { file, saved: localTime(state.saved, loaded.jurisdiction, l) }),
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

async function askLang(prompter: Prompter): Promise<Lang> {
  return prompter.select<Lang>({ id: 'lang', message: 'Language / Taal', choices: [{ value: 'nl', name: 'Nederlands' }, { value: 'en', name: 'English' }] });
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

/** When a file was saved, in the jurisdiction's local time and the adviser's words. */
function localTime(iso: string, jurisdiction: string, lang: Lang): string {
  const dt = DateTime.fromISO(iso).setZone(zoneOf(jurisdiction));
  return dt.isValid ? formatWhen(dt.toFormat("yyyy-LL-dd'T'HH:mm"), lang) : iso;
}

function langOf(c: CaseFile): Lang | undefined {
  return interviewState(c)?.lang ?? c.lang;
}

function tryRead(file: string, store: CaseStore): CaseFile | undefined {
  try {
    const loaded = loadCaseText(file, store.read(file));
    return loaded.caseFile && !loaded.diagnostics.some((d) => d.severity === 'error') ? loaded.caseFile : undefined;
  } catch {
    return undefined;
  }
}

function read(file: string, store: CaseStore, lang: Lang): CaseFile {
  let text: string;
  try {
    text = store.read(file);
  } catch (e) {
    throw new StartError(`${say(lang, 'cannotRead', { file })} ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const loaded = loadCaseText(file, text);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.caseFile || errors.length > 0) throw new StartError([say(lang, 'cannotRead', { file }), ...errors.map((d) => '  ' + formatDiagnostic(d))].join('\n'));
  return loaded.caseFile;
}
