import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { applyFix, run, seen, textOf, workspaceOf } from '../../testing/routingChecks.ts';
import { checkUnreachableRules } from './unreachableRules.ts';

function vs(rules: string, section = 'http') {
  return `${dedent`
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: {name: web, namespace: shop}
    spec:
      hosts: [web.example.com]
      ${section}:
  `}${rules}`;
}

const rules = (...lines: string[]) => `${lines.map((l) => `  ${l}`).join('\n')}\n`;

describe('VirtualService validation: unreachable rules and ineffective matches (IST0130, IST0131)', () => {
  test('a second rule without match: "only the last rule can have no matches", at the rule', () => {
    const found = run(
      checkUnreachableRules,
      workspaceOf(
        vs(rules('- route: [{destination: {host: a}}]', '- route: [{destination: {host: b}}]')),
      ),
    );
    expect(found.map(seen)).toEqual([
      {
        code: 'vs-unreachable-rule',
        severity: 'warning',
        resource: 'VirtualService/shop/web',
        path: 'spec.http[1]',
        istio: 'IST0130',
      },
    ]);
    expect(found[0]?.message).toContain('only the last rule can have no matches');
  });

  test('each match of a rule after a catch-all is reported, and the fix moves the rule above it', () => {
    const text = vs(
      rules(
        '- route: [{destination: {host: a}}]',
        '- name: api',
        '  match: [{uri: {prefix: /api}}, {uri: {prefix: /v2}}]',
        '  route: [{destination: {host: b}}]',
      ),
    );
    const workspace = workspaceOf(text);
    const found = run(checkUnreachableRules, workspace);
    expect(found.map((f) => [f.istio, f.path.join('.')])).toEqual([
      ['IST0130', 'spec.http.1.match.0'],
      ['IST0130', 'spec.http.1.match.1'],
    ]);
    const fix = found[0]?.fixes?.[0];
    expect(fix?.title).toBe('Move rule "api" above the catch-all rule #0');
    const fixed = applyFix(workspace, fix);
    expect(textOf(fixed).indexOf('name: api')).toBeLessThan(textOf(fixed).indexOf('host: a'));
    expect(run(checkUnreachableRules, fixed)).toEqual([]);
  });

  test('a match equal to an earlier one (its name aside) is ineffective; a rule of only such is unused', () => {
    const found = run(
      checkUnreachableRules,
      workspaceOf(
        vs(
          rules(
            '- match: [{name: first, uri: {prefix: /api}}]',
            '  route: [{destination: {host: a}}]',
            '- match: [{uri: {prefix: /api}}]',
            '  route: [{destination: {host: b}}]',
          ),
        ),
      ),
    );
    expect(found.map((f) => [f.istio, f.severity, f.path.join('.')])).toEqual([
      ['IST0131', 'info', 'spec.http.1.match.0'],
      ['IST0130', 'warning', 'spec.http.1'],
    ]);
  });

  test('a rule with one duplicate match and one new match only has the ineffective match', () => {
    const found = run(
      checkUnreachableRules,
      workspaceOf(
        vs(
          rules(
            '- match: [{uri: {prefix: /api}}]',
            '  route: [{destination: {host: a}}]',
            '- match: [{uri: {prefix: /api}}, {uri: {prefix: /potato}}]',
            '  route: [{destination: {host: b}}]',
          ),
        ),
      ),
    );
    expect(found.map((f) => [f.istio, f.path.join('.')])).toEqual([
      ['IST0131', 'spec.http.1.match.0'],
    ]);
  });

  test('defaults compare as unset: ignoreUriCase false and port 0 equal nothing written', () => {
    const found = run(
      checkUnreachableRules,
      workspaceOf(
        vs(
          rules(
            '- match: [{uri: {exact: /a}, ignoreUriCase: false, headers: {}}]',
            '  route: [{destination: {host: a}}]',
            '- match: [{uri: {exact: /a}}, {uri: {exact: /b}}]',
            '  route: [{destination: {host: b}}]',
          ),
        ),
      ),
    );
    expect(found.map((f) => f.istio)).toEqual(['IST0131']);
  });

  test('an earlier shorter prefix covers a longer one with the same method (none means GET)', () => {
    const found = run(
      checkUnreachableRules,
      workspaceOf(
        vs(
          rules(
            '- match: [{uri: {prefix: /api/v1/product}}]',
            '  route: [{destination: {host: a}}]',
            '- match: [{uri: {prefix: /api/v1/products}, method: {exact: GET}}]',
            '  route: [{destination: {host: b}}]',
          ),
        ),
      ),
    );
    expect(found.map((f) => [f.istio, f.severity, f.path.join('.')])).toEqual([
      ['IST0131', 'info', 'spec.http.1.match.0'],
    ]);
  });

  test('no overlap when the later prefix is first, the methods differ, or a header is added', () => {
    const none = (a: string, b: string) =>
      run(
        checkUnreachableRules,
        workspaceOf(
          vs(
            rules(
              `- match: [${a}]`,
              '  route: [{destination: {host: a}}]',
              `- match: [${b}]`,
              '  route: [{destination: {host: b}}]',
            ),
          ),
        ),
      );
    expect(none('{uri: {prefix: /api/v1}}', '{uri: {prefix: /api}}')).toEqual([]);
    expect(
      none(
        '{uri: {prefix: /api}, method: {exact: GET}}',
        '{uri: {prefix: /api/v1}, method: {exact: POST}}',
      ),
    ).toEqual([]);
    expect(
      none('{uri: {prefix: /api}}', '{uri: {prefix: /api/v1}, headers: {x-v: {exact: "1"}}}'),
    ).toEqual([]);
    expect(none('{uri: {exact: /api}}', '{uri: {exact: /api/v1}}')).toEqual([]);
  });

  test('tcp and tls rules: duplicate matches and a second rule without match', () => {
    const tcp = run(
      checkUnreachableRules,
      workspaceOf(
        vs(
          rules(
            '- match: [{port: 31400}]',
            '  route: [{destination: {host: a}}]',
            '- match: [{port: 31400}]',
            '  route: [{destination: {host: b}}]',
          ),
          'tcp',
        ),
      ),
    );
    expect(tcp.map((f) => [f.istio, f.path.join('.')])).toEqual([
      ['IST0131', 'spec.tcp.1.match.0'],
      ['IST0130', 'spec.tcp.1'],
    ]);
    const tls = run(
      checkUnreachableRules,
      workspaceOf(
        vs(
          rules(
            '- match: [{port: 443, sniHosts: [a.example.com]}]',
            '  route: [{destination: {host: a}}]',
            '- match: [{port: 443, sniHosts: [b.example.com]}]',
            '  route: [{destination: {host: b}}]',
          ),
          'tls',
        ),
      ),
    );
    expect(tls).toEqual([]);
  });

  test('distinct rules, and a null rule, give nothing', () => {
    const found = run(
      checkUnreachableRules,
      workspaceOf(
        vs(
          rules(
            '- match: [{uri: {prefix: /a}}]',
            '  route: [{destination: {host: a}}]',
            '- null',
            '- route: [{destination: {host: b}}]',
          ),
        ),
      ),
    );
    expect(found).toEqual([]);
  });
});
