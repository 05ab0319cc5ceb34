import type { SavedTestRun } from '../simulate/runSavedTests.ts';
import { outcomeSummary } from '../simulate/summary.ts';

/**
 * `test --format junit`: the saved tests as a JUnit XML report, the form CI systems show test
 * results in (GitLab's `artifacts:reports:junit`, GitHub test-report actions, Jenkins). One
 * testsuite named for the tests file; one testcase per saved test, named as the test is; a
 * failing one carries `<failure>` with what differed (message) and the request's actual answer
 * (body). Route coverage goes to the suite's `<system-out>`, as a test runner's output would.
 */
export function junitReport(run: SavedTestRun, testsFile: string, coverageText: string): string {
  const failures = run.results.filter((r) => !r.pass).length;
  const cases = run.results.map((r) => {
    const open = `    <testcase name="${attribute(r.test.name)}" classname="${attribute(testsFile)}"`;
    if (r.pass) return `${open}/>`;
    const message = r.mismatches.join('; ');
    const body = [
      ...r.mismatches,
      r.simulation
        ? `actual: ${outcomeSummary(r.simulation)}`
        : 'actual: the request was not simulated',
    ].join('\n');
    return `${open}>\n      <failure message="${attribute(message)}" type="mismatch">${text(body)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="istio-designer test" tests="${run.results.length}" failures="${failures}" errors="0">`,
    `  <testsuite name="${attribute(testsFile)}" tests="${run.results.length}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    ...(coverageText ? [`    <system-out>${text(coverageText)}</system-out>`] : []),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** Character data: markup escaped, and the characters XML 1.0 cannot hold at all dropped. */
function text(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** An attribute value in double quotes; line breaks kept as references (a parser would fold them). */
function attribute(value: string): string {
  return text(value)
    .replaceAll('"', '&quot;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;')
    .replaceAll('\t', '&#9;');
}
