import { describe, expect, test } from 'vitest';
import { lineDiff } from '../testing/lineDiff.ts';
import { applyScenario, BASES, serious, texts } from '../testing/scenarios.ts';
import { parameterProblems, resolveParameters, SCENARIOS, scenarioById } from './scenarios.ts';

const allText = (files: { text: string }[]) => files.map((f) => f.text).join('');

describe('the scenario catalog', () => {
  test('lists the scenarios of issue 4 under distinct ids', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual([
      'basic',
      'canary',
      'header-beta',
      'blue-green',
      'path-split',
      'mirror',
      'fault-drill',
      'timeouts-retries',
      'https',
      'mutual-tls',
      'gateway-scaling',
      'zero-downtime',
      'local-rate-limit',
      'global-rate-limit',
      'gateway-monitoring',
    ]);
    expect(scenarioById('canary')?.title).toBe('Canary by weight');
    expect(scenarioById('nope')).toBeUndefined();
  });

  for (const base of BASES) {
    test(`every default parameter passes its own check on ${base.label}`, () => {
      const workspace = base.load();
      for (const scenario of SCENARIOS) {
        const params = resolveParameters(scenario, {}, workspace);
        expect(Object.keys(params), scenario.id).toEqual(scenario.parameters.map((p) => p.key));
        expect(parameterProblems(scenario, params), scenario.id).toEqual({});
      }
    });
  }
});

for (const scenario of SCENARIOS) {
  describe(scenario.title, () => {
    for (const base of BASES) {
      test(`adds its design to ${base.label} as one command that undo takes back byte for byte`, () => {
        const workspace = base.load();
        const built = scenario.build({}, workspace);
        expect(built.ok && built.value.type).toBe('batch');
        const { before, after } = applyScenario(scenario, workspace);
        // With default parameters every scenario only adds lines, even the scaling pack on the
        // example, whose existing autoscaler, budget and Service already hold its defaults.
        const diff = lineDiff(allText(texts(before)), allText(texts(after)));
        expect(diff.removed).toEqual([]);
        expect(diff.added.length).toBeGreaterThan(10);
      });

      test(`leaves no lint error or warning on ${base.label}`, () => {
        const { after } = applyScenario(scenario, base.load());
        expect(serious(after).map((d) => `${d.code} ${d.resource} ${d.message}`)).toEqual([]);
      });
    }
  });
}
