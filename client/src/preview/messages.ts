/**
 * Messages between the webview and the extension. Anything from the webview is untrusted: it is
 * checked here, field by field, before the extension acts on it. Pure (no `vscode` import).
 */

export type WebviewMessage =
  { type: 'ready' } | { type: 'reveal'; problem: number } | { type: 'openLink'; href: string } | { type: 'openSection'; section: string };

/** What the extension posts to the webview. */
export interface UpdateMessage {
  type: 'update';
  html: string;
  resource: string;
  locked: boolean;
}

const MAX_HREF = 4096;

/** True for an absolute http(s) URL: the only thing the preview opens outside the editor. */
export function isWebLink(href: string): boolean {
  if (href.length > MAX_HREF || !/^https?:\/\//i.test(href)) return false;
  try {
    const url = new URL(href);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The message if it is one the preview understands and its fields are well-formed; undefined otherwise. */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return Number.isSafeInteger(m.problem) && (m.problem as number) >= 0 ? { type: 'reveal', problem: m.problem as number } : undefined;
    case 'openLink':
      return typeof m.href === 'string' && isWebLink(m.href) ? { type: 'openLink', href: m.href } : undefined;
    case 'openSection':
      return typeof m.section === 'string' && /^\d{1,4}(?:\.\d{1,4}){0,6}$/.test(m.section)
        ? { type: 'openSection', section: m.section }
        : undefined;
    default:
      return undefined;
  }
}

/** The state a restored webview hands back (saved by our script, so as untrusted as any message). */
export interface PreviewState {
  resource: string;
  locked: boolean;
}

export function parsePreviewState(raw: unknown): PreviewState | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const s = raw as Record<string, unknown>;
  if (typeof s.resource !== 'string' || s.resource.length > MAX_HREF || !/^(file|untitled):/.test(s.resource)) return undefined;
  return { resource: s.resource, locked: s.locked === true };
}
