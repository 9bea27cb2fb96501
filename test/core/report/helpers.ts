import { buildReportIndex, type ReportIndex } from '../../../server/src/core/report/indexer';
import type { ReportSet } from '../../../server/src/core/report/reportSet';

/** A small Markdown report written for these tests: chapters, sections, labels used by its own references. */
export const MD_REPORT = [
  '# 4 Technology',
  '## 4.3 Adaptation',
  'Adapting models, see §4.3: adaptation and §4.8: robustness.',
  '### 4.3.1 Methods for adaptation',
  'Fine-tuning and prompting.',
  '## 4.7 Security and privacy',
  'Threats. §4.7: security',
  '## 4.8 Robustness to distribution shifts',
  'Shifts. §4.8: robustness',
  '',
].join('\n');

export const REPORT_URI = 'file:///w/reports/report.md';

export function reportSet(text = MD_REPORT, uri = REPORT_URI): { set: ReportSet; report: ReportIndex } {
  const report = buildReportIndex(text, uri);
  return { set: { generation: 1, reports: [report] }, report };
}
