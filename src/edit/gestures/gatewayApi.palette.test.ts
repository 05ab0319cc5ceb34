import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { accepted, applyChecked, graphOf, refused, TestEditor } from '../../testing/gestures.ts';
import { API_IDS, GATEWAY_API } from './gatewayApiFixtures.ts';
import { addFromPalette, type PaletteContext, type PaletteItem } from './palette.ts';

function add(editor: TestEditor, item: PaletteItem, context: PaletteContext = {}) {
  return addFromPalette(editor.workspace, graphOf(editor), item, context);
}

/** The text a gesture appended to the end of the first file. */
function appended(editor: TestEditor, before: string): string {
  const after = editor.yaml();
  expect(after.startsWith(before)).toBe(true);
  return after.slice(before.length);
}

describe('a Gateway API Gateway from the palette', () => {
  test('into an empty workspace: class istio, an HTTP listener on 80, in namespace default', () => {
    const editor = new TestEditor({ files: [] });
    const gesture = accepted(add(editor, 'k8sGateway'));
    expect(gesture.summary).toBe(
      'Added Gateway default/gateway (Gateway API, class istio): an HTTP listener on port 80; Istio deploys it as Deployment and Service gateway-istio',
    );
    editor.apply(gesture.command);
    expect(editor.yaml('workspace.yaml')).toBe(dedent`
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata:
        name: gateway
        namespace: default
      spec:
        gatewayClassName: istio
        listeners:
          - name: http
            port: 80
            protocol: HTTP
    `);
    expect(editor.undo().workspace.files).toEqual([]);
  });

  test('next to a Gateway API Gateway: its namespace, a name of its own', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const before = editor.yaml();
    const gesture = accepted(add(editor, 'k8sGateway', { selected: API_IDS.gateway }));
    applyChecked(editor, gesture);
    expect(appended(editor, before)).toContain('  name: gateway\n  namespace: infra\n');
  });
});

describe('a listener from the palette', () => {
  test('HTTPS on 443 when no listener uses it, with the certificate Secret named in a note', () => {
    const editor = TestEditor.load(
      GATEWAY_API.replace(/ {2}- name: https\n[\s\S]*?namespaces: \{from: All\}\n/, ''),
    );
    const gesture = accepted(add(editor, 'listener', { selected: API_IDS.http }));
    expect(gesture.summary).toBe('Added listener https to Gateway gw: HTTPS on port 443');
    expect(gesture.notes).toEqual([
      "TLS is terminated with the certificate in Secret gw-tls (keys tls.crt and tls.key), which must exist in namespace infra, the Gateway's",
    ]);
    expect(applyChecked(editor, gesture)).toEqual({
      removed: [],
      added: [
        '  - name: https',
        '    port: 443',
        '    protocol: HTTPS',
        '    tls:',
        '      mode: Terminate',
        '      certificateRefs:',
        '      - name: gw-tls',
      ],
    });
  });

  test('else HTTP on the next free port from 8080, for the hostname the listeners use', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const gesture = accepted(add(editor, 'listener', { selected: API_IDS.gateway }));
    expect(gesture.summary).toBe('Added listener http-8080 to Gateway gw: HTTP on port 8080');
    expect(applyChecked(editor, gesture).added).toEqual([
      '  - name: http-8080',
      '    hostname: "*.example.com"',
      '    port: 8080',
      '    protocol: HTTP',
    ]);
  });

  test('refuses without a Gateway API Gateway selected', () => {
    const editor = TestEditor.load(GATEWAY_API);
    expect(refused(add(editor, 'listener', { selected: API_IDS.shop }))).toBe(
      'Select a Gateway API Gateway (or one of its listeners) to add a listener to',
    );
  });
});

