import type { Command } from 'commander';
import type { Io } from './io.js';

/**
 * Commands that live in their own modules register here, so each can grow without touching
 * the others. `setExit` records the exit code the command wants.
 */
export interface CommandContext {
  io: Io;
  setExit: (code: number) => void;
}

export type RegisterCommand = (program: Command, context: CommandContext) => void;
