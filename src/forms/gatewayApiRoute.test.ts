import { describe, expect, test } from 'vitest';
import { TestEditor } from '../testing/testEditor.ts';
import {
  GATEWAY_API,
  GRANT_NODE,
  GRPC_RULE,
  ROUTE_NODE,
  ruleNode,
  TCP_ROUTE_NODE,
  TCP_RULE,
} from './gatewayApiManifests.ts';
import { addItem, editField, fieldIds, fieldOf, formOf, groupOf, refusal } from './testForms.ts';

const RULE = 'spec.rules[0]';
const MATCH = `${RULE}.matches[0]`;

describe('HTTPRoute form', () => {
  test('a hostname is edited in place and checked as a Gateway API Hostname', () => {
    expect(editField(GATEWAY_API, ROUTE_NODE, 'spec.hostnames[0]', 'www.example.com').diff).toEqual(
      { removed: ['  - shop.example.com'], added: ['  - www.example.com'] },
    );
    expect(refusal(GATEWAY_API, ROUTE_NODE, 'spec.hostnames[0]', 'Shop.Example.com')).toMatch(
      /lower case/,
    );
  });

  test('a parentRef names its listener by section name and port', () => {
    expect(
      editField(GATEWAY_API, ROUTE_NODE, 'spec.parentRefs[0].sectionName', 'https').diff,
    ).toEqual({ removed: ['    sectionName: http'], added: ['    sectionName: https'] });
    expect(editField(GATEWAY_API, ROUTE_NODE, 'spec.parentRefs[0].port', '443').diff).toEqual({
      removed: [],
      added: ['    port: 443'],
    });
    expect(refusal(GATEWAY_API, ROUTE_NODE, 'spec.parentRefs[0].namespace', 'Infra')).toMatch(
      /not a namespace name/,
    );
  });

  test('a TCPRoute has no hostnames to edit', () => {
    const form = formOf(TestEditor.load(GATEWAY_API), TCP_ROUTE_NODE);
    expect(fieldIds(form).some((id) => id.startsWith('spec.hostnames'))).toBe(false);
    expect(fieldOf(form, 'spec.parentRefs[0].name').value).toBe('shop');
  });
});

describe('HTTPRoute rule: matches', () => {
  test('typing a path writes only its value line', () => {
    expect(editField(GATEWAY_API, ruleNode(0), `${MATCH}.path.value`, '/api/v2').diff).toEqual({
      removed: ['        value: /api'],
      added: ['        value: /api/v2'],
    });
  });

  test('a path without its leading slash, or with the CEL rules’ sequences, is refused', () => {
    expect(refusal(GATEWAY_API, ruleNode(0), `${MATCH}.path.value`, 'api')).toBe(
      'A path must start with "/"',
    );
    expect(refusal(GATEWAY_API, ruleNode(0), `${MATCH}.path.value`, '/a//b')).toBe(
      'A path must not contain "//"',
    );
    expect(refusal(GATEWAY_API, ruleNode(0), `${MATCH}.path.value`, '/api/..')).toBe(
      'A path must not end with "/.."',
    );
  });

  test('a regular expression path is checked as RE2, and switching back checks the value', () => {
    const regex = GATEWAY_API.replace('type: PathPrefix', 'type: RegularExpression').replace(
      'value: /api',
      'value: .*/api',
    );
    expect(refusal(regex, ruleNode(0), `${MATCH}.path.value`, '/api(')).toEqual(expect.any(String));
    expect(refusal(regex, ruleNode(0), `${MATCH}.path.type`, 'PathPrefix')).toBe(
      'A path must start with "/"',
    );
    const plainRegex = GATEWAY_API.replace('type: PathPrefix', 'type: RegularExpression');
    expect(editField(plainRegex, ruleNode(0), `${MATCH}.path.type`, 'Exact').diff).toEqual({
      removed: ['        type: RegularExpression'],
      added: ['        type: Exact'],
    });
  });

  test('an unwritten path type shows the default, PathPrefix', () => {
    const untyped = GATEWAY_API.replace('          type: PathPrefix\n', '');
    const form = formOf(TestEditor.load(untyped), ruleNode(0));
    expect(fieldOf(form, `${MATCH}.path.type`).value).toBe('PathPrefix');
  });

  test('method, header and query parameter matches', () => {
    expect(editField(GATEWAY_API, ruleNode(0), `${MATCH}.method`, 'POST').diff).toEqual({
      removed: [],
      added: ['      method: POST'],
    });
    expect(
      editField(GATEWAY_API, ruleNode(0), `${MATCH}.headers[0].type`, 'RegularExpression').diff,
    ).toEqual({ removed: [], added: ['        type: RegularExpression'] });
    expect(refusal(GATEWAY_API, ruleNode(0), `${MATCH}.headers[0].name`, 'x canary')).toMatch(
      /not a valid header name/,
    );
    const added = addItem(GATEWAY_API, ruleNode(0), `group:${MATCH}.queryParams`, {
      [`${MATCH}.queryParams#new-name`]: 'version',
      [`${MATCH}.queryParams#new-value`]: 'v2',
    });
    expect(added.diff.added).toEqual([
      '      queryParams:',
      '      - name: version',
      '        value: v2',
    ]);
  });

  test('a header match of a name already matched is refused', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const group = groupOf(formOf(editor, ruleNode(0)), `group:${MATCH}.headers`);
    expect(
      group.add?.({
        [`${MATCH}.headers#new-name`]: 'X-Canary',
        [`${MATCH}.headers#new-value`]: 'false',
      }),
    ).toEqual({ ok: false, error: 'There is already a header match X-Canary' });
  });

  test('a rule without matches gets its first match as PathPrefix /', () => {
    const added = addItem(GATEWAY_API, ruleNode(1), 'group:spec.rules[1].matches');
    expect(added.diff.added).toEqual([
      '    matches:',
      '    - path:',
      '        type: PathPrefix',
      '        value: /',
    ]);
  });
});

