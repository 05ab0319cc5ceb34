import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { lint } from '../check/lint.ts';
import { isRecord } from '../model/read.ts';
import {
  applyScenario,
  edges,
  emptyWorkspace,
  exampleWorkspace,
  graphOf,
  refusal,
  SHOP,
  send,
  serious,
  texts,
} from '../testing/scenarios.ts';
import { findEntry, type Workspace } from '../workspace/workspace.ts';
import { descriptorKey, GLOBAL_RATE_LIMIT } from './globalRateLimit.ts';
import { RATE_LIMIT } from './rateLimit.ts';
import { SCALING_PACK } from './scalingPack.ts';
import type { ScenarioParams } from './scenario.ts';
import { BASIC } from './trafficSplits.ts';

const FILTER = 'envoyFilter:EnvoyFilter/istio-system/istio-ingressgateway-ratelimit';
const ACTIONS = 'envoyFilter:EnvoyFilter/istio-system/istio-ingressgateway-ratelimit-actions';

function textOf(params: ScenarioParams = {}, base = emptyWorkspace()): string {
  const { after } = applyScenario(GLOBAL_RATE_LIMIT, base, params);
  return texts(after)[0]?.text ?? '';
}

/** The rules the rate limit service reads: the ConfigMap's config.yaml, parsed. */
function rulesOf(workspace: Workspace, namespace = 'default'): unknown {
  const entry = findEntry(workspace, `ConfigMap/${namespace}/ratelimit-config`);
  const plain: unknown = entry?.doc.document.toJS();
  const data = isRecord(plain) && isRecord(plain.data) ? plain.data : {};
  return parse(String(data['config.yaml']));
}

describe('on the example workspace', () => {
  test('both filters hang off the ingress gateway pods, and requests still route', () => {
    const { after } = applyScenario(GLOBAL_RATE_LIMIT, exampleWorkspace());
    const attached = edges(graphOf(after), 'attach');
    expect(attached).toContain(`${SHOP.impliedGatewayPods} -> ${FILTER}`);
    expect(attached).toContain(`${SHOP.impliedGatewayPods} -> ${ACTIONS}`);
    expect(send(after, { url: 'http://myapp.example.com/myapp' }).outcome).toBe('route');
  });

  test('with the scaling pack too, both attach to the gateway Deployment', () => {
    const pack = applyScenario(SCALING_PACK, exampleWorkspace()).after;
    const { after } = applyScenario(GLOBAL_RATE_LIMIT, pack);
    const pods = 'gatewayWorkload:Deployment/istio-system/istio-ingressgateway';
    expect(edges(graphOf(after), 'attach')).toEqual(
      expect.arrayContaining([`${pods} -> ${FILTER}`, `${pods} -> ${ACTIONS}`]),
    );
  });

  test('sits beside the local rate limit: a pod-level limit in front of the global one', () => {
    const local = applyScenario(RATE_LIMIT, exampleWorkspace()).after;
    const { after } = applyScenario(GLOBAL_RATE_LIMIT, local);
    expect(serious(after)).toEqual([]);
    expect(edges(graphOf(after), 'attach').filter((e) => e.includes('envoyFilter:'))).toHaveLength(
      3,
    );
  });
});

