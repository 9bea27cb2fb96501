import * as assert from 'assert';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES, type SeverityName } from '../../server/src/core/codes';
import { analyzeText, toDiagnostics } from '../../server/src/core/service';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { LSP_SEVERITY, severityName, severityRank } from '../../server/src/core/severity';
import { config, withFields } from './helpers';

describe('severity table', () => {
  const names: SeverityName[] = ['error', 'warning', 'information', 'hint'];

  it('maps every name to its LSP number and back', () => {
    assert.deepStrictEqual(
      names.map((n) => LSP_SEVERITY[n]),
      [DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Hint],
    );
    assert.deepStrictEqual(
      names.map((n) => severityName(LSP_SEVERITY[n])),
      names,
    );
    assert.strictEqual(severityName(undefined), 'error');
  });

  it('ranks the most severe first', () => {
    assert.deepStrictEqual(
      [...names].reverse().sort((a, b) => severityRank(a) - severityRank(b)),
      names,
    );
  });

  it('is what diagnostics carry for the configured severities', () => {
    const cfg = config({ settings: { ...DEFAULT_SETTINGS, severity: { 'invalid-value': 'hint', 'unknown-field': 'information' } } });
    const diagnostics = toDiagnostics(analyzeText(withFields({ readability: 'readability: [E]' }, ['colour: blue']), cfg), cfg);
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.code, severityName(d.severity)]),
      [
        ['invalid-value', 'hint'],
        ['unknown-field', 'information'],
      ],
    );
    assert.ok(Object.values(DIAGNOSTIC_CODES).every((n) => LSP_SEVERITY[n] !== undefined));
  });
});
