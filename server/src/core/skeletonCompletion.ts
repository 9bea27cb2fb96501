import { CompletionItemKind, InsertTextFormat, type CompletionList } from 'vscode-languageserver-types';
import type { StyleVotes } from './completionStyle';
import type { Configuration } from './configuration';
import { resourceSkeleton } from './skeleton';

/**
 * An empty resource file's completion starts with the whole skeleton "Resources: New Resource"
 * writes, so Ctrl+Space in a new file gives the frontmatter rather than only Markdown's snippets.
 */
export function withSkeleton(list: CompletionList, config: Configuration, library: StyleVotes): CompletionList {
  const snippet = resourceSkeleton(config, library);
  const item = {
    label: 'New resource frontmatter',
    kind: CompletionItemKind.Snippet,
    detail: 'Every required field, with placeholders and choices',
    documentation: {
      kind: 'markdown' as const,
      value: ['```yaml', snippet.replace(/\$\{\d+[:|]([^}|,]*)[^}]*\}|\$0/g, '$1'), '```'].join('\n'),
    },
    insertText: snippet,
    insertTextFormat: InsertTextFormat.Snippet,
    // Before every other item, whichever provider it comes from.
    sortText: ' ',
    preselect: true,
  };
  return { ...list, items: [item, ...list.items] };
}
