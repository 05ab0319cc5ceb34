import { describe, expect, test } from 'vitest';
import {
  applyScenario,
  BASES,
  destinations,
  edges,
  emptyWorkspace,
  graphOf,
  refusal,
  SHOP,
  send,
} from '../testing/scenarios.ts';
import { FAULT_DRILL, MIRROR, TIMEOUTS_RETRIES } from './resilience.ts';

const SHOP_FQDN = 'shop.default.svc.cluster.local';

for (const base of BASES) {
  describe(`on ${base.label}`, () => {
    test('mirroring answers from v1 and copies a share of the requests to v2', () => {
      const { after } = applyScenario(MIRROR, base.load());
      const graph = graphOf(after);
      expect(edges(graph, 'route')).toContain(`${SHOP.rule(0)} -> ${SHOP.subset('v1')}`);
      expect(edges(graph, 'mirror')).toEqual([`${SHOP.rule(0)} -> ${SHOP.subset('v2')}`]);
      const sim = send(after, { url: 'http://shop.example.com/' });
      expect(destinations(sim)).toEqual([`${SHOP_FQDN}/v1 1`]);
      expect(sim.mirrors?.map((m) => `${m.host}/${m.subset} ${m.percentage}%`)).toEqual([
        `${SHOP_FQDN}/v2 10%`,
      ]);
    });

    test('the fault drill delays and aborts shares of the requests on its named rule', () => {
      const { after } = applyScenario(FAULT_DRILL, base.load());
      expect(edges(graphOf(after), 'route')).toContain(`${SHOP.rule(0)} -> ${SHOP.service()}`);
      const sim = send(after, { url: 'http://shop.example.com/' });
      expect(sim.rule?.name).toBe('fault-drill');
      expect(sim.fault).toEqual({
        delay: { fixedDelay: '5s', percentage: 10 },
        abort: { httpStatus: 503, grpcStatus: null, percentage: 5 },
        aborted: false,
      });
      // Below 100% the request still reaches the service.
      expect(destinations(sim)).toEqual([`${SHOP_FQDN} 1`]);
    });

    test('a fault drill aborting every request answers with its status', () => {
      const { after } = applyScenario(FAULT_DRILL, base.load(), {
        abortStatus: 500,
        abortPercent: 100,
      });
      const sim = send(after, { url: 'http://shop.example.com/' });
      expect([sim.outcome, sim.status]).toEqual(['fault', 500]);
    });

    test('timeouts and retries bound the rule and retry on the chosen conditions', () => {
      const { after } = applyScenario(TIMEOUTS_RETRIES, base.load());
      expect(edges(graphOf(after), 'route')).toContain(`${SHOP.rule(0)} -> ${SHOP.service()}`);
      const sim = send(after, { url: 'http://shop.example.com/' });
      expect(sim.timeout).toBe('10s');
      expect(sim.retries).toMatchObject({
        attempts: 3,
        perTryTimeout: '3s',
        retryOn: 'gateway-error,connect-failure,refused-stream',
        source: 'rule',
      });
    });
  });
}

describe('refusals', () => {
  test('a try longer than the whole timeout is refused', () => {
    expect(
      refusal(TIMEOUTS_RETRIES, emptyWorkspace(), { timeout: '2s', perTryTimeout: '5s' }),
    ).toBe('Timeout per try: Longer than the timeout: a try cannot outlast the whole request');
  });

  test('Istio’s own field rules apply: durations, retry conditions, abort status, percentages', () => {
    const empty = emptyWorkspace();
    expect(refusal(TIMEOUTS_RETRIES, empty, { timeout: '10' })).toMatch(/^Timeout: /);
    expect(refusal(TIMEOUTS_RETRIES, empty, { retryOn: '5xx,sometimes' })).toMatch(
      /^Retry on: .*sometimes/,
    );
    expect(refusal(TIMEOUTS_RETRIES, empty, { attempts: 0 })).toBe(
      'Retry attempts: Must be from 1 to 10',
    );
    expect(refusal(FAULT_DRILL, empty, { abortStatus: 700 })).toBe(
      'Abort status: HTTP status must be from 200 to 599',
    );
    expect(refusal(MIRROR, empty, { percent: -1 })).toBe(
      'Mirrored percentage: Percentage must be from 0 to 100',
    );
  });
});
