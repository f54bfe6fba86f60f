import type { Command } from 'commander';
import type { CliIo } from './main.js';

/**
 * Commands that live in their own modules register here, so each can grow without touching
 * the others. `setExit` records the exit code the command wants.
 */
export interface CommandContext {
  io: CliIo;
  setExit: (code: number) => void;
}

export type RegisterCommand = (program: Command, context: CommandContext) => void;
