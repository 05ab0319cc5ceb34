import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { run, workspaceOf } from '../../testing/routingChecks.ts';
import { durationMs } from './celRoutes.ts';
import { route } from './testYaml.fixtures.ts';
import { gatewayApiValidation } from './validation.ts';

/** Code and path of what the CRD validation finds in one HTTPRoute with these rules. */
function rules(yaml: string, extra = '', parent?: string) {
  return run(gatewayApiValidation, workspaceOf(route(parent, extra, yaml))).map(
    (f) => `${f.code} ${f.path.join('.')}`,
  );
}

const match = (path: string) =>
  `- matches: [{path: ${path}}]\n  backendRefs: [{name: web, port: 80}]`;

describe('HTTPRoute CEL: path matches (HTTPPathMatch)', () => {
  test('a normal absolute path passes', () => {
    expect(rules(match('{type: PathPrefix, value: /api/v1}'))).toEqual([]);
    expect(rules(match('{type: RegularExpression, value: "api.*"}'))).toEqual([]);
  });

  test('a path that does not start with / (also with the default type PathPrefix)', () => {
    expect(rules(match('{value: api}'))).toEqual([
      'gwapi-cel-path-absolute spec.rules.0.matches.0.path.value',
    ]);
  });

  test('//, /./, /../ and a trailing /. or /.. ', () => {
    for (const value of ['/a//b', '/a/./b', '/a/../b', '/a/..', '/a/.'])
      expect(rules(match(`{type: Exact, value: "${value}"}`)), value).toEqual([
        'gwapi-cel-path-segment spec.rules.0.matches.0.path.value',
      ]);
  });

  test('an encoded slash, a fragment, a character that needs escaping', () => {
    expect(rules(match('{value: "/a%2Fb"}'))).toEqual([
      'gwapi-cel-path-encoded-slash spec.rules.0.matches.0.path.value',
    ]);
    expect(rules(match('{value: "/a#top"}'))).toEqual([
      'gwapi-cel-path-fragment spec.rules.0.matches.0.path.value',
    ]);
    expect(rules(match('{value: "/a b"}'))).toEqual([
      'gwapi-cel-path-characters spec.rules.0.matches.0.path.value',
    ]);
  });

  test('a header or query parameter written twice in one match', () => {
    const twice = dedent`
      - matches:
        - headers: [{name: x-env, value: a}, {name: x-env, value: b}]
          queryParams: [{name: q, value: a}, {name: q, value: b}]
        backendRefs: [{name: web, port: 80}]
    `;
    expect(rules(twice)).toEqual([
      'gwapi-cel-header-duplicate spec.rules.0.matches.0.headers.1.name',
      'gwapi-cel-header-duplicate spec.rules.0.matches.0.queryParams.1.name',
    ]);
  });
});

describe('HTTPRoute CEL: filters', () => {
  test('ReplacePrefixMatch needs exactly one match, a PathPrefix one', () => {
    const rewrite = (matches: string) => dedent`
      - ${matches}
        filters:
        - type: URLRewrite
          urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /v2}}
        backendRefs: [{name: web, port: 80}]
    `;
    expect(rules(rewrite('matches: [{path: {type: PathPrefix, value: /v1}}]'))).toEqual([]);
    // No matches: the CRD's default, one PathPrefix / match.
    expect(rules(rewrite('name: all'))).toEqual([]);
    expect(rules(rewrite('matches: [{path: {type: Exact, value: /v1}}]'))).toEqual([
      'gwapi-cel-prefix-match-required spec.rules.0.filters.0.urlRewrite.path',
    ]);
    expect(rules(rewrite('matches: [{path: {value: /v1}}, {path: {value: /v0}}]'))).toEqual([
      'gwapi-cel-prefix-match-required spec.rules.0.filters.0.urlRewrite.path',
    ]);
  });

  test('the same rule on a backendRef filter', () => {
    const yaml = dedent`
      - matches: [{path: {type: Exact, value: /v1}}]
        backendRefs:
        - name: web
          port: 80
          filters:
          - type: URLRewrite
            urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /v2}}
    `;
    expect(rules(yaml)).toEqual([
      'gwapi-cel-prefix-match-required spec.rules.0.backendRefs.0.filters.0.urlRewrite.path',
    ]);
  });

  test('a filter type at most once, except RequestMirror', () => {
    const yaml = dedent`
      - filters:
        - {type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: a, value: "1"}]}}
        - {type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: b, value: "2"}]}}
        - {type: RequestMirror, requestMirror: {backendRef: {name: m1, port: 80}}}
        - {type: RequestMirror, requestMirror: {backendRef: {name: m2, port: 80}}}
        backendRefs: [{name: web, port: 80}]
    `;
    expect(rules(yaml)).toEqual(['gwapi-cel-filter-repeated spec.rules.0.filters.1.type']);
  });

  test('RequestRedirect and URLRewrite together; RequestRedirect with backendRefs', () => {
    const yaml = dedent`
      - filters:
        - {type: RequestRedirect, requestRedirect: {scheme: https}}
        - {type: URLRewrite, urlRewrite: {hostname: b.example.com}}
        backendRefs: [{name: web, port: 80}]
    `;
    expect(rules(yaml)).toEqual([
      'gwapi-cel-redirect-with-rewrite spec.rules.0.filters.1',
      'gwapi-cel-redirect-with-backends spec.rules.0.filters.0',
    ]);
  });

  test("a filter's settings must be under its type's field, and only there", () => {
    const yaml = dedent`
      - filters:
        - {type: RequestRedirect, urlRewrite: {hostname: b.example.com}}
        backendRefs: [{name: web, port: 80}]
    `;
    expect(rules(yaml)).toEqual([
      'gwapi-cel-filter-field spec.rules.0.filters.0',
      'gwapi-cel-filter-field spec.rules.0.filters.0.urlRewrite',
    ]);
  });

  test('a path modifier names the field its type uses', () => {
    const yaml = dedent`
      - filters:
        - type: URLRewrite
          urlRewrite: {path: {type: ReplaceFullPath, replacePrefixMatch: /x}}
        backendRefs: [{name: web, port: 80}]
    `;
    expect(rules(yaml)).toEqual([
      'gwapi-cel-path-modifier spec.rules.0.filters.0.urlRewrite.path',
      'gwapi-cel-path-modifier spec.rules.0.filters.0.urlRewrite.path.replacePrefixMatch',
    ]);
  });

  test('a mirror sets percent or fraction, and a fraction is at most 1', () => {
    const mirror = (settings: string) => dedent`
      - filters:
        - {type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}, ${settings}}}
        backendRefs: [{name: web, port: 80}]
    `;
    expect(rules(mirror('percent: 10'))).toEqual([]);
    expect(rules(mirror('percent: 10, fraction: {numerator: 1}'))).toEqual([
      'gwapi-cel-mirror-percent-fraction spec.rules.0.filters.0.requestMirror.fraction',
    ]);
    expect(rules(mirror('fraction: {numerator: 3, denominator: 2}'))).toEqual([
      'gwapi-cel-mirror-fraction spec.rules.0.filters.0.requestMirror.fraction.numerator',
    ]);
  });

  test('headers a modifier sets are unique by name', () => {
    const yaml = dedent`
      - filters:
        - type: ResponseHeaderModifier
          responseHeaderModifier: {add: [{name: x, value: "1"}, {name: x, value: "2"}], remove: [y, y]}
        backendRefs: [{name: web, port: 80}]
    `;
    expect(rules(yaml)).toEqual([
      'gwapi-cel-header-duplicate spec.rules.0.filters.0.responseHeaderModifier.add.1.name',
      'gwapi-cel-header-duplicate spec.rules.0.filters.0.responseHeaderModifier.remove.1',
    ]);
  });
});

