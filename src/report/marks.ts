/**
 * The one mark an item carries when something it rests on is not confirmed: "unconfirmed 2",
 * pointing to note 2 at the end of the case, which says what. Items with the same reason share
 * a note, numbered in the order the report first shows them, so the list stays short.
 */
import type { Lang } from '../rules/types.js';
import { say } from '../words/report.js';

export class UnconfirmedNotes {
  private readonly byReason = new Map<string, number>();

  constructor(private readonly lang: Lang) {}

  /** The mark's words for an item ("unconfirmed 1"), or undefined for an item with no mark. */
  mark(item: { unverifiedBecause?: string }): string | undefined {
    const n = this.number(item);
    return n === undefined ? undefined : say(this.lang, 'unconfirmedMark', { n });
  }

  number(item: { unverifiedBecause?: string }): number | undefined {
    const reason = item.unverifiedBecause;
    if (reason === undefined) return undefined;
    if (!this.byReason.has(reason)) this.byReason.set(reason, this.byReason.size + 1);
    return this.byReason.get(reason);
  }

  /** The notes, in their numbers' order: what each mark says is not confirmed. */
  notes(): { n: number; reason: string }[] {
    return [...this.byReason].map(([reason, n]) => ({ n, reason: capital(reason) }));
  }
}

const capital = (s: string): string => s.charAt(0).toLocaleUpperCase() + s.slice(1);
