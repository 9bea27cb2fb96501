import { Parser } from 'yaml';
import { isDiagnosticCode, type DiagnosticCode } from './codes';
import { fieldPair, isBlank, spanOf, type ParsedResource } from './document';
import type { OffsetEdit } from './edits';
import type { Finding } from './findings';
import type { LineMap } from './positions';

/**
 * Suppression comments in the frontmatter, as ESLint's `eslint-disable-*` comments:
 *
 *   # resource-lint-disable-next-line <code> [<code>…] [-- reason]   the next line that holds YAML content
 *   # resource-lint-disable-line <code> [<code>…] [-- reason]        the comment's own line (a trailing comment)
 *   # resource-lint-disable <code> [<code>…] [-- reason]             from here to a matching enable (or the end)
 *   # resource-lint-enable [<code>…] [-- reason]                     ends the range of those codes (all without codes)
 *   # resource-lint-disable-file <code> [<code>…] [-- reason]        the whole file
 *
 * Codes are separated by spaces or commas. Comments are found by the YAML parser's own tokens, so a
 * `#` inside a quoted value or a block scalar is never taken for one.
 */
export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';

const KINDS: ReadonlySet<string> = new Set<DirectiveKind>(['disable-next-line', 'disable-line', 'disable', 'enable', 'disable-file']);

/** The prefix every directive starts with; also the fast path's cheap test for "this text may hold one". */
export const DIRECTIVE_PREFIX = 'resource-lint-';

/** What a directive cannot silence: the file must be readable, and the directives' own reports stay visible. */
const UNSUPPRESSIBLE: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'frontmatter-missing',
  'frontmatter-unclosed',
  'yaml-syntax',
  'file-too-large',
  'unused-suppression',
  'invalid-suppression',
]);

export function isSuppressible(code: DiagnosticCode): boolean {
  return !UNSUPPRESSIBLE.has(code);
}

/** One code named by a directive: where it is written (absolute offsets). */
export interface DirectiveCode {
  code: string;
  start: number;
  end: number;
}

export interface Directive {
  kind: DirectiveKind;
  /** The whole comment, from `#` to the end of its text. */
  start: number;
  end: number;
  /** The `resource-lint-…` word. */
  nameStart: number;
  nameEnd: number;
  codes: DirectiveCode[];
  /** The comment is alone on its line (not after a value). */
  ownLine: boolean;
  /** The line it applies to: its own for disable-line, the next with YAML content for disable-next-line. */
  targetLine?: number;
}

/** A comment that starts like a directive but is none: an unknown name. */
interface Malformed {
  start: number;
  end: number;
  name: string;
}

interface Scan {
  directives: Directive[];
  malformed: Malformed[];
}

/** CST token types that are not YAML content: a line holding only these holds no content. */
const NOT_CONTENT: ReadonlySet<string> = new Set(['comment', 'space', 'newline', 'byte-order-mark', 'doc-start', 'doc-end', 'directive']);

const DIRECTIVE = /^#[ \t]*resource-lint-([a-z]+(?:-[a-z]+)*)(?=[\s,]|$)/;
const CODE = /[^\s,]+/g;

interface CstToken {
  type: string;
  offset: number;
  source?: string;
}