describe('HTTPRoute CEL: timeouts, backendRefs, parentRefs', () => {
  test('backendRequest may not be longer than request (0s: no limit)', () => {
    const timed = (t: string) => `- timeouts: {${t}}\n  backendRefs: [{name: web, port: 80}]`;
    expect(rules(timed('request: 10s, backendRequest: 2s'))).toEqual([]);
    expect(rules(timed('request: 0s, backendRequest: 20s'))).toEqual([]);
    expect(rules(timed('request: 1s, backendRequest: 1500ms'))).toEqual([
      'gwapi-cel-timeouts spec.rules.0.timeouts.backendRequest',
    ]);
    expect(durationMs('1h2m3s4ms')).toBe(3_723_004);
    expect(durationMs('1.5s')).toBeUndefined();
  });

  test('a Service reference needs a port; other kinds do not', () => {
    expect(rules('- backendRefs: [{name: web}]')).toEqual([
      'gwapi-cel-backend-port spec.rules.0.backendRefs.0',
    ]);
    expect(
      rules('- backendRefs: [{name: web.example.com, kind: Hostname, group: networking.istio.io}]'),
    ).toEqual([]);
  });

  test('two parentRefs to one Gateway must name different sections', () => {
    expect(
      rules(match('{value: /}'), '', '{name: edge, sectionName: a}, {name: edge, sectionName: b}'),
    ).toEqual([]);
    expect(rules(match('{value: /}'), '', '{name: edge}, {name: edge, sectionName: b}')).toEqual([
      'gwapi-cel-parent-duplicate spec.parentRefs.1',
    ]);
    expect(
      rules(match('{value: /}'), '', '{name: edge, sectionName: a}, {name: edge, sectionName: a}'),
    ).toEqual(['gwapi-cel-parent-duplicate spec.parentRefs.1']);
    expect(rules(match('{value: /}'), '', '{name: edge}, {name: edge, namespace: other}')).toEqual(
      [],
    );
  });
});

describe('GRPCRoute CEL', () => {
  const grpc = (rule: string) =>
    run(
      gatewayApiValidation,
      workspaceOf(route(undefined, '', rule).replace('kind: HTTPRoute', 'kind: GRPCRoute')),
    ).map((f) => `${f.code} ${f.path.join('.')}`);

  test('a method match names a service or method, each a valid name', () => {
    expect(grpc('- matches: [{method: {service: helloworld.Greeter, method: SayHello}}]')).toEqual(
      [],
    );
    expect(grpc('- matches: [{method: {type: Exact}}]')).toEqual([
      'gwapi-cel-grpc-method spec.rules.0.matches.0.method',
    ]);
    expect(grpc('- matches: [{method: {service: "hello/world", method: "Say-Hello"}}]')).toEqual([
      'gwapi-cel-grpc-method spec.rules.0.matches.0.method.service',
      'gwapi-cel-grpc-method spec.rules.0.matches.0.method.method',
    ]);
  });
});
