/**
 * The language server's own requests, declared once and typed at both ends: the client sends
 * `RenderCardRequest.type`, the server answers `connection.onRequest(RenderCardRequest.type, …)`,
 * so a renamed method or a changed result shape fails the type check on both sides. The method
 * names and result shapes are part of the extension's outside interface: they do not change.
 */
import { RequestType, type WorkspaceEdit } from 'vscode-languageserver-protocol';

/** A position in a document, zero-based, as LSP counts it. */
export interface CardPosition {
  line: number;
  character: number;
}

/** A problem listed in the card's status strip; `data-problem="i"` in the HTML is its index here. */
export interface CardProblemItem {
  code: string;
  message: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  range: { start: CardPosition; end: CardPosition };
}

/** Where a section the card links to (`data-section="4.3"`) is, so a click can open the report there. */
export interface CardSectionLocation {
  uri: string;
  line: number;
}

export interface RenderCardParams {
  /** An open text document's URI, as the client knows it. */
  uri: string;
}

export interface RenderCardResult {
  uri: string;
  /** The document version rendered: the client re-asks when its document is newer. */
  version: number;
  /** The card's HTML (markup only; the client's page adds CSP, styles and script). */
  html: string;
  problems: CardProblemItem[];
  sections: Record<string, CardSectionLocation>;
  /** False when the file does not match `resourceAuthoring.resourceGlobs` (the card is still rendered). */
  isResource: boolean;
}

/**
 * The card preview, sent by the client's preview panel whenever its document changes. The server
 * renders (it holds the one parser, the workspace vocabularies and the report index); the client
 * only hosts the HTML in a webview. Null when the server does not have the document open.
 */
const RENDER_CARD = 'resourceAuthoring/renderCard';
export const RenderCardRequest = {
  method: RENDER_CARD,
  type: new RequestType<RenderCardParams, RenderCardResult | null, void>(RENDER_CARD),
} as const;

export interface FileStatusParams {
  uri: string;
}

/** What a file is to the checks: `resource` (matches resourceAuthoring.resourceGlobs), `report` (one of the reports), or neither. */
export type FileRole = 'resource' | 'report' | null;

export interface FileStatusResult {
  role: FileRole;
  /** Diagnostics the server publishes for the file now. */
  problems: number;
  /** For a report, how many sections its index has; null otherwise. */
  sections: number | null;
  /**
   * For a resource while the duplicate-link check has not seen the whole library (the workspace
   * check is still reading it, as on github.dev, where each file comes over the network): how many
   * resource files it has checked, of how many; total null when only open files are checked
   * (`resourceAuthoring.workspaceDiagnostics` off). Absent once the whole library is checked.
   */
  library?: { checked: number; total: number | null };
}

/**
 * What the server makes of one file, sent by the client for its status bar item and to learn
 * which documents are resources (the card preview follows only those; the menus offer it only
 * there). The server answers, so the client never decides on its own what a resource is.
 */
const FILE_STATUS = 'resourceAuthoring/fileStatus';
export const FileStatusRequest = {
  method: FILE_STATUS,
  type: new RequestType<FileStatusParams, FileStatusResult, void>(FILE_STATUS),
} as const;

export interface FixWorkspaceResult {
  /**
   * Every file's fix-all edits (`documentChanges`, open documents by their version), each edit under
   * the change annotation of the problem code it fixes, marked `needsConfirmation`: the client applies
   * it as a refactoring, so the author reviews it in the preview.
   */
  edit: WorkspaceEdit;
  /** Problems the edit makes disappear. */
  problems: number;
  /** Files it changes (0: nothing to fix). */
  files: number;
}

/**
 * "Fix All Resource Problems in the Workspace": what `resource-lint --fix` would change in the folder
 * the server owns, as one workspace edit for the client to preview and apply. Null when cancelled.
 */
const FIX_WORKSPACE = 'resourceAuthoring/fixWorkspace';
export const FixWorkspaceRequest = {
  method: FIX_WORKSPACE,
  type: new RequestType<Record<string, never>, FixWorkspaceResult | null, void>(FIX_WORKSPACE),
} as const;

/**
 * The folder's files as the client lists them, for a server that cannot reach them itself (the Web
 * Worker of VS Code for the Web): root-relative paths (`/`-separated) of every file under the folder
 * outside dependency and VCS folders, from `workspace.findFiles`, or a walk with
 * `workspace.fs.readDirectory` where the file system offers no search. Sent by the server.
 */
export interface ListFilesParams {
  /** The folder's URI, as the server was given it. */
  folder: string;
}

const LIST_FILES = 'resourceAuthoring/fs/listFiles';
export const ListFilesRequest = {
  method: LIST_FILES,
  type: new RequestType<ListFilesParams, string[], void>(LIST_FILES),
} as const;

export interface ReadFileParams {
  uri: string;
}

/** A file's text (UTF-8, BOM removed), or why it could not be read (`FileNotFound`, `NoPermissions`, a message). */
export type ReadFileResult = { text: string } | { error: string };

/**
 * A file's text through the client's `workspace.fs`, for a server that cannot read files itself (the
 * Web Worker). Sent by the server; the client answers every URI its file systems know.
 */
const READ_FILE = 'resourceAuthoring/fs/readFile';
export const ReadFileRequest = {
  method: READ_FILE,
  type: new RequestType<ReadFileParams, ReadFileResult, void>(READ_FILE),
} as const;

export interface NewResourceParams {
  title: string;
  /** Optional: a placeholder otherwise. */
  link?: string;
  /** The type, when the file name carries it (`needsType` asked for it). */
  type?: string;
}

export type NewResourceResult =
  | {
      kind: 'needsType';
      /** The library names files after their type: the client asks which one, then asks again with it. */
      types: { value: string; label?: string }[];
      /** How the file name is made, in a sentence. */
      rule: string;
    }
  | {
      kind: 'ready';
      /** The new file's URI (not yet created), free in the folder. */
      uri: string;
      /** The frontmatter as a snippet, for the client to insert into the new, empty file. */
      snippet: string;
      rule: string;
    }
  | { kind: 'unavailable'; reason: string };

/**
 * "Resources: New Resource": where the new file goes and what it starts with. The server decides (it
 * knows the collection's folder, the CMS's slug rule, the library's style and the schema); the client
 * only asks for the title and inserts the snippet.
 */
const NEW_RESOURCE = 'resourceAuthoring/newResource';
export const NewResourceRequest = {
  method: NEW_RESOURCE,
  type: new RequestType<NewResourceParams, NewResourceResult, void>(NEW_RESOURCE),
} as const;

/** Which term to retire, and the term its uses become (required where a resource's single value uses it). */
export interface RetireTermParams {
  vocabulary: 'learnTags' | 'focus' | 'type';
  value: string;
  replaceWith?: string;
}

export interface RetireTermResult {
  /** The data files' and every resource's edits, under one change annotation marked `needsConfirmation`; null when it cannot be done. */
  edit: WorkspaceEdit | null;
  /** Why not, in one sentence. */
  error?: string;
  /** Resources changed. */
  resources: number;
}

/**
 * "Retire term" once the client has asked which term replaces it (the code action's command): the
 * edit that removes the term from its data file and every resource, or replaces it there.
 */
const RETIRE_TERM = 'resourceAuthoring/retireTerm';
export const RetireTermRequest = {
  method: RETIRE_TERM,
  type: new RequestType<RetireTermParams, RetireTermResult, void>(RETIRE_TERM),
} as const;
