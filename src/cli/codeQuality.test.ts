import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from '../workspace/diagnostics.ts';
import { writeCiRepository } from './ciFixtures.ts';
import { codeQualityReport } from './codeQuality.ts';
import { run } from './main.ts';

let cwd = '';
beforeAll(() => {
  cwd = process.cwd();
  process.chdir(writeCiRepository());
});
afterAll(() => process.chdir(cwd));

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

describe('lint --format codequality (GitLab Code Quality)', () => {
  test('one issue per finding with the fields GitLab requires; exit code unchanged', () => {
    const out = run(['lint', '--format', 'codequality', '-R', 'k8s']);
    expect(out.code).toBe(1);
    const issues = JSON.parse(out.stdout) as Issue[];
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(
        ['check_name', 'description', 'fingerprint', 'location', 'severity'].sort(),
      );
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
    }
    const error = issues.find((i) => i.check_name.startsWith('vs-destination-subset-not-found'));
    expect(error).toMatchObject({
      check_name: 'vs-destination-subset-not-found IST0101 KIA1107',
      severity: 'major',
      location: { path: 'k8s/shop/routes.yaml', lines: { begin: 19 } },
    });
    expect(error?.description).toMatch(/^VirtualService\/web\/shop: Referenced host\+subset/);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });

  test('a finding keeps its fingerprint when lines move; equal findings get distinct ones', () => {
    const finding: Diagnostic = {
      code: 'x',
      severity: 'warning',
      message: 'm',
      file: 'a.yaml',
      line: 3,
      column: 1,
    };
    const [before] = codeQualityReport([finding]) as Issue[];
    const [after] = codeQualityReport([{ ...finding, line: 9 }]) as Issue[];
    expect(after?.fingerprint).toBe(before?.fingerprint);
    const twice = codeQualityReport([finding, { ...finding, line: 5 }]) as Issue[];
    expect(twice[0]?.fingerprint).not.toBe(twice[1]?.fingerprint);
    expect(twice.map((i) => i.severity)).toEqual(['minor', 'minor']);
  });

  test('only lint takes it', () => {
    expect(run(['graph', '--format', 'codequality', 'k8s']).code).toBe(2);
  });
});