describe('HTTPRoute rule: filters', () => {
  test('a header to set is edited, and its name checked', () => {
    const set = `${RULE}.filters[0].requestHeaderModifier.set[0]`;
    expect(editField(GATEWAY_API, ruleNode(0), `${set}.value`, 'edge').diff).toEqual({
      removed: ['          value: gateway'],
      added: ['          value: edge'],
    });
    expect(refusal(GATEWAY_API, ruleNode(0), `${set}.name`, 'x:from')).toMatch(/header name/);
  });

  test('removing headers writes a list', () => {
    const edited = editField(
      GATEWAY_API,
      ruleNode(0),
      `${RULE}.filters[0].requestHeaderModifier.remove`,
      'x-debug, x-internal',
    );
    expect(edited.diff.added).toEqual([
      '        remove:',
      '        - x-debug',
      '        - x-internal',
    ]);
  });

  test('a second RequestHeaderModifier, or a redirect beside backends, is refused', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const group = groupOf(formOf(editor, ruleNode(0)), `group:${RULE}.filters`);
    const id = `${RULE}.filters#new-type`;
    expect(group.add?.({ [id]: 'RequestHeaderModifier' })).toEqual({
      ok: false,
      error: 'RequestHeaderModifier filter cannot be repeated',
    });
    expect(group.add?.({ [id]: 'RequestRedirect' })).toEqual({
      ok: false,
      error: 'A RequestRedirect filter answers the request: it cannot be used with backendRefs',
    });
  });

  test('a mirror of the first backend is added with its port, its percent checked', () => {
    const added = addItem(GATEWAY_API, ruleNode(0), `group:${RULE}.filters`, {
      [`${RULE}.filters#new-type`]: 'RequestMirror',
    });
    expect(added.diff.added).toEqual([
      '    - type: RequestMirror',
      '      requestMirror:',
      '        backendRef:',
      '          name: api-mirror',
      '          port: 8080',
    ]);
    const mirrored = added.after;
    expect(refusal(mirrored, ruleNode(0), `${RULE}.filters[1].requestMirror.percent`, '150')).toBe(
      'Percent must be a whole number from 0 to 100',
    );
  });

  test('a redirect: https with 301, status as a number, path type moves its value', () => {
    const redirect = GATEWAY_API.replace(
      / {2}- backendRefs:\n {4}- name: web\n {6}port: 80\n/,
      '  - filters:\n    - type: RequestRedirect\n      requestRedirect:\n        scheme: https\n        statusCode: 301\n',
    );
    const status = `spec.rules[1].filters[0].requestRedirect.statusCode`;
    expect(editField(redirect, ruleNode(1), status, '308').diff).toEqual({
      removed: ['        statusCode: 301'],
      added: ['        statusCode: 308'],
    });
    expect(refusal(redirect, ruleNode(1), status, '304')).toBe(
      'A redirect status must be 301, 302, 303, 307 or 308',
    );
    const path = 'spec.rules[1].filters[0].requestRedirect.path';
    const typed = editField(redirect, ruleNode(1), `${path}.type`, 'ReplaceFullPath');
    expect(typed.diff.added).toEqual([
      '        path:',
      '          type: ReplaceFullPath',
      '          replaceFullPath: /',
    ]);
    const moved = editField(typed.after, ruleNode(1), `${path}.type`, 'ReplacePrefixMatch');
    expect(moved.diff).toEqual({
      removed: ['          type: ReplaceFullPath', '          replaceFullPath: /'],
      added: ['          type: ReplacePrefixMatch', '          replacePrefixMatch: /'],
    });
    expect(
      refusal(
        redirect,
        ruleNode(1),
        'spec.rules[1].filters[0].requestRedirect.hostname',
        '*.a.com',
      ),
    ).toMatch(/wildcard/);
  });
});

