import { reportFor, type ReportSet } from '../core/report/reportSet';
import type { FileStatusResult } from '../../../protocol/src/requests';
import type { WorkspaceState } from './workspace';
import type { WorkspaceDiagnostics } from './workspaceDiagnostics';
import type { WorkspaceFacts } from './workspaceSummary';

/** The answer to `resourceAuthoring/fileStatus`: the file's role as the checks see it, its problems, a report's sections. */
export function fileStatus(
  uri: string, workspace: WorkspaceState, isReport: (uri: string) => boolean, reports: ReportSet, publisher: WorkspaceDiagnostics,
): FileStatusResult {
  const role = workspace.isResource(uri) ? 'resource' : isReport(uri) ? 'report' : null;
  if (!role) return { role, problems: 0, sections: null };
  const sections = role === 'report' ? (reportFor(reports, uri)?.sections.length ?? 0) : null;
  return { role, problems: publisher.problemCount(uri), sections };
}

/** What the summary line reports, from the server's current state. */
export function workspaceFacts(workspace: WorkspaceState, reports: ReportSet, publisher: WorkspaceDiagnostics): WorkspaceFacts {
  return {
    root: workspace.root,
    sources: workspace.sources,
    reports: reports.reports.map((r) => ({ path: workspace.relativePath(r.uri) ?? r.uri, sections: r.sections.length })),
    scan: publisher.lastScan,
  };
}
