/**
 * What the application layer needs from outside: the CLI, its worker threads and the library API
 * each supply it, so the layer itself never touches the file system, the process or the clock.
 */
export interface AppIo {
  /** a file's text (UTF-8); throws, with the error's `code` (ENOENT, EACCES …), when it cannot be read */
  readFile: (path: string) => string;
  /** the clock: read only when neither the options nor the case file give an as-of date */
  now: () => Date;
}
