/**
 * The `resourceAuthoring/fileStatus` request: what the server makes of one file, for the client's
 * status bar item. The server answers, so the client never decides on its own what a resource is.
 */
export const FILE_STATUS_METHOD = 'resourceAuthoring/fileStatus';

export interface FileStatusParams {
  uri: string;
}

export interface FileStatusResult {
  /** `resource` (matches resourceAuthoring.resourceGlobs), `report` (one of the reports), or neither. */
  role: 'resource' | 'report' | null;
  /** Diagnostics the server publishes for the file now. */
  problems: number;
  /** For a report, how many sections its index has; null otherwise. */
  sections: number | null;
}
