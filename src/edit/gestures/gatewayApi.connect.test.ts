import { describe, expect, test } from 'vitest';
import { lint } from '../../check/lint.ts';
import { dedent } from '../../testing/dedent.ts';
import {
  accepted,
  applyChecked,
  edges,
  graphOf,
  refused,
  TestEditor,
} from '../../testing/gestures.ts';
import { connect } from './connect.ts';
import { API_IDS, GATEWAY_API, istioNeighbours } from './gatewayApiFixtures.ts';

function drag(editor: TestEditor, from: string, to: string, mirror = false) {
  return connect(editor.workspace, graphOf(editor), from, to, { mirror });
}

describe('listener → route', () => {
  test('appends a parentRef naming the listener, with the namespace of a Gateway elsewhere', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const gesture = accepted(drag(editor, API_IDS.https, API_IDS.api));
    expect(gesture.summary).toBe('Attached HTTPRoute api to listener https of Gateway infra/gw');
    expect(gesture.notes).toBeUndefined();
    expect(applyChecked(editor, gesture)).toEqual({
      removed: [],
      added: ['  parentRefs:', '  - name: gw', '    namespace: infra', '    sectionName: https'],
    });
    expect(edges(graphOf(editor), 'bind')).toContain(`${API_IDS.https} -> ${API_IDS.api}`);
  });

  test('a second listener of the same Gateway adds a second parentRef; the first stays as written', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const diff = applyChecked(editor, accepted(drag(editor, API_IDS.https, API_IDS.shop)));
    expect(diff).toEqual({
      removed: [],
      added: ['  - name: gw', '    namespace: infra', '    sectionName: https'],
    });
  });

  test('narrows a parentRef that named the whole Gateway, as the API wants one form per Gateway', () => {
    const editor = TestEditor.load(
      GATEWAY_API.replace(
        '    namespace: infra\n    sectionName: http\n',
        '    namespace: infra\n',
      ),
    );
    const gesture = accepted(drag(editor, API_IDS.https, API_IDS.shop));
    expect(gesture.notes).toEqual([
      'It was attached to every listener of infra/gw; a route names either the whole Gateway or its listeners, so it is now attached to https only',
    ]);
    expect(applyChecked(editor, gesture)).toEqual({
      removed: [],
      added: ['    sectionName: https'],
    });
  });

  test('refuses the listener it is already attached to, and a listener for other route kinds', () => {
    const editor = TestEditor.load(GATEWAY_API);
    expect(refused(drag(editor, API_IDS.http, API_IDS.shop))).toBe(
      'HTTPRoute shop is already attached to listener http of Gateway infra/gw',
    );
    expect(refused(drag(editor, API_IDS.tcp, API_IDS.shop))).toBe(
      'Listener tcp (TCP) takes TCPRoutes, not HTTPRoutes',
    );
  });

  test('says when the listener will not accept the route: allowedRoutes Same keeps other namespaces out', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const gesture = accepted(drag(editor, API_IDS.tcp, API_IDS.dbRoute));
    expect(gesture.notes).toBeUndefined();
    const other = TestEditor.load(
      GATEWAY_API.replace('  name: db\n  namespace: infra', '  name: db\n  namespace: web'),
    );
    const denied = accepted(drag(other, API_IDS.tcp, 'tcpRoute:TCPRoute/web/db'));
    expect(denied.notes).toEqual([
      expect.stringContaining(
        'infra/gw does not accept it yet (NotAllowedByListeners: hostnames matched parent hostname "", but namespace "web" is not allowed by the parent)',
      ),
    ]);
  });
});

describe('Gateway → route', () => {
  test('appends a parentRef to the whole Gateway', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const gesture = accepted(drag(editor, API_IDS.gateway, API_IDS.api));
    expect(gesture.summary).toBe('Attached HTTPRoute api to Gateway infra/gw');
    expect(applyChecked(editor, gesture)).toEqual({
      removed: [],
      added: ['  parentRefs:', '  - name: gw', '    namespace: infra'],
    });
  });

  test('widens parentRefs that named listeners into one for the whole Gateway', () => {
    const editor = TestEditor.load(GATEWAY_API);
    editor.apply(accepted(drag(editor, API_IDS.https, API_IDS.shop)).command);
    const gesture = accepted(drag(editor, API_IDS.gateway, API_IDS.shop));
    expect(gesture.notes).toEqual([
      'It was attached to http, https of infra/gw; now to every listener that accepts it',
    ]);
    expect(applyChecked(editor, gesture)).toEqual({
      removed: [
        '    sectionName: http',
        '  - name: gw',
        '    namespace: infra',
        '    sectionName: https',
      ],
      added: [],
    });
  });

  test('refuses a route already attached to the whole Gateway', () => {
    const editor = TestEditor.load(GATEWAY_API);
    editor.apply(accepted(drag(editor, API_IDS.gateway, API_IDS.api)).command);
    expect(refused(drag(editor, API_IDS.gateway, API_IDS.api))).toBe(
      'HTTPRoute api is already attached to Gateway infra/gw',
    );
  });
});

