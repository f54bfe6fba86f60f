import type { RegisterCommand } from './extensions.js';

/** `rulecase interview`: registered by the interview module (issue 5). */
export const registerInterview: RegisterCommand = () => {};
