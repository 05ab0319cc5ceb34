import { writeFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { writeCiRepository } from './ciFixtures.ts';
import { run } from './main.ts';

let cwd = '';
beforeAll(() => {
  cwd = process.cwd();
  process.chdir(writeCiRepository());
});
afterAll(() => process.chdir(cwd));

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: true,
  isArray: (name) => name === 'testcase' || name === 'testsuite',
});

interface TestCase {
  name: string;
  classname: string;
  failure?: { message: string; type: string; '#text': string };
}

describe('test --format junit', () => {
  test('is well-formed JUnit XML: one suite, one testcase per saved test, failures with what differed', () => {
    const out = run(['test', '--format', 'junit', '-R', 'k8s', '--tests', 'tests.yaml']);
    // A failing test still fails the command.
    expect(out.code).toBe(1);
    expect(XMLValidator.validate(out.stdout)).toBe(true);
    const xml = parser.parse(out.stdout);
    expect(xml.testsuites.tests).toBe('2');
    expect(xml.testsuites.failures).toBe('1');
    const [suite] = xml.testsuites.testsuite;
    expect(xml.testsuites.testsuite).toHaveLength(1);
    expect(suite).toMatchObject({ name: 'tests.yaml', tests: '2', failures: '1', errors: '0' });
    const cases = suite.testcase as TestCase[];
    expect(cases.map((c) => c.name)).toEqual(['api goes to v1', 'home page goes to v1']);
    expect(cases[0]?.failure).toBeUndefined();
    expect(cases[1]?.failure?.message).toBe('expected subset v1, got v9');
    expect(cases[1]?.failure?.['#text']).toMatch(/actual: 503 .*no cluster for shop v9/);
    expect(suite['system-out']).toMatch(/route coverage 100\.0% \(2\/2 rules\)/);
  });

  test('all passing: exit 0, no failure; names with markup come back as written', () => {
    writeFileSync(
      'passing.yaml',
      dedent`
        tests:
          - name: 'api <v1> & "cart"'
            request: {url: http://shop.example.com/api/cart}
            expect: {outcome: route, destinations: [{host: shop, subset: v1}]}
      `,
    );
    const out = run(['test', '--format', 'junit', '-R', 'k8s', '--tests', 'passing.yaml']);
    expect(out.code).toBe(0);
    expect(out.stdout).not.toMatch(/<failure/);
    const [testCase] = parser.parse(out.stdout).testsuites.testsuite[0].testcase as TestCase[];
    expect(testCase?.name).toBe('api <v1> & "cart"');
    expect(testCase?.classname).toBe('passing.yaml');
  });

  test('only test takes it', () => {
    expect(run(['lint', '--format', 'junit', 'k8s']).code).toBe(2);
  });
});
