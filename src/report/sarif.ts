import { createHash } from 'node:crypto';
import type { Findings, Level, Place } from './findings.js';

export interface SarifOptions {
  /** the working directory as a file URI (ending in /), for %SRCROOT%; omitted when unknown */
  srcRoot?: string;
}

/** A relative path stays relative to %SRCROOT% (what code-scanning tools expect); an absolute one becomes a file URI. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const posix = file.replace(/\\/g, '/');
  const encoded = posix
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
  if (posix.startsWith('/')) return { uri: `file://${encoded}` };
  if (/^[A-Za-z]:\//.test(posix)) return { uri: `file:///${posix.slice(0, 2)}${encoded.slice(encoded.indexOf('/'))}` };
  return { uri: encoded, uriBaseId: '%SRCROOT%' };
}

function physicalLocation(p: Place): object {
  return { artifactLocation: artifactLocation(p.file), region: { startLine: Math.max(1, p.line), startColumn: Math.max(1, p.column) } };
}

const fingerprint = (...parts: string[]): string => createHash('sha256').update(parts.join('\u0000')).digest('hex');

const sarifLevel = (l: Level): string => l;

/**
 * SARIF 2.1.0: one run; each rule id (a diagnostic code or a legal rule) a reportingDescriptor
 * with its help (for a legal rule: its citation); results at file:line:column, with fingerprints
 * built from the rule id, the file and the finding's key (a JSON pointer, a test name), not its line,
 * so that they survive edits elsewhere in the file.
 */
export function formatSarif(report: Findings, options: SarifOptions = {}): string {
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
        ...(options.srcRoot ? { originalUriBaseIds: { '%SRCROOT%': { uri: options.srcRoot } } } : {}),
        invocations: [{ executionSuccessful: true, commandLine: `rulecase ${report.command}` }],
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f) => {
          const print = fingerprint(f.ruleId, f.place.file, f.key);
          return {
            ruleId: f.ruleId,
            ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
            level: sarifLevel(f.level),
            message: { text: f.message },
            locations: [{ physicalLocation: physicalLocation(f.place), ...(f.place.pointer ? { logicalLocations: [{ fullyQualifiedName: f.place.pointer || '/', kind: 'element' }] } : {}) }],
            ...(f.related && f.related.length > 0 ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, physicalLocation: physicalLocation(r), message: { text: r.message } })) } : {}),
            fingerprints: { 'rulecase/v1': print },
            partialFingerprints: { 'rulecaseKey/v1': print },
          };
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
