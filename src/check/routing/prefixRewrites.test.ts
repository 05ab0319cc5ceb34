import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { applyFix, run, seen, textOf, workspaceOf } from '../../testing/routingChecks.ts';
import { simulated } from '../../testing/simulated.ts';
import { EXAMPLE } from '../../workspace/example.ts';
import { loadWorkspace } from '../../workspace/workspace.ts';
import { lint } from '../lint.ts';
import { checkPrefixRewrites } from './prefixRewrites.ts';

/** The `match` list is given as YAML lines, without indentation. */
function routed(matchLines: string, rewrite = '/'): string {
  // dedent strips the template's own indentation (8 here) from interpolated lines too.
  const match = matchLines.replaceAll('\n', '\n        ');
  return dedent`
    apiVersion: networking.istio.io/v1
    kind: Gateway
    metadata: { name: gw, namespace: istio-system }
    spec:
      selector: { istio: ingressgateway }
      servers:
      - port: { number: 80, name: http, protocol: HTTP }
        hosts: [myapp.example.com]
    ---
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: { name: myapp, namespace: default }
    spec:
      hosts: [myapp.example.com]
      gateways: [istio-system/gw]
      http:
      - name: myapp
        match:
        ${match}
        rewrite:
          uri: ${rewrite}
        route:
        - destination: { host: myapp }
  `;
}

const backendPath = (text: string, url: string) =>
  simulated(workspaceOf(text), { url }).request.path;

describe('prefix rewrite double slash (vs-rewrite-double-slash)', () => {
  const pitfall = routed('- uri: { prefix: /myapp }');

  test('prefix /myapp rewritten to / is a warning that says what the backend receives', () => {
    const found = run(checkPrefixRewrites, workspaceOf(pitfall));
    expect(found.map(seen)).toEqual([
      {
        code: 'vs-rewrite-double-slash',
        severity: 'warning',
        resource: 'VirtualService/default/myapp',
        path: 'spec.http[0].match[0].uri.prefix',
      },
    ]);
    expect(found[0]?.message).toContain(
      'prefix /myapp rewritten to / sends /myapp/api as //api to the backend',
    );
    // The simulator shows the same, as Envoy's prefix_rewrite does it.
    expect(backendPath(pitfall, 'http://myapp.example.com/myapp/api/items')).toBe('//api/items');
  });

  test('the quick fix splits the match: /myapp → /, /myapp/api/items → /api/items, and the warning goes', () => {
    const workspace = workspaceOf(pitfall);
    const fixed = applyFix(workspace, run(checkPrefixRewrites, workspace)[0]?.fixes?.[0]);
    expect(textOf(fixed)).toContain(
      '    - uri: {prefix: /myapp/}\n    - uri:\n        exact: /myapp\n',
    );
    expect(run(checkPrefixRewrites, fixed)).toEqual([]);
    const text = textOf(fixed);
    expect(backendPath(text, 'http://myapp.example.com/myapp/api/items')).toBe('/api/items');
    expect(backendPath(text, 'http://myapp.example.com/myapp')).toBe('/');
    expect(backendPath(text, 'http://myapp.example.com/myapp?x=1')).toBe('/?x=1');
  });

  test('the fix keeps the match conditions besides the uri on both matches', () => {
    const withHeader = routed('- uri: { prefix: /myapp }\n  headers: { x-beta: { exact: "1" } }');
    const workspace = workspaceOf(withHeader);
    const fixed = applyFix(workspace, run(checkPrefixRewrites, workspace)[0]?.fixes?.[0]);
    const beta = { url: 'http://myapp.example.com/myapp', headers: { 'x-beta': '1' } };
    expect(simulated(fixed, beta).outcome).toBe('route');
    expect(simulated(fixed, { url: 'http://myapp.example.com/myapp' }).outcome).toBe('noRoute');
  });

  test('a rewrite to a longer path ending in / is the same pitfall', () => {
    const found = run(checkPrefixRewrites, workspaceOf(routed('- uri: { prefix: /x }', '/v2/')));
    expect(found[0]?.message).toContain('sends /x/api as /v2//api');
    expect(found[0]?.fixes?.[0]?.title).toBe('Match prefix /x/ and exact /x');
  });

  test('prefix /myapp/ rewritten to /, exact matches, a rewrite not ending in / and a taken /myapp/ are fine', () => {
    for (const text of [
      routed('- uri: { prefix: /myapp/ }'),
      routed('- uri: { exact: /myapp }'),
      routed('- uri: { prefix: /myapp }', '/v2'),
      routed('- uri: { prefix: /myapp/ }\n- uri: { prefix: /myapp }'),
      routed('- uri: { prefix: / }'),
    ])
      expect(run(checkPrefixRewrites, workspaceOf(text))).toEqual([]);
  });

  test('the built-in example does not trigger it, and lints clean', () => {
    const example = loadWorkspace(EXAMPLE);
    expect(run(checkPrefixRewrites, example)).toEqual([]);
    expect(lint(example)).toEqual([]);
  });
});
