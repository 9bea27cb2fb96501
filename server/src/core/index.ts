/**
 * The core's one public entry: hosts (the server, the CLI, tests, a browser worker) import from here.
 * The core is pure: texts and settings in, findings, completions and edits out; files only through a
 * `Workspace` the host implements.
 */
export type {
  Disposable,
  FileChange,
  FileChangeKind,
  Logger,
  OpenDocument,
  ProgressFactory,
  ProgressSink,
  Scheduler,
  Workspace,
  WorkspaceEvent,
} from './host';
export { withoutBom } from './host';
export { MemoryWorkspace, type WorkspaceCounts } from './memoryWorkspace';
export { createProject } from './project/project';
export type { CacheStore, ResultCacheOptions } from './project/resultCache';
export type { FileDiagnostics, FileStatus, FixTotals, LoadOutcome, Project, ProjectOptions } from './project/types';
export type { RenderedCard, CardSectionLocation } from './project/card';
export type { WorkspaceFix } from './project/workspaceFix';
export { CODE_ACTION_KINDS } from './project/documentFeatures';
export {
  REFACTOR_RETIRE,
  RETIRE_TERM_COMMAND,
  SHOW_TERM_REFERENCES_COMMAND,
  type RetireTermArguments,
  type TermEditPlan,
  type TermUsageRow,
} from './project/vocabularyFeatures';
export type { TermChange } from './vocab/termEdits';
export { applyTextEdits } from './edits';
export type { TermEdit } from './project/types';
export { VOCABULARY_NAMES, type VocabularyName } from './vocabulary';
export { DATA_FILE_NAMES, isDataFile } from './project/loadConfiguration';
export { isConfigFile } from './project/configFile';
export { insideFolder, relativeTo, resolvePath, uriOf } from './paths';
export { SOURCE, DIAGNOSTIC_CODES, type DiagnosticCode, type SeverityName } from './codes';
export { severityName } from './severity';
export { ruleUrl, RULE_DESCRIPTIONS, RULES_BASE_URL } from './rules';
export { parseSettingsJson } from './settingsJson';
export type { SettingsProblem } from './settings';
export { buildReportIndex } from './report/indexer';
export { BASELINED_PREFIX, type BaselineDisplay } from './baseline';
