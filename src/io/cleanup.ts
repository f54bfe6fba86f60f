import { unlinkSync } from 'node:fs';

/**
 * Temporary files that must not outlive the process: reports hold personal data. While any is
 * pending, SIGINT, SIGTERM and SIGHUP remove them first, then end the process as the signal would
 * have (the handlers are removed and the signal raised again), so the exit status still says why.
 */
const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const path of pending) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  pending.clear();
  uninstall();
  process.kill(process.pid, signal);
}

function install(): void {
  for (const s of SIGNALS) process.on(s, onSignal);
}

function uninstall(): void {
  for (const s of SIGNALS) process.off(s, onSignal);
}

/** Removes `path` if the process is interrupted before `release` is called. */
export function removeOnSignal(path: string): () => void {
  if (pending.size === 0) install();
  pending.add(path);
  return () => {
    if (!pending.delete(path)) return;
    if (pending.size === 0) uninstall();
  };
}
