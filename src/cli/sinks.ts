import { checkDistinctFiles, openAtomic } from '../io/atomic-write.js';
import type { Io } from './io.js';
import { useColor, type OutputSpec } from './output.js';

/** Where one format goes as it is written: standard output, or a file that appears whole at the end. */
export interface Sink {
  format: string;
  file?: string;
  color: boolean;
  write: (text: string) => void;
  /** renames the temporary file into place */
  close: () => void;
  /** removes the temporary file if close did not run */
  abort: () => void;
}

/** Opens every output before any work, so that an unwritable file fails at once. */
export function openSinks(outputs: readonly OutputSpec[], io: Io): Sink[] {
  checkDistinctFiles(outputs.flatMap((o) => (o.file === undefined ? [] : [o.file])), io.cwd);
  const sinks: Sink[] = [];
  try {
    for (const spec of outputs) {
      if (spec.file === undefined) sinks.push({ format: spec.format, color: useColor(io, true), write: (t) => io.stdout(t), close: () => {}, abort: () => {} });
      else sinks.push(fileSink(spec.format, spec.file, io));
    }
  } catch (e) {
    for (const k of sinks) k.abort();
    throw e;
  }
  return sinks;
}

/** A file written through a temporary file beside it (src/io/atomic-write.ts), renamed into place on close. */
function fileSink(format: string, file: string, io: Io): Sink {
  const out = openAtomic(file, io);
  return { format, file, color: false, write: out.write, close: out.commit, abort: out.abort };
}
