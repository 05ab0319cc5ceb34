import { describe, expect, test } from 'vitest';
import { TestEditor } from '../testing/testEditor.ts';
import { addItem, editField, errors, fieldOf, formOf, refusal } from './testForms.ts';
import { RULE_API, RULE_SITE, SHOP } from './testManifests.ts';

const RULE = 'spec.http[0]';
const SITE = 'spec.http[1]';

/** The lines a field adds to the `site` rule (which has only a name and a route). */
function added(fieldId: string, input: unknown): readonly string[] {
  const { diff } = editField(SHOP, RULE_SITE, fieldId, input);
  expect(diff.removed).toEqual([]);
  return diff.added;
}

describe('HTTP rule policies', () => {
  test('the rule name is edited in place', () => {
    expect(editField(SHOP, RULE_API, `${RULE}.name`, 'shop-api').diff).toEqual({
      removed: ['  - name: api  # the API first'],
      added: ['  - name: shop-api  # the API first'],
    });
  });

  test('timeout: a duration, checked as Istio checks it', () => {
    expect(editField(SHOP, RULE_API, `${RULE}.timeout`, '10s').diff).toEqual({
      removed: ['    timeout: 5s'],
      added: ['    timeout: 10s'],
    });
    expect(refusal(SHOP, RULE_API, `${RULE}.timeout`, '10x')).toMatch(/./);
    expect(refusal(SHOP, RULE_API, `${RULE}.timeout`, '1.5ms')).toMatch(/./);
  });

  test('retries: attempts, per-try timeout and retryOn as one comma-separated string', () => {
    expect(added(`${SITE}.retries.attempts`, '3')).toEqual(['    retries:', '      attempts: 3']);
    expect(added(`${SITE}.retries.perTryTimeout`, '2s')).toEqual([
      '    retries:',
      '      perTryTimeout: 2s',
    ]);
    expect(added(`${SITE}.retries.retryOn`, ['5xx', 'reset', 'connect-failure'])).toEqual([
      '    retries:',
      '      retryOn: 5xx,reset,connect-failure',
    ]);
    const field = fieldOf(formOf(TestEditor.load(SHOP), RULE_SITE), `${SITE}.retries.retryOn`);
    expect(field.options?.map((o) => o.value)).toContain('retriable-status-codes');
    expect(refusal(SHOP, RULE_SITE, `${SITE}.retries.retryOn`, ['5xx', 'sometimes'])).toMatch(
      /"sometimes" is not a retry condition/,
    );
  });

  test('retryOn keeps a status code written by hand among the choices', () => {
    const yaml = SHOP.replace('    timeout: 5s\n', '    retries:\n      retryOn: 503,reset\n');
    const field = fieldOf(formOf(TestEditor.load(yaml), RULE_API), `${RULE}.retries.retryOn`);
    expect(field.value).toEqual(['503', 'reset']);
    expect(field.options?.map((o) => o.value)).toContain('503');
    expect(editField(yaml, RULE_API, `${RULE}.retries.retryOn`, ['503']).diff).toEqual({
      removed: ['      retryOn: 503,reset'],
      added: ['      retryOn: "503"'],
    });
  });

  test('rewrite: uri, regex rewrite and authority', () => {
    expect(added(`${SITE}.rewrite.uri`, '/')).toEqual(['    rewrite:', '      uri: /']);
    expect(added(`${SITE}.rewrite.uriRegexRewrite.match`, '^/old/(.*)')).toEqual([
      '    rewrite:',
      '      uriRegexRewrite:',
      '        match: ^/old/(.*)',
    ]);
    expect(refusal(SHOP, RULE_SITE, `${SITE}.rewrite.uriRegexRewrite.match`, '(')).toMatch(/./);
    expect(added(`${SITE}.rewrite.authority`, 'web.internal')).toEqual([
      '    rewrite:',
      '      authority: web.internal',
    ]);
  });

  test('redirect: uri, authority, port, scheme and code', () => {
    expect(added(`${SITE}.redirect.uri`, '/new')).toEqual(['    redirect:', '      uri: /new']);
    expect(added(`${SITE}.redirect.scheme`, 'https')).toEqual([
      '    redirect:',
      '      scheme: https',
    ]);
    expect(added(`${SITE}.redirect.redirectCode`, '308')).toEqual([
      '    redirect:',
      '      redirectCode: 308',
    ]);
    expect(refusal(SHOP, RULE_SITE, `${SITE}.redirect.redirectCode`, '200')).toBe(
      'Redirect code must be from 300 to 399',
    );
    expect(added(`${SITE}.redirect.derivePort`, 'FROM_REQUEST_PORT')).toEqual([
      '    redirect:',
      '      derivePort: FROM_REQUEST_PORT',
    ]);
  });

  test('direct response: status and body', () => {
    expect(added(`${SITE}.directResponse.status`, '503')).toEqual([
      '    directResponse:',
      '      status: 503',
    ]);
    expect(refusal(SHOP, RULE_SITE, `${SITE}.directResponse.status`, '99')).toMatch(/200/);
    expect(added(`${SITE}.directResponse.body.string`, 'down for maintenance')).toEqual([
      '    directResponse:',
      '      body:',
      '        string: down for maintenance',
    ]);
  });

  test('delegate: name and namespace', () => {
    expect(added(`${SITE}.delegate.name`, 'shop-api')).toEqual([
      '    delegate:',
      '      name: shop-api',
    ]);
    expect(refusal(SHOP, RULE_SITE, `${SITE}.delegate.namespace`, 'team.a')).toMatch(/no dots/);
  });

  test('fault: delay and abort with their percentages', () => {
    expect(added(`${SITE}.fault.delay.fixedDelay`, '5s')).toEqual([
      '    fault:',
      '      delay:',
      '        fixedDelay: 5s',
    ]);
    expect(added(`${SITE}.fault.delay.percentage.value`, '12.5')).toEqual([
      '    fault:',
      '      delay:',
      '        percentage:',
      '          value: 12.5',
    ]);
    expect(refusal(SHOP, RULE_SITE, `${SITE}.fault.abort.percentage.value`, '120')).toBe(
      'Percentage must be from 0 to 100',
    );
    expect(added(`${SITE}.fault.abort.httpStatus`, '503')).toEqual([
      '    fault:',
      '      abort:',
      '        httpStatus: 503',
    ]);
  });

  test('mirror: host, subset from its DestinationRule, port and percentage', () => {
    const { editor, diff } = editField(SHOP, RULE_SITE, `${SITE}.mirror.host`, 'web');
    expect(diff.added).toEqual(['    mirror:', '      host: web']);
    const subset = fieldOf(formOf(editor, RULE_SITE), `${SITE}.mirror.subset`);
    expect(subset.options?.map((o) => o.value)).toEqual(['v1', 'v2']);
    expect(added(`${SITE}.mirrorPercentage.value`, '10')).toEqual([
      '    mirrorPercentage:',
      '      value: 10',
    ]);
  });

  test('CORS: origins, methods, headers, max age and credentials', () => {
    expect(
      addItem(SHOP, RULE_SITE, `group:${SITE}.corsPolicy.allowOrigins`, {
        [`${SITE}.corsPolicy#new-origin`]: 'https://shop.example.com',
      }).diff.added,
    ).toEqual([
      '    corsPolicy:',
      '      allowOrigins:',
      '      - exact: https://shop.example.com',
    ]);
    expect(added(`${SITE}.corsPolicy.allowMethods`, ['GET', 'POST'])).toEqual([
      '    corsPolicy:',
      '      allowMethods:',
      '      - GET',
      '      - POST',
    ]);
    expect(added(`${SITE}.corsPolicy.allowHeaders`, 'content-type, authorization')).toEqual([
      '    corsPolicy:',
      '      allowHeaders:',
      '      - content-type',
      '      - authorization',
    ]);
    expect(added(`${SITE}.corsPolicy.maxAge`, '24h')).toEqual([
      '    corsPolicy:',
      '      maxAge: 24h',
    ]);
    expect(added(`${SITE}.corsPolicy.allowCredentials`, true)).toEqual([
      '    corsPolicy:',
      '      allowCredentials: true',
    ]);
  });

  test('header operations: set, add and remove on requests and responses', () => {
    const set = addItem(SHOP, RULE_SITE, `group:${SITE}.headers.request.set`, {
      [`${SITE}.headers.request.set#new-name`]: 'x-forwarded-env',
      [`${SITE}.headers.request.set#new-value`]: 'prod',
    });
    expect(set.diff.added).toEqual([
      '    headers:',
      '      request:',
      '        set:',
      '          x-forwarded-env: prod',
    ]);
    expect(errors(set.editor.workspace)).toEqual(errors(TestEditor.load(SHOP).workspace));
    expect(
      added(`${SITE}.headers.response.remove`, 'server, x-envoy-upstream-service-time'),
    ).toEqual([
      '    headers:',
      '      response:',
      '        remove:',
      '        - server',
      '        - x-envoy-upstream-service-time',
    ]);
    expect(refusal(SHOP, RULE_SITE, `${SITE}.headers.response.remove`, 'host')).toMatch(/Host/);
    const bad = TestEditor.load(SHOP);
    const group = formOf(bad, RULE_SITE);
    expect(fieldOf(group, `${SITE}.headers.request.add#new-value`).validate?.('100%')).toMatch(
      /unescaped %/,
    );
  });
});