describe('HTTPRoute rule: backends and timeouts', () => {
  test('weights are edited in place, with each backend’s share', () => {
    const form = formOf(TestEditor.load(GATEWAY_API), ruleNode(0));
    const backends = groupOf(form, `group:${RULE}.backendRefs`);
    expect(backends.items.map((i) => i.note)).toEqual([
      'Receives 90% of requests (weight 90 of 100)',
      'Receives 10% of requests (weight 10 of 100)',
    ]);
    expect(editField(GATEWAY_API, ruleNode(0), `${RULE}.backendRefs[1].weight`, '0').diff).toEqual({
      removed: ['      weight: 10'],
      added: ['      weight: 0'],
    });
    expect(refusal(GATEWAY_API, ruleNode(0), `${RULE}.backendRefs[1].weight`, '1000001')).toBe(
      'Weight must be a whole number from 0 to 1000000',
    );
  });

  test('a Service backend keeps its port; a new one starts on the first one’s port', () => {
    expect(refusal(GATEWAY_API, ruleNode(0), `${RULE}.backendRefs[0].port`, '')).toBe('Required');
    const added = addItem(GATEWAY_API, ruleNode(1), 'group:spec.rules[1].backendRefs', {
      'spec.rules[1].backendRefs#new-name': 'web-v2',
    });
    expect(added.diff.added).toEqual(['    - name: web-v2', '      port: 80']);
  });

  test('an unweighted backend counts as weight 1', () => {
    const form = formOf(TestEditor.load(GATEWAY_API), ruleNode(1));
    expect(groupOf(form, 'group:spec.rules[1].backendRefs').items[0]?.note).toBe(
      'Receives all requests',
    );
  });

  test('timeouts are Gateway API durations, the backend one within the request one', () => {
    expect(editField(GATEWAY_API, ruleNode(0), `${RULE}.timeouts.request`, '1m30s').diff).toEqual({
      removed: ['      request: 10s'],
      added: ['      request: 1m30s'],
    });
    expect(refusal(GATEWAY_API, ruleNode(0), `${RULE}.timeouts.request`, '1.5s')).toMatch(
      /not a Gateway API duration/,
    );
    expect(refusal(GATEWAY_API, ruleNode(0), `${RULE}.timeouts.backendRequest`, '20s')).toBe(
      'The backend request timeout (20s) cannot be longer than the request timeout (10s)',
    );
    expect(
      editField(GATEWAY_API, ruleNode(0), `${RULE}.timeouts.backendRequest`, '500ms').diff.added,
    ).toEqual(['      backendRequest: 500ms']);
  });

  test('a rule name is a section name', () => {
    expect(editField(GATEWAY_API, ruleNode(0), `${RULE}.name`, 'api-v2').diff).toEqual({
      removed: ['  - name: api  # the API first'],
      added: ['  - name: api-v2  # the API first'],
    });
    expect(refusal(GATEWAY_API, ruleNode(0), `${RULE}.name`, 'API')).toMatch(/not a valid name/);
  });
});

describe('GRPCRoute, TCPRoute and ReferenceGrant', () => {
  test('a gRPC method match is checked for an Exact type', () => {
    const method = 'spec.rules[0].matches[0].method';
    expect(editField(GATEWAY_API, GRPC_RULE, `${method}.method`, 'SayHelloAgain').diff).toEqual({
      removed: ['        method: SayHello'],
      added: ['        method: SayHelloAgain'],
    });
    expect(refusal(GATEWAY_API, GRPC_RULE, `${method}.service`, 'hello-world')).toMatch(
      /not a gRPC service/,
    );
  });

  test('a TCPRoute rule edits its backends', () => {
    expect(
      editField(GATEWAY_API, TCP_RULE, 'spec.rules[0].backendRefs[0].port', '9001').diff,
    ).toEqual({ removed: ['      port: 9000'], added: ['      port: 9001'] });
  });

  test('a ReferenceGrant’s from and to', () => {
    expect(editField(GATEWAY_API, GRANT_NODE, 'spec.from[0].namespace', 'edge').diff).toEqual({
      removed: ['    namespace: infra'],
      added: ['    namespace: edge'],
    });
    expect(editField(GATEWAY_API, GRANT_NODE, 'spec.to[0].name', 'api').diff.added).toEqual([
      '    name: api',
    ]);
    expect(refusal(GATEWAY_API, GRANT_NODE, 'spec.to[0].kind', 'my kind')).toMatch(/not a kind/);
  });
});
