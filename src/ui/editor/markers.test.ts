import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../workspace/diagnostics.ts';
import { markersFor } from './markers.ts';

const syntax: Diagnostic = {
  code: 'yaml-syntax',
  severity: 'error',
  message: 'Implicit map keys need to be followed by map values',
  file: 'a.yaml',
  line: 3,
  column: 5,
  endLine: 3,
  endColumn: 12,
};

describe('markersFor', () => {
  it('keeps the exact range and severity of the file’s diagnostics only', () => {
    const other: Diagnostic = { ...syntax, file: 'b.yaml' };
    expect(markersFor([syntax, other], 'a.yaml')).toEqual([
      {
        severity: 'error',
        message: syntax.message,
        code: 'yaml-syntax',
        source: 'Istio Designer',
        startLineNumber: 3,
        startColumn: 5,
        endLineNumber: 3,
        endColumn: 12,
      },
    ]);
  });

  it('marks the start only when a diagnostic has no end', () => {
    const { endLine: _l, endColumn: _c, ...point } = syntax;
    const [marker] = markersFor([point], 'a.yaml');
    expect(marker).toMatchObject({ startLineNumber: 3, startColumn: 5, endLineNumber: 3 });
    expect(marker?.endColumn).toBe(5);
  });

  it('shows the istioctl code where there is one', () => {
    const [marker] = markersFor([{ ...syntax, code: 'x', istio: 'IST0101' }], 'a.yaml');
    expect(marker?.code).toBe('IST0101');
  });
});
