import { severityOf, type Configuration } from '../configuration';
import type { Analysis } from '../service';
import type { SeverityName } from '../settings';
import { severityRank } from '../severity';

/** A problem as the card shows it: in the status strip, and as a mark on the value it concerns. */
export interface CardProblem {
  code: string;
  message: string;
  severity: SeverityName;
  /** Data path of the value concerned (`['learnTags', 2]`), when the problem is about one value. */
  path?: (string | number)[];
  /** 0-based line and UTF-16 character where the problem starts, for "line 5" and to reveal it. */
  line: number;
  character: number;
  /** Where it ends, so a click can select exactly the offending text. */
  endLine: number;
  endCharacter: number;
}

/**
 * The analysis's findings with the configured severities (`off` drops a code), most severe first,
 * then in document order: the order the strip lists them in.
 */
export function cardProblems(analysis: Analysis, config: Configuration): CardProblem[] {
  const problems: CardProblem[] = [];
  for (const f of analysis.findings) {
    const severity = severityOf(f.code, config, analysis.uri);
    if (severity === 'off') continue;
    const start = analysis.lines.position(f.start);
    const end = analysis.lines.position(f.end);
    const p: CardProblem = {
      code: f.code,
      message: f.message,
      severity,
      line: start.line,
      character: start.character,
      endLine: end.line,
      endCharacter: end.character,
    };
    if (f.data?.path) p.path = f.data.path;
    problems.push(p);
  }
  return problems.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.line - b.line || a.character - b.character);
}
