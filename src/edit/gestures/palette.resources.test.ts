import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import {
  accepted,
  applyChecked,
  edges,
  graphOf,
  newErrors,
  refused,
  TestEditor,
} from '../../testing/gestures.ts';
import { IDS, SHOP } from './fixtures.ts';
import { addFromPalette, type PaletteContext, type PaletteItem } from './palette.ts';

function add(editor: TestEditor, item: PaletteItem, context: PaletteContext = {}) {
  return addFromPalette(editor.workspace, graphOf(editor), item, context);
}

/** The text a gesture appended to the end of `file`. */
function appended(editor: TestEditor, before: string, file?: string): string {
  const after = editor.yaml(file);
  expect(after.startsWith(before)).toBe(true);
  return after.slice(before.length);
}

describe('adding a Gateway from the palette', () => {
  test('into an empty workspace: the default ingress pods, HTTP on 80, in namespace default', () => {
    const editor = new TestEditor({ files: [] });
    const gesture = accepted(add(editor, 'gateway'));
    expect(gesture.summary).toBe(
      'Added Gateway default/gateway: HTTP on port 80 for app.example.com',
    );
    editor.apply(gesture.command);
    expect(editor.yaml('workspace.yaml')).toBe(dedent`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata:
        name: gateway
        namespace: default
      spec:
        selector:
          istio: ingressgateway
        servers:
          - port:
              number: 80
              name: http
              protocol: HTTP
            hosts:
              - app.example.com
    `);
    expect(graphOf(editor).nodes.map((n) => n.kind)).toEqual([
      'client',
      'loadBalancer',
      'gatewayWorkload',
      'gateway',
    ]);
    expect(newErrors({ files: [] }, editor.workspace)).toEqual([]);
    expect(editor.undo().workspace.files).toEqual([]);
  });

  test('next to others: a unique name and a host no Gateway serves, so nothing conflicts', () => {
    const editor = TestEditor.load(SHOP);
    const before = editor.workspace;
    editor.apply(accepted(add(editor, 'gateway', { namespace: 'web' })).command);
    const second = accepted(add(editor, 'gateway', { namespace: 'web' }));
    expect(second.summary).toBe(
      'Added Gateway web/gateway-2: HTTP on port 80 for app-2.example.com',
    );
    editor.apply(second.command);
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('goes into the active file when one is given', () => {
    const editor = TestEditor.loadFiles([
      { name: 'shop.yaml', text: SHOP },
      { name: 'edge.yaml', text: '# edge gateways\n' },
    ]);
    const gesture = accepted(add(editor, 'gateway', { file: 'shop.yaml', namespace: 'web' }));
    expect(gesture.command).toMatchObject({ type: 'addResource', file: 'shop.yaml' });
    const text = editor.yaml('shop.yaml');
    applyChecked(editor, gesture, 'shop.yaml');
    expect(appended(editor, text, 'shop.yaml')).toMatch(
      /^---\napiVersion: networking.istio.io\/v1\nkind: Gateway\n/,
    );
  });
});

describe('adding a VirtualService from the palette', () => {
  test('with a Gateway selected: bound to it, routing to a Service of the namespace, with an offer for the host', () => {
    const editor = TestEditor.load(SHOP);
    const gesture = accepted(add(editor, 'virtualService', { selected: IDS.shopGateway }));
    expect(gesture.summary).toBe(
      'Added VirtualService web/app for app.example.com, bound to Gateway web/shop-gw',
    );
    expect(gesture.offers?.map((o) => o.title)).toEqual([
      'Add host app.example.com to server http of Gateway shop-gw',
    ]);
    const before = editor.yaml();
    editor.apply(gesture.command);
    expect(appended(editor, before)).toBe(
      `---\n${dedent`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: app
        namespace: web
      spec:
        hosts:
        - app.example.com
        gateways:
        - web/shop-gw
        http:
        - name: rule-1
          match:
          - uri:
              prefix: /
          route:
          - destination:
              host: web
    `}`,
    );
    const offer = gesture.offers?.[0];
    if (!offer) throw new Error('no offer');
    editor.apply(offer.command);
    const graph = graphOf(editor);
    expect(edges(graph, 'bind')).toContain(
      `${IDS.shopGateway} -> virtualService:VirtualService/web/app`,
    );
    expect(edges(graph, 'route')).toContain(`route:VirtualService/web/app:http[0] -> ${IDS.web}`);
  });

  test('with hosts given and a Gateway serving a wildcard, no offer is needed', () => {
    const wildcard = SHOP.replace(
      '    - shop.example.com\n',
      '    - shop.example.com\n    - "*.example.com"\n',
    );
    const editor = TestEditor.load(wildcard);
    const before = editor.workspace;
    const gesture = accepted(
      add(editor, 'virtualService', {
        gateway: IDS.shopGateway,
        hosts: ['docs.example.com'],
        selected: IDS.apiService,
      }),
    );
    expect(gesture.summary).toBe(
      'Added VirtualService web/docs for docs.example.com, bound to Gateway web/shop-gw',
    );
    expect(gesture.offers).toBeUndefined();
    editor.apply(gesture.command);
    // The selected Service exposes two ports: the HTTP one is named.
    expect(editor.yaml()).toContain(
      '    - destination:\n        host: api\n        port:\n          number: 80\n',
    );
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('with a Service selected: a mesh VirtualService for it, in its namespace', () => {
    const editor = TestEditor.load(SHOP);
    const before = editor.workspace;
    const gesture = accepted(add(editor, 'virtualService', { selected: IDS.ratings }));
    expect(gesture.summary).toBe('Added VirtualService shared/ratings for ratings');
    expect(gesture.notes).toEqual([
      'ratings is bound to no Gateway, so it applies inside the mesh: connect a Gateway to it to expose it',
    ]);
    editor.apply(gesture.command);
    expect(edges(graphOf(editor), 'route')).toContain(
      `route:VirtualService/shared/ratings:http[0] -> ${IDS.ratings}`,
    );
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('with nothing to route to: a placeholder host, said in a note', () => {
    const editor = new TestEditor({ files: [] });
    const gesture = accepted(add(editor, 'virtualService'));
    expect(gesture.notes?.[0]).toBe(
      'Rule rule-1 routes to "app", a placeholder: connect the rule to a service',
    );
  });
});

describe('adding a DestinationRule from the palette', () => {
  test('for the selected Service: named after it, a subset for the version its pods carry', () => {
    const text = SHOP.replace(
      'template:\n    metadata: {labels: {app: api}}',
      'template:\n    metadata: {labels: {app: api, version: v7}}',
    );
    const editor = TestEditor.load(text);
    const before = editor.workspace;
    const gesture = accepted(add(editor, 'destinationRule', { selected: IDS.apiService }));
    expect(gesture.summary).toBe('Added DestinationRule web/api for api with subset v7');
    const old = editor.yaml();
    applyChecked(editor, gesture);
    expect(appended(editor, old)).toBe(
      `---\n${dedent`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: api
        namespace: web
      spec:
        host: api
        subsets:
        - name: v7
          labels:
            version: v7
    `}`,
    );
    expect(edges(graphOf(editor), 'subset')).toContain(
      `${IDS.apiService} -> subset:DestinationRule/web/api:v7`,
    );
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('without versioned pods: subset v1, with a note that it selects nothing yet', () => {
    const editor = TestEditor.load(SHOP);
    expect(accepted(add(editor, 'destinationRule', { selected: IDS.apiService })).notes).toEqual([
      'No pod of Service api is labelled version: v1 yet, so subset v1 selects nothing (Istio reports IST0173) until one is',
    ]);
  });

  test('refused where one is already for that host in the namespace', () => {
    expect(refused(add(TestEditor.load(SHOP), 'destinationRule', { selected: IDS.web }))).toBe(
      'DestinationRule web/web is already for web: add a subset to it instead',
    );
  });
});

describe('adding a Service from the palette', () => {
  test('for selected pods: named after their app label, selecting it, targeting their port', () => {
    const cart = dedent`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: cart-v1, namespace: shop}
      spec:
        selector: {matchLabels: {app: cart, version: v1}}
        template:
          metadata: {labels: {app: cart, version: v1}}
          spec:
            containers:
            - name: cart
              image: cart:1
              ports: [{containerPort: 8080}]
    `;
    const editor = TestEditor.load(cart);
    const before = editor.workspace;
    const gesture = accepted(add(editor, 'service', { selected: 'pods:Deployment/shop/cart-v1' }));
    expect(gesture.summary).toBe(
      'Added Service shop/cart: port 80 (http) to pods labelled app=cart',
    );
    applyChecked(editor, gesture);
    expect(appended(editor, cart)).toBe(
      `---\n${dedent`
      apiVersion: v1
      kind: Service
      metadata:
        name: cart
        namespace: shop
      spec:
        selector:
          app: cart
        ports:
        - name: http
          port: 80
          targetPort: 8080
    `}`,
    );
    expect(edges(graphOf(editor), 'select')).toEqual([
      'service:cart.shop.svc.cluster.local -> pods:Deployment/shop/cart-v1',
    ]);
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('with nothing selected: app, selecting app=app, in default', () => {
    const editor = TestEditor.load(SHOP);
    expect(accepted(add(editor, 'service')).summary).toBe(
      'Added Service default/app: port 80 (http) to pods labelled app=app',
    );
  });
});
