import type { FileStatusResult } from '../../protocol/src/requests';

/** What the status bar item shows for a file, and what clicking it does. Pure, so it is unit-tested without VS Code. */
export interface StatusView {
  text: string;
  tooltip: string;
  /** `preview`: open the card preview beside the resource; `output`: show the server's log. */
  action: 'preview' | 'output';
}

/**
 * The schemes of the documents a server may check: the disk, untitled editors, and the file systems
 * VS Code for the Web opens (github.dev's `vscode-vfs`, `vscode-test-web`, a remote window's
 * `vscode-remote` as its web-worker extension host sees it). Not output channels, diffs, git views.
 */
export const DOCUMENT_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-vfs', 'vscode-test-web', 'vscode-remote'];

/**
 * Whether to ask the server about the active editor's document: any file or untitled document,
 * whatever its language (a plain-text report is opened as Plain Text). The server says what it is.
 */
export function asksStatus(document: { uri: { scheme: string } }): boolean {
  return DOCUMENT_SCHEMES.includes(document.uri.scheme);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** What the duplicate-link check has not seen yet, as the tooltip says it; empty once it has seen the whole library. */
function libraryNote(library: FileStatusResult['library']): string {
  if (!library) return '';
  if (library.total === null) return ` Duplicate links are compared among the ${count(library.checked, 'open resource')} only.`;
  return ` Duplicate links checked against ${library.checked} of ${count(library.total, 'resource')} so far.`;
}

/** The view of a file's status as the server answered it; undefined (item hidden) for other files. */
export function statusView(status: FileStatusResult | null | undefined): StatusView | undefined {
  if (!status?.role) return undefined;
  const problems = status.problems === 0 ? 'no problems' : count(status.problems, 'problem');
  if (status.role === 'resource') {
    return {
      text: `${status.problems === 0 ? '$(check)' : '$(warning)'} Resources: ${problems}`,
      tooltip: `Resource file: ${problems}.${libraryNote(status.library)} Click to open the card preview.`,
      action: 'preview',
    };
  }
  const sections = status.sections ?? 0;
  return {
    text: `$(book) report: ${sections} §${status.problems === 0 ? '' : `, ${problems}`}`,
    tooltip: `Report with ${count(sections, 'numbered section')}, ${problems}. Click to show the Resource Authoring log.`,
    action: 'output',
  };
}