describe('rule → Service', () => {
  test("a second backend splits the rule's traffic 50/50, the comment and the other documents untouched", () => {
    const editor = TestEditor.load(GATEWAY_API);
    const gesture = accepted(drag(editor, API_IDS.shopAll, API_IDS.apiService));
    expect(gesture.summary).toBe('Rule all now splits its traffic: web 50%, api 50%');
    expect(applyChecked(editor, gesture)).toEqual({
      removed: [],
      added: ['      weight: 50', '    - name: api', '      port: 8080', '      weight: 50'],
    });
    expect(editor.yaml()).toContain("      port: 80 # the Service's http port\n      weight: 50\n");
    expect(edges(graphOf(editor), 'route').filter((e) => e.startsWith(API_IDS.shopAll))).toEqual([
      `${API_IDS.shopAll} -> ${API_IDS.web} @50`,
      `${API_IDS.shopAll} -> ${API_IDS.apiService} @50`,
    ]);
  });

  test('a third backend gets an equal share; the others keep their proportions (90/10 → 60/7/33)', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const gesture = accepted(drag(editor, API_IDS.apiV1, API_IDS.ratings));
    expect(gesture.summary).toBe(
      'Rule rules[0] now splits its traffic: api 60%, web 7%, ratings.shared 33%',
    );
    const diff = applyChecked(editor, gesture);
    expect(diff.removed).toEqual(['      weight: 90', '      weight: 10']);
    expect(diff.added.slice(0, 6)).toEqual([
      '      weight: 60',
      '      weight: 7',
      '    - name: ratings',
      '      namespace: shared',
      '      port: 9080',
      '      weight: 33',
    ]);
  });

  test('across namespaces, the same command writes the ReferenceGrant that permits it, after the route', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const before = lint(editor.workspace).filter((d) => d.code.startsWith('gatewayApi'));
    const gesture = accepted(drag(editor, API_IDS.shopAll, API_IDS.ratings));
    expect(gesture.notes).toEqual([
      'Added ReferenceGrant shared/web-to-ratings: without it an HTTPRoute of namespace web may not send to Service ratings in shared (RefNotPermitted)',
    ]);
    const diff = applyChecked(editor, gesture);
    expect(diff).toEqual({
      removed: [],
      added: [
        '      weight: 50',
        '    - name: ratings',
        '      namespace: shared',
        '      port: 9080',
        '      weight: 50',
        'apiVersion: gateway.networking.k8s.io/v1beta1',
        'kind: ReferenceGrant',
        'metadata:',
        '  name: web-to-ratings',
        '  namespace: shared',
        'spec:',
        '  from:',
        '  - group: gateway.networking.k8s.io',
        '    kind: HTTPRoute',
        '    namespace: web',
        '  to:',
        '  - group: ""',
        '    kind: Service',
        '    name: ratings',
        '---',
      ],
    });
    const grantAt = editor.yaml().indexOf('kind: ReferenceGrant');
    expect(grantAt).toBeGreaterThan(editor.yaml().indexOf('name: shop'));
    expect(grantAt).toBeLessThan(editor.yaml().indexOf('name: api'));
    expect(lint(editor.workspace).filter((d) => d.code.startsWith('gatewayApi')).length).toBe(
      before.length,
    );
  });

  test('a grant that already permits the reference is used, not written again', () => {
    const grant = dedent`
      ---
      apiVersion: gateway.networking.k8s.io/v1beta1
      kind: ReferenceGrant
      metadata: {name: from-web, namespace: shared}
      spec:
        from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: web}]
        to: [{group: "", kind: Service}]
    `;
    const editor = TestEditor.load(GATEWAY_API + grant);
    const gesture = accepted(drag(editor, API_IDS.shopAll, API_IDS.ratings));
    expect(gesture.notes).toBeUndefined();
    expect(applyChecked(editor, gesture).added).not.toContain('kind: ReferenceGrant');
  });

  test('a Service with several ports gets its HTTP one, and a note says why', () => {
    const editor = TestEditor.load(GATEWAY_API);
    editor.apply({
      type: 'deleteValue',
      target: 'HTTPRoute/web/shop',
      path: ['spec', 'rules', 0, 'backendRefs'],
    });
    const gesture = accepted(drag(editor, API_IDS.shopAll, API_IDS.apiService));
    expect(gesture.summary).toBe('Rule all of HTTPRoute shop now sends to api');
    expect(gesture.notes).toEqual([
      expect.stringMatching(
        /^Service api exposes several ports \(9090 \(grpc\), 8080 \(http-api\)\)/,
      ),
    ]);
    expect(applyChecked(editor, gesture).added).toEqual([
      '    backendRefs:',
      '    - name: api',
      '      port: 8080',
    ]);
  });

  test('a Service not in the workspace gets the port other routes use for it, else 80 with a note', () => {
    const cartRoute = dedent`
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: cart, namespace: web}
      spec:
        rules:
        - backendRefs:
          - name: cart
    `;
    const editor = TestEditor.load(GATEWAY_API + cartRoute);
    const db = accepted(drag(editor, API_IDS.shopAll, API_IDS.db));
    expect(db.notes).toEqual([expect.stringMatching(/^Added ReferenceGrant infra\/web-to-db/)]);
    expect(applyChecked(editor, db).added.slice(0, 5)).toEqual([
      '      weight: 50',
      '    - name: db',
      '      namespace: infra',
      '      port: 5432',
      '      weight: 50',
    ]);
    const cart = accepted(drag(editor, API_IDS.shopAll, 'service:cart.web.svc.cluster.local'));
    expect(cart.summary).toBe('Rule all now splits its traffic: web 34%, db.infra 33%, cart 33%');
    expect(cart.notes).toEqual([
      'Service cart is not in this workspace, so its port is not known: port 80 was written (change it if the Service listens elsewhere)',
    ]);
  });

  test('Alt-drag mirrors the rule to the Service with a RequestMirror filter', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const gesture = accepted(drag(editor, API_IDS.shopAll, API_IDS.apiService, true));
    expect(gesture.summary).toBe('Rule all now mirrors its requests to api');
    expect(applyChecked(editor, gesture).added).toEqual([
      '    filters:',
      '    - type: RequestMirror',
      '      requestMirror:',
      '        backendRef:',
      '          name: api',
      '          port: 8080',
    ]);
  });

  test('refuses a Service the rule already sends to, and a rule that redirects', () => {
    const editor = TestEditor.load(GATEWAY_API);
    expect(refused(drag(editor, API_IDS.shopAll, API_IDS.web))).toBe(
      'Rule all already sends to web',
    );
    expect(refused(drag(editor, API_IDS.apiRedirect, API_IDS.web))).toMatch(
      /^Rule rules\[1\] redirects its requests \(RequestRedirect filter\), and the Gateway API does not allow backendRefs beside a redirect/,
    );
  });
});

