import { decideStyle, type StyleVotes, type ValueStyle } from './completionStyle';
import type { Configuration } from './configuration';
import type { FieldInfo } from './schema';

/**
 * A new resource's frontmatter as a snippet (LSP/VS Code snippet syntax): every required field, in
 * the schema's order, with a placeholder in the library's style (its quoting, its list style), the
 * title first, closed sets as choices. Shared by "Resources: New Resource" and the completion of an
 * empty resource file.
 */
export interface SkeletonInput {
  /** The title, the first placeholder's text; undefined: a `Title` placeholder. */
  title?: string;
  link?: string;
  /** A type chosen already (the file name may carry it): offered first among the choices. */
  type?: string;
  /** The file's line ending. */
  eol?: string;
}

/** Snippet text that inserts `text` as written: `$`, `}` and `\` are syntax. */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** A choice's text: in a choice `,` and `|` are syntax as well. */
function choiceText(text: string): string {
  return text.replace(/[\\$},|]/g, (c) => `\\${c}`);
}

function quoted(inner: string, style: ValueStyle): string {
  if (style.quote === 'double') return `"${inner}"`;
  if (style.quote === 'single') return `'${inner}'`;
  return inner;
}

/** The values a field may take, with a preferred one first. */
function choices(values: readonly string[], first?: string): string[] {
  return first && values.includes(first) ? [first, ...values.filter((v) => v !== first)] : [...values];
}

export function resourceSkeleton(config: Configuration, library: StyleVotes | undefined, input: SkeletonInput = {}): string {
  const style = decideStyle(library);
  const eol = input.eol ?? '\n';
  let stop = 0;
  const next = () => ++stop;
  const lines: string[] = ['---'];
  const required = config.schema.fields.filter((f) => f.required);
  // The title is the first placeholder wherever the schema puts it: it is what the author knows first.
  const ordered = [...required.filter((f) => f.name === 'title'), ...required.filter((f) => f.name !== 'title')];
  for (const field of ordered) lines.push(fieldLine(field, config, style, input, next, eol));
  lines.push('---', '$0', '');
  return lines.join(eol);
}

function fieldLine(
  field: FieldInfo,
  config: Configuration,
  style: ValueStyle,
  input: SkeletonInput,
  next: () => number,
  eol: string,
): string {
  const name = field.name;
  // Free text is quoted (single quotes when the library uses them): a plain scalar would break on a colon.
  const text = (placeholder: string) => {
    const single = style.quote === 'single';
    const inner = single ? placeholder.replace(/'/g, "''") : JSON.stringify(placeholder).slice(1, -1);
    const q = single ? "'" : '"';
    return `${name}: ${q}\${${next()}:${snippetText(inner)}}${q}`;
  };
  if (name === 'title') return text(input.title?.trim() || 'Title');
  if (name === 'link' || field.shape === 'url') return `${name}: \${${next()}:${snippetText(input.link?.trim() || 'https://')}}`;
  if (field.shape === 'boolean') return `${name}: \${${next()}|false,true|}`;
  const values = config.schema.allowedValues(name);
  if (values && values.length > 0) {
    const choice = `\${${next()}|${choices(values, name === 'type' ? input.type : undefined)
      .map(choiceText)
      .join(',')}|}`;
    if (field.shape !== 'list') return `${name}: ${quoted(choice, style)}`;
    return style.list === 'block' ? `${name}:${eol}  - ${quoted(choice, style)}` : `${name}: [${quoted(choice, style)}]`;
  }
  if (field.shape === 'list') {
    const item = `\${${next()}:${snippetText(name)}}`;
    return style.list === 'block' ? `${name}:${eol}  - "${item}"` : `${name}: ["${item}"]`;
  }
  return text(name);
}
