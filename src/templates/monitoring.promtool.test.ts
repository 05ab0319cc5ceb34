import { describe, expect, test } from 'vitest';
import { checkRules, findPromtool } from '../testing/promtool.ts';
import { applyScenario, emptyWorkspace } from '../testing/scenarios.ts';
import { entries, type Workspace } from '../workspace/workspace.ts';
import { GATEWAY_MONITORING } from './monitoring.ts';
import { SCALING_PACK } from './scalingPack.ts';
import type { ScenarioParams } from './scenario.ts';

/**
 * The monitoring scenario's alert rules as Prometheus itself reads them: `promtool check rules`
 * (Debian's prometheus package, installed like the e2e setup installs Chromium).
 */
const promtool = findPromtool();
const skip = 'skip' in promtool ? promtool.skip : undefined;
if (skip) console.warn(`promtool tests skipped: ${skip}`);
const path = 'path' in promtool ? promtool.path : '';

function ruleSpec(
  params: ScenarioParams,
  base: Workspace = emptyWorkspace(),
): Record<string, unknown> {
  const { after } = applyScenario(GATEWAY_MONITORING, base, params);
  const rule = entries(after).find((e) => e.object.kind === 'PrometheusRule');
  return rule?.plain.spec as Record<string, unknown>;
}

describe.skipIf(skip !== undefined)('promtool check rules', () => {
  test.each<[string, ScenarioParams]>([
    ['the defaults', {}],
    [
      'every alert, request rates included',
      { minRps: 1, maxRps: 5000, p95: 250, p99: 900, errors5xx: 0.5 },
    ],
    [
      'a ServiceMonitor and another gateway',
      { monitor: 'ServiceMonitor', name: 'edge', namespace: 'ingress' },
    ],
  ])('accepts the rules for %s', (_, params) => {
    const result = checkRules(path, ruleSpec(params));
    expect(result.output).toMatch(/SUCCESS: 1\d rules found/);
    expect(result.ok, result.output).toBe(true);
  });

  test('accepts them next to the scaling pack, naming its autoscaler and budget', () => {
    const pack = applyScenario(SCALING_PACK, emptyWorkspace()).after;
    const result = checkRules(path, ruleSpec({}, pack));
    expect(result.ok, result.output).toBe(true);
  });

  test('fails a broken expression and says where', () => {
    const spec = ruleSpec({});
    const groups = spec.groups as { rules: { expr: string }[] }[];
    const first = groups[0]?.rules[0];
    if (first) first.expr = first.expr.replace('[5m]', '[5m');
    const result = checkRules(path, spec);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/GatewayLatencyP95High.*could not parse expression/);
  });
});