describe('on an empty workspace', () => {
  test('the filters join the gateway pods once a Gateway uses them', () => {
    const filters = applyScenario(GLOBAL_RATE_LIMIT, emptyWorkspace()).after;
    const { after } = applyScenario(BASIC, filters);
    expect(edges(graphOf(after), 'attach')).toEqual([
      `${SHOP.impliedGatewayPods} -> ${FILTER}`,
      `${SHOP.impliedGatewayPods} -> ${ACTIONS}`,
    ]);
  });

  test('inserts Envoy’s rate limit filter before the router, asking the service over gRPC', () => {
    const text = textOf();
    for (const line of [
      'apiVersion: networking.istio.io/v1alpha3',
      '  name: istio-ingressgateway-ratelimit\n  namespace: istio-system',
      '      istio: ingressgateway',
      '  priority: 10',
      '    - applyTo: HTTP_FILTER',
      '        context: GATEWAY',
      '                name: envoy.filters.http.router',
      '        operation: INSERT_BEFORE',
      '          name: envoy.filters.http.ratelimit',
      '"@type": type.googleapis.com/envoy.extensions.filters.http.ratelimit.v3.RateLimit',
      '            domain: ratelimit\n            timeout: 1s',
      '                  cluster_name: outbound|8081||ratelimit.default.svc.cluster.local\n' +
        '                  authority: ratelimit.default.svc.cluster.local',
      '              transport_api_version: V3',
    ])
      expect(text).toContain(line);
    // Failing open is the default: the key is written only to fail closed.
    expect(text).not.toContain('failure_mode_deny');
  });

  test('sends the path as the PATH descriptor from every virtual host of the gateway', () => {
    const text = textOf();
    expect(text).toContain(
      [
        '    - applyTo: VIRTUAL_HOST',
        '      match:',
        '        context: GATEWAY',
        '      patch:',
        '        operation: MERGE',
        '        value:',
        '          rate_limits:',
        '            - actions:',
        '                - request_headers:',
        '                    header_name: :path',
        '                    descriptor_key: PATH',
      ].join('\n'),
    );
  });

  test('the ConfigMap holds the domain and the limit the service enforces', () => {
    const { after } = applyScenario(GLOBAL_RATE_LIMIT, emptyWorkspace(), {
      value: '/login',
      requestsPerUnit: 5,
      unit: 'second',
    });
    expect(rulesOf(after)).toEqual({
      domain: 'ratelimit',
      descriptors: [
        { key: 'PATH', value: '/login', rate_limit: { unit: 'second', requests_per_unit: 5 } },
      ],
    });
  });

  test('a header is counted per value by default, under a key named after it', () => {
    const { after } = applyScenario(GLOBAL_RATE_LIMIT, emptyWorkspace(), { header: 'x-api-key' });
    expect(rulesOf(after)).toEqual({
      domain: 'ratelimit',
      descriptors: [{ key: 'X_API_KEY', rate_limit: { unit: 'minute', requests_per_unit: 100 } }],
    });
    const text = texts(after)[0]?.text ?? '';
    expect(text).toContain('header_name: x-api-key\n                    descriptor_key: X_API_KEY');
  });

  test('the service’s namespace, name and port give the cluster, the authority and the ConfigMap’s place', () => {
    const { after } = applyScenario(GLOBAL_RATE_LIMIT, emptyWorkspace(), {
      serviceNamespace: 'ratelimit',
      service: 'limiter',
      port: 9081,
      domain: 'edge',
      failureMode: 'deny',
    });
    const text = texts(after)[0]?.text ?? '';
    expect(text).toContain('cluster_name: outbound|9081||limiter.ratelimit.svc.cluster.local');
    expect(text).toContain('authority: limiter.ratelimit.svc.cluster.local');
    expect(text).toContain(
      'domain: edge\n            failure_mode_deny: true\n            timeout: 1s',
    );
    expect(rulesOf(after, 'ratelimit')).toMatchObject({ domain: 'edge' });
  });

  test('lint has nothing to say, not even IST0151 for the relative insertion (it has a priority)', () => {
    const { after } = applyScenario(GLOBAL_RATE_LIMIT, emptyWorkspace());
    expect(lint(after)).toEqual([]);
  });
});

describe('descriptor keys', () => {
  test('follow the header: :path is PATH, as in Istio’s task', () => {
    expect(descriptorKey(':path')).toBe('PATH');
    expect(descriptorKey(':authority')).toBe('AUTHORITY');
    expect(descriptorKey('x-user-id')).toBe('X_USER_ID');
  });
});

describe('refusals', () => {
  test('a path value starts with /', () => {
    expect(refusal(GLOBAL_RATE_LIMIT, emptyWorkspace(), { value: 'login' })).toBe(
      'Limited value: A path starts with /, or write * for every path',
    );
  });

  test('the unit is one the rate limit service knows', () => {
    expect(refusal(GLOBAL_RATE_LIMIT, emptyWorkspace(), { unit: 'week' })).toBe(
      'Unit: Choose one of second, minute, hour, day',
    );
  });

  test('a JWT claim is not a request header Envoy can count', () => {
    expect(
      refusal(GLOBAL_RATE_LIMIT, emptyWorkspace(), { header: '@request.auth.claims.sub' }),
    ).toMatch(/^Request header: .*JWT claim/);
  });

  test('a domain with a space is refused (the service compares it as written)', () => {
    expect(refusal(GLOBAL_RATE_LIMIT, emptyWorkspace(), { domain: 'my domain' })).toBe(
      'Domain: Use letters, digits, dots, dashes and underscores',
    );
  });

  test('the port is a port', () => {
    expect(refusal(GLOBAL_RATE_LIMIT, emptyWorkspace(), { port: 70000 })).toBe(
      'Rate limit service gRPC port: Port must be from 1 to 65535',
    );
  });

  test('an existing ratelimit-config is refused, saying where to add the descriptor', () => {
    const { after } = applyScenario(GLOBAL_RATE_LIMIT, emptyWorkspace());
    expect(refusal(GLOBAL_RATE_LIMIT, after, { name: 'istio-eastgateway' })).toBe(
      'ConfigMap default/ratelimit-config already exists: add the descriptor to its config.yaml, or run the rate limit service in another namespace',
    );
  });

  test('a second filter for the same gateway is refused, naming the first', () => {
    const { after } = applyScenario(GLOBAL_RATE_LIMIT, emptyWorkspace());
    expect(refusal(GLOBAL_RATE_LIMIT, after, { serviceNamespace: 'other' })).toBe(
      'EnvoyFilter istio-system/istio-ingressgateway-ratelimit already exists: choose another name',
    );
  });
});
