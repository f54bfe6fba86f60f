/**
 * Everything the CLI takes from the process, passed in (as markdownlint-cli2's `main(params)`):
 * the bin supplies the real process, tests a fake one. Only src/cli/main.ts fills in defaults.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** whether stdout is a terminal (colour) */
  isTTY: boolean;
  /** whether stderr is a terminal (progress bar) */
  stderrIsTTY?: boolean;
  /** standard input, for `assess -` */
  readStdin?: () => Promise<string>;
  version?: string;
  env: Record<string, string | undefined>;
  /** the clock: today for a case without an as-of date, and the pace of the progress bar */
  now: () => Date;
  /** the working folder: paths on the command line are relative to it, and shown relative to it */
  cwd?: string;
  /** the process id, for temporary file names that other processes do not share */
  pid?: number;
  /** reads a file's text (UTF-8); a relative path is relative to cwd */
  readFile?: (path: string) => string;
  /** the terminal the interview talks to */
  terminal?: Terminal;
}

export interface Terminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
}

/** The IO every command receives: nothing left to default. */
export type Io = Required<CliIo>;
