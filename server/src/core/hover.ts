import { isScalar, isSeq, type Node } from 'yaml';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { Configuration } from './configuration';
import { fieldPairs, spanOf, type Span } from './document';
import type { FieldInfo } from './schema';
import type { Analysis } from './service';
import { categoriesOfFocus, VOCABULARY_FILES } from './vocabulary';

const SHOWN_VALUES = 10;

const within = (span: Span | null, offset: number): span is Span => !!span && offset >= span.start && offset <= span.end;

/** Hover on a field name (what it is, whether required, what it allows) or on a value (its label and where it is defined). */
export function hover(analysis: Analysis, config: Configuration, offset: number): Hover | null {
  const { parsed } = analysis;
  for (const pair of fieldPairs(parsed)) {
    const name = String((pair.key as { value?: unknown }).value);
    const keySpan = spanOf(parsed, pair.key);
    if (within(keySpan, offset)) {
      const field = config.schema.field(name);
      return markdown(
        analysis,
        keySpan,
        field ? keyText(field, config) : (problemAt(analysis, keySpan) ?? `\`${name}\` is not a resource field.`),
      );
    }
    const value = pair.value;
    const nodes: Node[] = isSeq(value) ? (value.items as Node[]) : value ? [value] : [];
    for (const node of nodes) {
      const span = spanOf(parsed, node);
      if (!isScalar(node) || !within(span, offset) || span.start === span.end) continue;
      const field = config.schema.field(name);
      const text = valueText(field, node.value, config);
      const problem = problemAt(analysis, span);
      const parts = [problem, problem ? undefined : text].filter((p): p is string => !!p);
      return parts.length > 0 ? markdown(analysis, span, parts.join('\n\n')) : null;
    }
  }
  return null;
}

function markdown(analysis: Analysis, span: Span, value: string): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: analysis.lines.range(span.start, span.end) };
}

const code = (v: string) => `\`${v.replace(/`/g, "'")}\``;

function keyText(field: FieldInfo, config: Configuration): string {
  const lines = [`**${field.name}** · ${field.required ? 'required' : 'optional'}`, '', field.markdownDescription || field.description];
  const allowed = config.schema.allowedValues(field.name);
  if (allowed && allowed.length > 0) {
    const shown = allowed.slice(0, SHOWN_VALUES).map(code).join(', ');
    const more = allowed.length > SHOWN_VALUES ? ` and ${allowed.length - SHOWN_VALUES} more` : '';
    lines.push('', `Allowed values: ${shown}${more}.`);
  } else if (field.shape === 'boolean') {
    lines.push('', 'Allowed values: `true`, `false`.');
  }
  return lines.join('\n');
}

function valueText(field: FieldInfo | undefined, value: unknown, config: Configuration): string | undefined {
  if (!field || typeof value !== 'string') return undefined;
  if (field.vocabulary) {
    const vocabulary = config.vocabularies[field.vocabulary];
    const term = vocabulary.terms.find((t) => t.value === value);
    if (!term) return undefined;
    const lines = [
      term.label ? `**${term.label}** (${code(term.value)})` : `**${term.value}**`,
      '',
      `A ${VOCABULARY_FILES[field.vocabulary].noun} defined in ${code(vocabulary.source)}.`,
    ];
    if (field.vocabulary === 'focus') {
      const categories = categoriesOfFocus(config.vocabularies, value);
      if (categories.length > 0) lines.push('', `Category: ${categories.map((c) => c.label).join('; ')}.`);
    }
    return lines.join('\n');
  }
  if (field.allowed?.includes(value))
    return `**${value}**\n\nOne of the ${field.name} values defined in the resource schema: ${field.allowed.map(code).join(', ')}.`;
  return undefined;
}

/** The message of a finding on exactly this span, so a hover over a wrong value says what its diagnostic says. */
function problemAt(analysis: Analysis, span: Span): string | undefined {
  return analysis.findings.find((f) => f.start === span.start && f.end === span.end)?.message;
}
