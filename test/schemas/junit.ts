/**
 * A structural validator for JUnit XML, equivalent to the common Jenkins/Ant schema (junit-10.xsd):
 *
 *   testsuites[name?, tests?, failures?, errors?, skipped?, time?]
 *     testsuite[name, tests, failures, errors, skipped, time, id?, package?, timestamp?, hostname?]
 *       properties? > property[name, value]
 *       testcase[name, classname, time, assertions?, status?]
 *         (failure[message, type?] | error[message, type?] | skipped[message?])?  system-out?  system-err?
 *       system-out?  system-err?
 *
 * It parses XML strictly (well-formed, entities, one root) and returns the problems found.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string, problems: string[]): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);|&/g, (m, e: string | undefined) => {
    if (e === undefined) {
      problems.push(`a bare & in ${JSON.stringify(s.slice(0, 40))}`);
      return m;
    }
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    const v = ENTITIES[e];
    if (v === undefined) problems.push(`unknown entity &${e};`);
    return v ?? m;
  });
}

export function parseXml(xml: string): { root?: XmlElement; problems: string[] } {
  const problems: string[] = [];
  let i = 0;
  const decl = /^<\?xml[^?]*\?>\s*/.exec(xml);
  if (!decl) problems.push('no XML declaration');
  else i = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < xml.length) {
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end === -1) return { problems: [...problems, 'unclosed comment'] };
      i = end + 3;
      continue;
    }
    if (xml[i] === '<') {
      const end = xml.indexOf('>', i);
      if (end === -1) return { problems: [...problems, 'unclosed tag'] };
      const tag = xml.slice(i + 1, end);
      i = end + 1;
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim();
        const open = stack.pop();
        if (!open || open.name !== name) problems.push(`</${name}> closes <${open?.name ?? 'nothing'}>`);
        continue;
      }
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const m = /^([A-Za-z_][\w.-]*)([\s\S]*)$/.exec(body);
      if (!m) {
        problems.push(`bad tag <${tag}>`);
        continue;
      }
      const el: XmlElement = { name: m[1] as string, attrs: {}, children: [], text: '' };
      const attrRe = /\s+([A-Za-z_][\w.-]*)="([^"<]*)"/y;
      let rest = m[2] as string;
      let pos = 0;
      attrRe.lastIndex = 0;
      while (pos < rest.trimEnd().length) {
        attrRe.lastIndex = pos;
        const a = attrRe.exec(rest);
        if (!a) {
          problems.push(`bad attributes in <${el.name}>: ${JSON.stringify(rest.slice(pos, pos + 40))}`);
          break;
        }
        if ((a[1] as string) in el.attrs) problems.push(`attribute ${a[1]} twice in <${el.name}>`);
        el.attrs[a[1] as string] = decode(a[2] as string, problems);
        pos = attrRe.lastIndex;
      }
      rest = '';
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else if (root) problems.push('more than one root element');
      else root = el;
      if (!selfClosing) stack.push(el);
      continue;
    }
    const next = xml.indexOf('<', i);
    const text = xml.slice(i, next === -1 ? xml.length : next);
    i = next === -1 ? xml.length : next;
    const parent = stack[stack.length - 1];
    if (parent) parent.text += decode(text, problems);
    else if (text.trim() !== '') problems.push(`text outside the root: ${JSON.stringify(text.slice(0, 40))}`);
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.map((s) => s.name).join('> <')}>`);
  if (!root) problems.push('no root element');
  return { ...(root ? { root } : {}), problems };
}

const NUMBER = /^\d+(\.\d+)?$/;
const INTEGER = /^\d+$/;

function checkAttrs(el: XmlElement, required: string[], optional: string[], where: string, problems: string[]): void {
  for (const r of required) if (!(r in el.attrs)) problems.push(`${where}: <${el.name}> lacks the required attribute ${r}`);
  for (const a of Object.keys(el.attrs)) if (!required.includes(a) && !optional.includes(a)) problems.push(`${where}: <${el.name}> has an attribute the schema does not allow: ${a}`);
  for (const n of ['tests', 'failures', 'errors', 'skipped', 'assertions']) if (n in el.attrs && !INTEGER.test(el.attrs[n] as string)) problems.push(`${where}: ${n}="${el.attrs[n]}" is not a whole number`);
  if ('time' in el.attrs && !NUMBER.test(el.attrs['time'] as string)) problems.push(`${where}: time="${el.attrs['time']}" is not a number`);
}

/** Problems with a JUnit XML document; empty when it conforms. */
export function validateJunit(xml: string): string[] {
  const { root, problems } = parseXml(xml);
  if (!root) return problems;
  if (root.name !== 'testsuites') return [...problems, `the root is <${root.name}>, not <testsuites>`];
  checkAttrs(root, [], ['name', 'tests', 'failures', 'errors', 'skipped', 'disabled', 'time'], 'testsuites', problems);
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  root.children.forEach((suite, si) => {
    const where = `testsuite ${si + 1}`;
    if (suite.name !== 'testsuite') {
      problems.push(`${where}: <${suite.name}> is not allowed in <testsuites>`);
      return;
    }
    checkAttrs(suite, ['name', 'tests', 'failures', 'errors', 'skipped', 'time'], ['id', 'package', 'timestamp', 'hostname', 'disabled', 'file'], where, problems);
    const counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    for (const child of suite.children) {
      if (child.name === 'properties') {
        for (const p of child.children) {
          if (p.name !== 'property') problems.push(`${where}: <${p.name}> in <properties>`);
          else checkAttrs(p, ['name', 'value'], [], where, problems);
        }
        continue;
      }
      if (child.name === 'system-out' || child.name === 'system-err') continue;
      if (child.name !== 'testcase') {
        problems.push(`${where}: <${child.name}> is not allowed in <testsuite>`);
        continue;
      }
      counts.tests++;
      const cw = `${where}, testcase "${child.attrs['name'] ?? '?'}"`;
      checkAttrs(child, ['name', 'classname', 'time'], ['assertions', 'status'], cw, problems);
      const outcomes = child.children.filter((c) => ['failure', 'error', 'skipped'].includes(c.name));
      if (outcomes.length > 1) problems.push(`${cw}: more than one of failure, error, skipped`);
      for (const c of child.children) {
        if (c.name === 'failure' || c.name === 'error') {
          checkAttrs(c, ['message'], ['type'], cw, problems);
          counts[c.name === 'failure' ? 'failures' : 'errors']++;
        } else if (c.name === 'skipped') {
          checkAttrs(c, [], ['message'], cw, problems);
          counts.skipped++;
        } else if (c.name !== 'system-out' && c.name !== 'system-err') problems.push(`${cw}: <${c.name}> is not allowed in <testcase>`);
      }
    }
    for (const k of ['tests', 'failures', 'errors', 'skipped'] as const) {
      if (suite.attrs[k] !== undefined && Number(suite.attrs[k]) !== counts[k]) problems.push(`${where}: ${k}="${suite.attrs[k]}" but it holds ${counts[k]}`);
      totals[k] += counts[k];
    }
  });
  for (const k of ['tests', 'failures', 'errors', 'skipped'] as const) {
    if (root.attrs[k] !== undefined && Number(root.attrs[k]) !== totals[k]) problems.push(`testsuites: ${k}="${root.attrs[k]}" but the suites hold ${totals[k]}`);
  }
  return problems;
}