describe('refusals say why the Gateway API cannot express a connection', () => {
  const editor = TestEditor.load(GATEWAY_API);
  test.each([
    [
      API_IDS.gateway,
      API_IDS.web,
      /^A Gateway does not send to web directly: connect it to an HTTPRoute/,
    ],
    [API_IDS.http, API_IDS.shopAll, /^A route attaches to a Gateway as a whole/],
    [
      API_IDS.shop,
      API_IDS.web,
      /^shop sends traffic through its rules: connect a rule of shop to web/,
    ],
    [API_IDS.shop, API_IDS.http, /^Connect in the direction traffic flows/],
    [API_IDS.shopAll, API_IDS.api, /^Gateway API rules do not delegate/],
    [API_IDS.shopAll, API_IDS.apiV1, /^Rules do not connect to rules/],
    [API_IDS.http, API_IDS.https, /^Gateways and listeners do not connect to each other/],
  ])('%s → %s', (from, to, reason) => {
    expect(refused(drag(editor, from, to))).toMatch(reason);
  });

  test('the two Gateway kinds do not mix', () => {
    const mixed = TestEditor.load(GATEWAY_API + istioNeighbours('legacy'));
    expect(refused(drag(mixed, 'gateway:Gateway/infra/legacy', API_IDS.api))).toMatch(
      /^Gateway API routes attach to Gateway API Gateways \(gateway.networking.k8s.io\); legacy is an Istio Gateway/,
    );
    expect(
      refused(drag(mixed, API_IDS.gateway, 'virtualService:VirtualService/infra/legacy')),
    ).toMatch(/^VirtualServices bind to Istio Gateways/);
  });
});
