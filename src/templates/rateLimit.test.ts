import { describe, expect, test } from 'vitest';
import { lint } from '../check/lint.ts';
import {
  applyScenario,
  edges,
  emptyWorkspace,
  exampleWorkspace,
  graphOf,
  refusal,
  SHOP,
  send,
  texts,
} from '../testing/scenarios.ts';
import { RATE_LIMIT } from './rateLimit.ts';
import { SCALING_PACK } from './scalingPack.ts';
import { BASIC } from './trafficSplits.ts';

const FILTER = 'envoyFilter:EnvoyFilter/istio-system/istio-ingressgateway-local-ratelimit';

describe('on the example workspace', () => {
  test('the filter hangs off the ingress gateway pods, and requests still route', () => {
    const { after } = applyScenario(RATE_LIMIT, exampleWorkspace());
    expect(edges(graphOf(after), 'attach')).toContain(`${SHOP.impliedGatewayPods} -> ${FILTER}`);
    expect(send(after, { url: 'http://myapp.example.com/myapp' }).outcome).toBe('route');
  });

  test('with the scaling pack too, it attaches to the gateway Deployment', () => {
    const pack = applyScenario(SCALING_PACK, exampleWorkspace()).after;
    const { after } = applyScenario(RATE_LIMIT, pack);
    expect(edges(graphOf(after), 'attach')).toContain(
      `gatewayWorkload:Deployment/istio-system/istio-ingressgateway -> ${FILTER}`,
    );
  });
});

describe('on an empty workspace', () => {
  test('the filter joins the gateway pods once a Gateway uses them', () => {
    const filter = applyScenario(RATE_LIMIT, emptyWorkspace()).after;
    const { after } = applyScenario(BASIC, filter);
    expect(edges(graphOf(after), 'attach')).toEqual([`${SHOP.impliedGatewayPods} -> ${FILTER}`]);
  });

  test('writes Envoy’s local rate limit before the router of the gateway’s HTTP connection manager', () => {
    const { after } = applyScenario(RATE_LIMIT, emptyWorkspace(), {
      tokensPerFill: 20,
      fillInterval: '60s',
    });
    const text = texts(after)[0]?.text ?? '';
    for (const line of [
      'apiVersion: networking.istio.io/v1alpha3',
      'kind: EnvoyFilter',
      '  name: istio-ingressgateway-local-ratelimit',
      '      istio: ingressgateway',
      '  priority: 10',
      '    - applyTo: HTTP_FILTER',
      '        context: GATEWAY',
      '              name: envoy.filters.network.http_connection_manager',
      '                name: envoy.filters.http.router',
      '        operation: INSERT_BEFORE',
      '          name: envoy.filters.http.local_ratelimit',
      '              token_bucket:\n                max_tokens: 20\n                tokens_per_fill: 20\n                fill_interval: 60s',
    ])
      expect(text).toContain(line);
  });

  test('lint has nothing to say about the filter, not even IST0151 (it has a priority)', () => {
    const { after } = applyScenario(RATE_LIMIT, emptyWorkspace());
    expect(lint(after)).toEqual([]);
  });
});

describe('refusals', () => {
  test('Envoy refills no faster than every 50ms', () => {
    expect(refusal(RATE_LIMIT, emptyWorkspace(), { fillInterval: '0.01s' })).toBe(
      'Fill interval: Must be at least 50ms',
    );
  });

  test('the fill interval is written in seconds: Envoy reads it as a protobuf duration', () => {
    expect(refusal(RATE_LIMIT, emptyWorkspace(), { fillInterval: '500ms' })).toBe(
      'Fill interval: "500ms" is read by Envoy as a protobuf duration: write seconds, like 0.5s or 60s',
    );
    const { after } = applyScenario(RATE_LIMIT, emptyWorkspace(), { fillInterval: '0.5s' });
    expect(texts(after)[0]?.text).toContain('fill_interval: 0.5s');
  });

  test('at least one request per interval', () => {
    expect(refusal(RATE_LIMIT, emptyWorkspace(), { tokensPerFill: 0 })).toBe(
      'Requests per interval: Must be from 1 to 1000000',
    );
  });

  test('a second filter for the same gateway is refused, naming the first', () => {
    const { after } = applyScenario(RATE_LIMIT, emptyWorkspace());
    expect(refusal(RATE_LIMIT, after, {})).toBe(
      'EnvoyFilter istio-system/istio-ingressgateway-local-ratelimit already exists: choose another name',
    );
  });
});
