import { createHash } from 'node:crypto';
import type { Findings, Level, Place } from './findings.js';
import { normalise } from './paths.js';

/** The repository the run happened in: code-scanning tools resolve result paths against its root. */
export interface SourceRoot {
  /** the root as a file URI ending in / (the value of %SRCROOT%) */
  uri: string;
  /** the working folder relative to the root, posix, '' at the root itself; paths are shown relative to the working folder */
  cwd: string;
}

export interface SarifOptions {
  root?: SourceRoot;
}

/** A relative path is made relative to the repository root, %SRCROOT% (what code-scanning tools expect); an absolute one becomes a file URI. */
function artifactLocation(given: string, root: SourceRoot | undefined): { uri?: string; uriBaseId?: string; description?: { text: string } } {
  // Standard input is no file in the repository: a location that names it, with no URI to resolve.
  if (given === '<stdin>') return { description: { text: 'standard input' } };
  const shown = given.replace(/\\/g, '/');
  const posix = root && !shown.startsWith('/') && !/^[A-Za-z]:\//.test(shown) && !shown.startsWith('<') ? normalise(`${root.cwd}/${shown}`) : shown;
  const encoded = posix
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
  if (posix.startsWith('/')) return { uri: `file://${encoded}` };
  if (/^[A-Za-z]:\//.test(posix)) return { uri: `file:///${posix.slice(0, 2)}${encoded.slice(encoded.indexOf('/'))}` };
  return { uri: encoded, uriBaseId: '%SRCROOT%' };
}

function physicalLocation(p: Place, root: SourceRoot | undefined): object {
  return { artifactLocation: artifactLocation(p.file, root), region: { startLine: Math.max(1, p.line), startColumn: Math.max(1, p.column) } };
}

const fingerprint = (...parts: string[]): string => createHash('sha256').update(parts.join('\u0000')).digest('hex');

const sarifLevel = (l: Level): string => l;

/** Diagnostic codes that mean a file was not analysed at all. */
const INCOMPLETE = new Set(['internal-error', 'file-unreadable']);

/**
 * SARIF 2.1.0: one run; each rule id (a diagnostic code or a legal rule) a reportingDescriptor
 * with its help (for a legal rule: its citation); results at file:line:column, with fingerprints
 * built from the rule id, the file and the finding's key (a JSON pointer, a test name), not its line,
 * so that they survive edits elsewhere in the file.
 */
export function formatSarif(report: Findings, options: SarifOptions = {}): string {
  const root = options.root;
  // A file that could not be read, or broke the tool, was not analysed: the run did not complete.
  const notRun = report.findings.filter((f) => INCOMPLETE.has(f.ruleId));
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'rulecase',
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: report.rules.map((r) => ({
              id: r.id,
              name: r.name.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')) || r.id,
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              help: { text: r.help, markdown: r.helpUri ? `${r.help}\n\n[${r.helpUri}](${r.helpUri})` : r.help },
              ...(r.helpUri ? { helpUri: r.helpUri } : {}),
              defaultConfiguration: { level: sarifLevel(r.level) },
              properties: { tags: [report.command] },
            })),
          },
        },
        ...(root ? { originalUriBaseIds: { '%SRCROOT%': { uri: root.uri } } } : {}),
        invocations: [
          {
            executionSuccessful: notRun.length === 0,
            commandLine: `rulecase ${report.command}`,
            ...(notRun.length > 0 ? { toolExecutionNotifications: notRun.map((f) => ({ level: 'error', message: { text: f.message }, locations: [{ physicalLocation: physicalLocation(f.place, root) }], descriptor: { id: f.ruleId } })) } : {}),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f) => {
          const print = fingerprint(f.ruleId, f.place.file, f.key);
          return {
            ruleId: f.ruleId,
            ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
            level: sarifLevel(f.level),
            message: { text: f.message },
            locations: [{ physicalLocation: physicalLocation(f.place, root), ...(f.place.pointer ? { logicalLocations: [{ fullyQualifiedName: f.place.pointer || '/', kind: 'element' }] } : {}) }],
            ...(f.related && f.related.length > 0 ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, physicalLocation: physicalLocation(r, root), message: { text: r.message } })) } : {}),
            fingerprints: { 'rulecase/v1': print },
            partialFingerprints: { 'rulecaseKey/v1': print },
          };
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