/** Every leaf token of the CST that has a source (comments, scalars, indicators), in no particular order. */
function leafTokens(node: unknown, out: CstToken[]): void {
  if (Array.isArray(node)) {
    for (const child of node) leafTokens(child, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const token = node as Record<string, unknown>;
  if (typeof token.type === 'string' && typeof token.offset === 'number' && typeof token.source === 'string') {
    out.push(token as unknown as CstToken);
  }
  for (const key in token) {
    const value = token[key];
    if (value && typeof value === 'object') leafTokens(value, out);
  }
}

const scans = new WeakMap<ParsedResource, Scan>();

/** The directives of a parsed resource, read once from the YAML parser's tokens. */
export function directivesOf(parsed: ParsedResource, lines: LineMap): Scan {
  const known = scans.get(parsed);
  if (known) return known;
  const scan: Scan = { directives: [], malformed: [] };
  scans.set(parsed, scan);
  const block = parsed.block;
  if (!block || !block.close) return scan;
  const base = block.content.start;
  const at = parsed.text.indexOf(DIRECTIVE_PREFIX, base);
  if (at < 0 || at >= block.content.end) return scan;
  const tokens: CstToken[] = [];
  for (const token of new Parser().parse(parsed.text.slice(base, block.content.end))) leafTokens(token, tokens);
  const contentLines = new Set<number>();
  const comments: CstToken[] = [];
  for (const t of tokens) {
    if (t.type === 'comment') comments.push(t);
    else if (!NOT_CONTENT.has(t.type) && t.source !== '') contentLines.add(lines.lineAt(base + t.offset));
  }
  const lastContentLine = Math.max(-1, ...contentLines);
  comments.sort((a, b) => a.offset - b.offset);
  for (const c of comments) {
    const text = (c.source ?? '').replace(/\r$/, '');
    const m = DIRECTIVE.exec(text);
    if (!m) continue;
    const start = base + c.offset;
    const nameStart = start + text.indexOf('resource-lint-');
    const nameEnd = nameStart + 'resource-lint-'.length + m[1].length;
    if (!KINDS.has(m[1])) {
      scan.malformed.push({ start: nameStart, end: nameEnd, name: `resource-lint-${m[1]}` });
      continue;
    }
    const kind = m[1] as DirectiveKind;
    const rest = text.slice(m[0].length);
    // A reason follows ` -- `; what is before it names the codes.
    const reason = /(?:^|[ \t])--(?:[ \t]|$)/.exec(rest);
    const codesText = reason ? rest.slice(0, reason.index) : rest;
    const codes: DirectiveCode[] = [];
    const codesStart = start + m[0].length;
    for (const cm of codesText.matchAll(CODE)) {
      codes.push({ code: cm[0], start: codesStart + cm.index, end: codesStart + cm.index + cm[0].length });
    }
    const line = lines.lineAt(start);
    const directive: Directive = { kind, start, end: start + text.length, nameStart, nameEnd, codes, ownLine: !contentLines.has(line) };
    if (kind === 'disable-line') directive.targetLine = line;
    if (kind === 'disable-next-line') {
      for (let l = line + 1; l <= lastContentLine; l++) {
        if (contentLines.has(l)) {
          directive.targetLine = l;
          break;
        }
      }
    }
    scan.directives.push(directive);
  }
  return scan;
}

/** The findings of one analysis after its directives: what is shown, what was silenced, and the directives' own reports. */
export interface SuppressionOutcome {
  /** The findings to show, with the directives' own reports (unused, invalid) among them. */
  findings: Finding[];
  /** What the directives silenced. */
  suppressed: Finding[];
  /** A directive silences this file's duplicate-resource report (file-wide, or on the `link` line). */
  duplicateSuppressed: boolean;
  /**
   * unused-suppression reports for the directives that would silence duplicate-resource: used only
   * when another file shares the link, which the workspace knows, not the text.
   */
  unlessDuplicated: Finding[];
}

interface Entry {
  directive: Directive;
  code: DirectiveCode;
  used: boolean;
  /** For a range: where it ends (the enable's offset), else the end of the text. */
  until: number;
}

/** True when `entry` silences a finding of its code starting at `offset` on `line`. */
function covers(entry: Entry, offset: number, line: number): boolean {
  const d = entry.directive;
  switch (d.kind) {
    case 'disable-file':
      return true;
    case 'disable':
      return offset >= d.end && offset < entry.until;
    case 'disable-line':
    case 'disable-next-line':
      return d.targetLine === line;
    default:
      return false;
  }
}

/** Which entries answer first: a line's directive, then a range, then the file's. */
const PRECEDENCE: Record<DirectiveKind, number> = { 'disable-line': 0, 'disable-next-line': 0, disable: 1, 'disable-file': 2, enable: 3 };

/**
 * Filters the findings of one text by its directives and reports the directives that silence nothing
 * (`unused-suppression`) or cannot work (`invalid-suppression`). Without a directive the findings
 * pass through untouched.
 */
export function applySuppressions(parsed: ParsedResource, findings: Finding[], lines: LineMap): SuppressionOutcome {
  const { directives, malformed } = directivesOf(parsed, lines);
  if (directives.length === 0 && malformed.length === 0) {
    return { findings, suppressed: [], duplicateSuppressed: false, unlessDuplicated: [] };
  }
  const problems: Finding[] = malformed.map((m) => ({
    code: 'invalid-suppression',
    message: `'${m.name}' is not a suppression directive: use resource-lint-disable-next-line, resource-lint-disable-line, resource-lint-disable, resource-lint-enable or resource-lint-disable-file.`,
    start: m.start,
    end: m.end,
  }));
  const entries: Entry[] = [];
  const open: Entry[] = [];
  const unusedEnables: Directive[] = [];
  for (const d of directives) {
    if (d.kind !== 'enable' && d.codes.length === 0) {
      problems.push({
        code: 'invalid-suppression',
        message: `'resource-lint-${d.kind}' must name the codes it suppresses, e.g. "# resource-lint-${d.kind} unknown-field -- why".`,
        start: d.nameStart,
        end: d.nameEnd,
      });
      continue;
    }
    const valid: DirectiveCode[] = [];
    for (const c of d.codes) {
      if (!isDiagnosticCode(c.code)) {
        problems.push({
          code: 'invalid-suppression',
          message: `'${c.code}' is not a code resource-lint reports.`,
          start: c.start,
          end: c.end,
        });
      } else if (!isSuppressible(c.code)) {
        problems.push({ code: 'invalid-suppression', message: `'${c.code}' cannot be suppressed.`, start: c.start, end: c.end });
      } else {
        valid.push(c);
      }
    }
    if (d.kind === 'enable') {
      const closing = d.codes.length === 0 ? open.splice(0) : [];
      for (const c of valid) {
        const i = open.findIndex((e) => e.code.code === c.code);
        if (i < 0) {
          problems.push(unusedEnableCode(d, c));
          continue;
        }
        for (let j = open.length - 1; j >= 0; j--) if (open[j].code.code === c.code) closing.push(...open.splice(j, 1));
      }
      for (const e of closing) e.until = d.start;
      if (d.codes.length === 0 && closing.length === 0) unusedEnables.push(d);
      continue;
    }
    for (const c of valid) {
      const entry: Entry = { directive: d, code: c, used: false, until: parsed.text.length };
      entries.push(entry);
      if (d.kind === 'disable') open.push(entry);
    }
  }
  entries.sort((a, b) => PRECEDENCE[a.directive.kind] - PRECEDENCE[b.directive.kind]);

  const shown: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const line = lines.lineAt(f.start);
    const entry = isSuppressible(f.code) ? entries.find((e) => e.code.code === f.code && covers(e, f.start, line)) : undefined;
    if (entry) {
      entry.used = true;
      suppressed.push(f);
    } else {
      shown.push(f);
    }
  }

  // duplicate-resource is reported on the link (its value, or its key when blank), by the workspace.
  const link = linkSpan(parsed);
  const onLink = (e: Entry) => e.code.code === 'duplicate-resource' && link !== null && covers(e, link.start, lines.lineAt(link.start));
  const duplicateEntries = entries.filter(onLink);

  const unused = (e: Entry) => !e.used && !duplicateEntries.includes(e);
  for (const e of entries) if (unused(e)) problems.push(unusedFinding(parsed, e, entries, duplicateEntries));
  for (const d of unusedEnables) {
    problems.push({
      code: 'unused-suppression',
      message: "'resource-lint-enable' ends no 'resource-lint-disable' range.",
      start: d.nameStart,
      end: d.nameEnd,
      data: { edit: removeComment(parsed, d) },
    });
  }
  const unlessDuplicated = duplicateEntries.map((e) => unusedFinding(parsed, e, entries, duplicateEntries, true));
  return {
    findings: [...shown, ...problems].sort((a, b) => a.start - b.start),
    suppressed,
    duplicateSuppressed: duplicateEntries.length > 0,
    unlessDuplicated,
  };
}

function linkSpan(parsed: ParsedResource): { start: number; end: number } | null {
  const pair = fieldPair(parsed, 'link');
  if (!pair) return null;
  return spanOf(parsed, !isBlank(pair.value) ? pair.value : pair.key);
}

function unusedEnableCode(d: Directive, c: DirectiveCode): Finding {
  return {
    code: 'unused-suppression',
    message: `'${c.code}' is not disabled here: this resource-lint-enable ends nothing.`,
    start: c.start,
    end: c.end,
    data: { code: c.code, edit: removeCode(d, c) },
  };
}

function unusedFinding(
  parsed: ParsedResource,
  e: Entry,
  entries: readonly Entry[],
  deferred: readonly Entry[],
  duplicate = false,
): Finding {
  const d = e.directive;
  // The fix removes the code, or the whole comment when none of its codes is used.
  const othersUsed = entries.some((o) => o.directive === d && o !== e && (o.used || (!duplicate && deferred.includes(o))));
  const where = d.kind === 'disable-file' ? 'in this file' : d.kind === 'disable' ? 'in this range' : 'on its line';
  const why = duplicate ? 'no other resource has this link' : `no '${e.code.code}' is reported ${where}`;
  return {
    code: 'unused-suppression',
    message: `Unused resource-lint-${d.kind} for '${e.code.code}': ${why}.`,
    start: e.code.start,
    end: e.code.end,
    data: { code: e.code.code, edit: othersUsed ? removeCode(d, e.code) : removeComment(parsed, d) },
  };
}

/** Removes one code of a directive with the separator before it (after it, for the first code). */
function removeCode(d: Directive, c: DirectiveCode): OffsetEdit {
  const i = d.codes.indexOf(c);
  if (i > 0) return { start: d.codes[i - 1].end, end: c.end, newText: '' };
  const next = d.codes[1];
  return next ? { start: c.start, end: next.start, newText: '' } : { start: c.start, end: c.end, newText: '' };
}

/** Removes a directive's comment: its whole line when it is alone on it, else the comment and the blanks before it. */
function removeComment(parsed: ParsedResource, d: Directive): OffsetEdit {
  const text = parsed.text;
  let start = d.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (d.ownLine && (start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r')) {
    let end = d.end;
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
    return { start, end, newText: '' };
  }
  return { start, end: d.end, newText: '' };
}
