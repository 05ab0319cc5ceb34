import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from '../workspace/diagnostics.ts';
import { writeCiRepository } from './ciFixtures.ts';
import { escapeData, escapeProperty, githubAnnotations } from './githubAnnotations.ts';
import { run } from './main.ts';

let cwd = '';
beforeAll(() => {
  cwd = process.cwd();
  process.chdir(writeCiRepository());
});
afterAll(() => process.chdir(cwd));

describe('lint --format github', () => {
  test('one workflow command per finding at its file, line and column; exit code unchanged', () => {
    const out = run(['lint', '--format', 'github', '-R', 'k8s']);
    expect(out.code).toBe(1);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines.every((l) => /^::(error|warning|notice) file=[^:]+::./.test(l))).toBe(true);
    const error = lines.find((l) => l.includes('vs-destination-subset-not-found'));
    expect(error).toMatch(
      /^::error file=k8s\/shop\/routes\.yaml,line=19,col=17,.*title=vs-destination-subset-not-found IST0101 KIA1107::VirtualService\/web\/shop: Referenced host\+subset/,
    );
    // An info finding is a notice.
    expect(lines.find((l) => l.includes('destinationrule-subset-no-pods'))).toMatch(/^::notice /);
  });

  test('no finding prints nothing', () => {
    expect(run(['lint', '--format', 'github', 'k8s/gateway.yaml'])).toEqual({
      stdout: '',
      stderr: '',
      code: 0,
    });
  });

  test('only lint takes it', () => {
    expect(run(['simulate', '--format', 'github', 'k8s', '--url', 'http://x/']).code).toBe(2);
  });
});

describe('escaping, as GitHub actions/toolkit does', () => {
  test('message: %, CR and LF; properties also : and ,', () => {
    expect(escapeData('100% a:b,c\r\nd')).toBe('100%25 a:b,c%0D%0Ad');
    expect(escapeProperty('100% a:b,c\r\nd')).toBe('100%25 a%3Ab%2Cc%0D%0Ad');
  });

  test('a file name with a comma or colon cannot end the property list early', () => {
    const finding: Diagnostic = {
      code: 'x',
      severity: 'warning',
      message: 'two\nlines',
      file: 'dir,a:b.yaml',
      line: 3,
      column: 4,
    };
    expect(githubAnnotations([finding])).toBe(
      '::warning file=dir%2Ca%3Ab.yaml,line=3,col=4,title=x::two%0Alines\n',
    );
  });
});