describe('an HTTPRoute from the palette', () => {
  test('on the selected listener: sectionName, the listener namespace, a Service of it', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const before = editor.yaml();
    const gesture = accepted(add(editor, 'httpRoute', { selected: API_IDS.https }));
    expect(gesture.summary).toBe(
      'Added HTTPRoute infra/app for app.example.com, attached to listener https of Gateway infra/gw',
    );
    applyChecked(editor, gesture);
    const added = appended(editor, before);
    expect(added).toContain(dedent`
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: app
        namespace: infra
      spec:
        parentRefs:
        - name: gw
          sectionName: https
        hostnames:
        - app.example.com
        rules:
        - matches:
          - path:
              type: PathPrefix
              value: /
          backendRefs:
          - name: web
            namespace: web
            port: 80
    `);
    // The Service is in another namespace: the grant goes with the route, in one step.
    expect(added).toContain('kind: ReferenceGrant');
    expect(gesture.notes).toEqual([
      expect.stringMatching(/^Added ReferenceGrant web\/infra-to-web/),
    ]);
  });

  test('with the only Gateway attached when nothing is selected, and a note when it refuses the namespace', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const gesture = accepted(
      add(editor, 'httpRoute', { namespace: 'web', hosts: ['www.example.com'] }),
    );
    expect(gesture.summary).toBe(
      'Added HTTPRoute web/www for www.example.com, attached to Gateway infra/gw',
    );
    expect(gesture.notes).toBeUndefined();
    const refusing = TestEditor.load(
      GATEWAY_API.replaceAll('namespaces: {from: All}', 'namespaces: {from: Same}'),
    );
    const denied = accepted(add(refusing, 'httpRoute', { namespace: 'web' }));
    expect(denied.notes).toEqual([
      expect.stringContaining('infra/gw does not accept it yet (NotAllowedByListeners'),
    ]);
  });
});

describe('a rule from the palette on an HTTPRoute', () => {
  test('a path of its own when a rule already takes every path, to the route first backend', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const gesture = accepted(add(editor, 'rule', { selected: API_IDS.shopAll }));
    expect(gesture.summary).toBe('Added rule rule-2 to HTTPRoute shop: paths under /rule-2 to web');
    expect(applyChecked(editor, gesture)).toEqual({
      removed: [],
      added: [
        '  - name: rule-2',
        '    matches:',
        '    - path:',
        '        type: PathPrefix',
        '        value: /rule-2',
        '    backendRefs:',
        '    - name: web',
        '      port: 80',
      ],
    });
  });

  test('every path when no rule takes them all (a rule without matches takes them all)', () => {
    const editor = TestEditor.load(
      GATEWAY_API.replace(/ {2}- filters:\n {4}- type: RequestRedirect\n.*\n/, ''),
    );
    const gesture = accepted(add(editor, 'rule', { selected: API_IDS.api }));
    expect(gesture.summary).toBe('Added rule rule-2 to HTTPRoute api: paths under / to api');
  });

  test('a VirtualService selection still gets a VirtualService rule', () => {
    const editor = TestEditor.load(GATEWAY_API);
    expect(refused(add(editor, 'rule', { selected: API_IDS.gateway }))).toBe(
      'Select a VirtualService (or one of its rules) to add a rule to',
    );
  });
});

describe('a ReferenceGrant from the palette', () => {
  const crossing = GATEWAY_API.replace(
    '    - name: web\n      port: 80 # the',
    '    - name: ratings\n      namespace: shared\n      port: 9080 # the',
  );

  test('for the selected Service: lets the routes refused it send to it', () => {
    const editor = TestEditor.load(crossing);
    const before = editor.yaml();
    const gesture = accepted(add(editor, 'referenceGrant', { selected: API_IDS.ratings }));
    expect(gesture.summary).toBe(
      'Added ReferenceGrant shared/web-to-ratings: HTTPRoutes of web may send to Service ratings',
    );
    applyChecked(editor, gesture);
    expect(appended(editor, before)).toBe(dedent`
      ---
      apiVersion: gateway.networking.k8s.io/v1beta1
      kind: ReferenceGrant
      metadata:
        name: web-to-ratings
        namespace: shared
      spec:
        from:
        - group: gateway.networking.k8s.io
          kind: HTTPRoute
          namespace: web
        to:
        - group: ""
          kind: Service
          name: ratings
    `);
    expect(refused(add(editor, 'referenceGrant', { selected: API_IDS.ratings }))).toMatch(
      /^No route in another namespace is refused ratings yet/,
    );
  });

  test('for the selected route, or whatever needs one when nothing is selected', () => {
    const editor = TestEditor.load(crossing);
    expect(accepted(add(editor, 'referenceGrant', { selected: API_IDS.shop })).summary).toMatch(
      /^Added ReferenceGrant shared\/web-to-ratings/,
    );
    expect(accepted(add(editor, 'referenceGrant')).summary).toMatch(/web-to-ratings/);
    expect(refused(add(TestEditor.load(GATEWAY_API), 'referenceGrant'))).toMatch(
      /^No backendRef reaches into another namespace without a ReferenceGrant/,
    );
  });
});
