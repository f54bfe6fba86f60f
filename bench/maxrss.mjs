/* global process */
// Preloaded (node --import) only when there is no GNU time: writes the process's peak resident
// memory in KB, as GNU time would report it, to the file named by BENCH_MAXRSS_OUT at exit.
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_MAXRSS_OUT;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
