import { describe, expect, test } from 'vitest';
import { TestEditor } from '../testing/testEditor.ts';
import { fieldCommand } from './fieldCommand.ts';
import { addItem, applyChecked, editField, errors, fieldOf, formOf, refusal } from './testForms.ts';
import { DR_ID, DR_NODE_SUBSET_V1, SHOP } from './testManifests.ts';

const SERVICE_NODE = 'service:web.shop.svc.cluster.local';
const LB = 'spec.trafficPolicy.loadBalancer';

describe('DestinationRule form', () => {
  test('is reached from its Service node and from its subsets', () => {
    const editor = TestEditor.load(SHOP);
    expect(fieldOf(formOf(editor, SERVICE_NODE), 'spec.host').target).toBe(DR_ID);
    expect(fieldOf(formOf(editor, DR_NODE_SUBSET_V1), 'spec.host').value).toBe('web');
  });

  test('the host is required and checked', () => {
    expect(refusal(SHOP, SERVICE_NODE, 'spec.host', '')).toBe('Required');
    expect(
      editField(SHOP, SERVICE_NODE, 'spec.host', 'web.shop.svc.cluster.local').diff.added,
    ).toEqual(['  host: web.shop.svc.cluster.local']);
  });

  test('a simple load balancer and a consistent hash exclude each other', () => {
    expect(editField(SHOP, SERVICE_NODE, `${LB}.simple`, 'ROUND_ROBIN').diff).toEqual({
      removed: ['      simple: LEAST_REQUEST'],
      added: ['      simple: ROUND_ROBIN'],
    });
    const hashed = editField(SHOP, SERVICE_NODE, `${LB}.consistentHash#key`, 'httpCookie');
    expect(hashed.diff).toEqual({
      removed: ['      simple: LEAST_REQUEST'],
      added: ['      consistentHash:', '        httpCookie:', '          name: ""'],
    });
    const named = editField(
      hashed.after,
      SERVICE_NODE,
      `${LB}.consistentHash.httpCookie.name`,
      'session',
    );
    expect(named.diff).toEqual({
      removed: ['          name: ""'],
      added: ['          name: session'],
    });
    const ttl = editField(named.after, SERVICE_NODE, `${LB}.consistentHash.httpCookie.ttl`, '0s');
    expect(ttl.diff.added).toEqual(['          ttl: 0s']);
    const byHeader = editField(
      named.after,
      SERVICE_NODE,
      `${LB}.consistentHash#key`,
      'httpHeaderName',
    );
    expect(byHeader.diff).toEqual({
      removed: ['        httpCookie:', '          name: session'],
      added: ['        httpHeaderName: ""'],
    });
    const back = editField(named.after, SERVICE_NODE, `${LB}.simple`, 'LEAST_REQUEST');
    expect(back.after).toBe(SHOP);
  });

  test('source IP and query parameter hashing', () => {
    expect(
      editField(SHOP, SERVICE_NODE, `${LB}.consistentHash#key`, 'useSourceIp').diff.added,
    ).toEqual(['      consistentHash:', '        useSourceIp: true']);
    const query = editField(
      SHOP,
      SERVICE_NODE,
      `${LB}.consistentHash#key`,
      'httpQueryParameterName',
    );
    expect(
      editField(query.after, SERVICE_NODE, `${LB}.consistentHash.httpQueryParameterName`, 'user')
        .diff.added,
    ).toEqual(['        httpQueryParameterName: user']);
  });

  test('connection pool and outlier detection fields', () => {
    expect(
      editField(SHOP, SERVICE_NODE, 'spec.trafficPolicy.connectionPool.tcp.maxConnections', '100')
        .diff.added,
    ).toEqual(['    connectionPool:', '      tcp:', '        maxConnections: 100']);
    expect(
      editField(
        SHOP,
        SERVICE_NODE,
        'spec.trafficPolicy.connectionPool.http.http1MaxPendingRequests',
        '10',
      ).diff.added,
    ).toEqual(['    connectionPool:', '      http:', '        http1MaxPendingRequests: 10']);
    expect(
      editField(SHOP, SERVICE_NODE, 'spec.trafficPolicy.outlierDetection.consecutive5xxErrors', '5')
        .diff.added,
    ).toEqual(['    outlierDetection:', '      consecutive5xxErrors: 5']);
    expect(
      refusal(SHOP, SERVICE_NODE, 'spec.trafficPolicy.outlierDetection.maxEjectionPercent', '150'),
    ).toBe('Max ejection must be from 0 to 100');
    expect(
      refusal(SHOP, SERVICE_NODE, 'spec.trafficPolicy.outlierDetection.interval', 'soon'),
    ).toMatch(/./);
  });

  test('client TLS mode, credential and SNI', () => {
    expect(
      editField(SHOP, SERVICE_NODE, 'spec.trafficPolicy.tls.mode', 'SIMPLE').diff.added,
    ).toEqual(['    tls:', '      mode: SIMPLE']);
    expect(
      editField(SHOP, SERVICE_NODE, 'spec.trafficPolicy.tls.sni', 'web.example.com').diff.added,
    ).toEqual(['    tls:', '      sni: web.example.com']);
  });

  test('port-level settings are added with a port and a load balancer', () => {
    const { diff, editor } = addItem(
      SHOP,
      SERVICE_NODE,
      'group:spec.trafficPolicy.portLevelSettings',
      {
        'spec.trafficPolicy.portLevelSettings#new-port': 8080,
      },
    );
    expect(diff.added).toEqual([
      '    portLevelSettings:',
      '    - port:',
      '        number: 8080',
      '      loadBalancer:',
      '        simple: LEAST_REQUEST',
    ]);
    expect(errors(editor.workspace)).toEqual(errors(TestEditor.load(SHOP).workspace));
  });

  test('a subset is added with a version label, and a subset node appears', () => {
    const { diff, graph } = addItem(SHOP, SERVICE_NODE, 'group:spec.subsets', {
      'subsets#new-name': 'v3',
    });
    expect(diff.added).toEqual(['  - name: v3', '    labels:', '      version: v3']);
    expect(graph.nodes.some((n) => n.id === `subset:${DR_ID}:v3`)).toBe(true);
  });

  test('renaming a subset names the node to select next, and the route that sends to it', () => {
    const editor = TestEditor.load(SHOP);
    const name = fieldOf(formOf(editor, DR_NODE_SUBSET_V1), 'spec.subsets[0].name');
    expect(name.commitOnBlur).toBe(true);
    expect(name.nodeAfter?.('stable')).toBe(`subset:${DR_ID}:stable`);
    const result = fieldCommand(DR_ID, name, 'stable');
    if (!result.ok || !result.command) throw new Error('expected a command');
    // One command: undo takes back the name and the route together (applyChecked checks it).
    const { diff, graph } = applyChecked(editor, result.command);
    expect(diff).toEqual({
      removed: ['        subset: v1', '  - name: v1'],
      added: ['        subset: stable', '  - name: stable'],
    });
    expect(graph.nodes.some((n) => n.id === `subset:${DR_ID}:stable`)).toBe(true);
    expect(
      graph.edges.some((e) => e.kind === 'route' && e.target === `subset:${DR_ID}:stable`),
    ).toBe(true);
    expect(errors(editor.workspace)).toEqual(errors(TestEditor.load(SHOP).workspace));
    expect(refusal(SHOP, DR_NODE_SUBSET_V1, 'spec.subsets[0].name', 'v.1')).toMatch(/no dots/);
  });

  test('the subsets list of the Service’s form renames the routes too', () => {
    const { diff } = editField(SHOP, SERVICE_NODE, 'spec.subsets[1].name', 'canary');
    expect(diff).toEqual({
      removed: ['        subset: v2', '  - name: v2'],
      added: ['        subset: canary', '  - name: canary'],
    });
  });

  test('a name another subset has is refused, as Istio refuses it', () => {
    expect(refusal(SHOP, DR_NODE_SUBSET_V1, 'spec.subsets[0].name', 'v2')).toBe(
      'There is already a subset v2',
    );
  });

  test('keeping the name gives no command', () => {
    const editor = TestEditor.load(SHOP);
    const name = fieldOf(formOf(editor, DR_NODE_SUBSET_V1), 'spec.subsets[0].name');
    const result = fieldCommand(DR_ID, name, 'v1');
    expect(result.ok && result.command).toBeNull();
  });

  test('subset labels and the subset’s own traffic policy', () => {
    expect(
      editField(SHOP, DR_NODE_SUBSET_V1, 'spec.subsets[0].labels.version', 'v1-0').diff,
    ).toEqual({ removed: ['      version: v1'], added: ['      version: v1-0'] });
    expect(
      editField(
        SHOP,
        DR_NODE_SUBSET_V1,
        'spec.subsets[0].trafficPolicy.loadBalancer.simple',
        'RANDOM',
      ).diff.added,
    ).toEqual(['    trafficPolicy:', '      loadBalancer:', '        simple: RANDOM']);
  });
});
