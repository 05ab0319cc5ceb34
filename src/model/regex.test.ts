import { describe, expect, test } from 'vitest';
import { fullMatch, regexProblem, regexReplaceAll } from './regex.ts';

describe('manifest regexes, one RE2 reading for checks and simulator', () => {
  test('a lookahead (valid in JavaScript, not in RE2) is a problem and matches nothing', () => {
    expect(regexProblem('/api(?=/v1)')).toMatch(/^invalid RE2 regex/);
    expect(fullMatch('/api(?=/v1)', '/api')).toMatchObject({ ok: false });
    expect(regexReplaceAll('(?=x)', 'x', '')).toBeUndefined();
  });

  test('matches the whole value; rewrites every match with \\1 groups', () => {
    expect(regexProblem('/api/v[0-9]+')).toBeUndefined();
    expect(fullMatch('/api/v[0-9]+', '/api/v2')).toEqual({ ok: true });
    expect(fullMatch('/api/v[0-9]+', '/api/v2/x')).toEqual({ ok: false });
    expect(regexReplaceAll('/v([0-9])', '/v1/a/v2', '/version\\1')).toBe('/version1/a/version2');
  });

  test('longer than 1024 characters is refused, as Istio does', () => {
    expect(regexProblem('a'.repeat(1025))).toMatch(/too long \(1025 characters\)/);
  });
});
