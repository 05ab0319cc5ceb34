import { describe, expect, test } from 'vitest';
import { offersApiChoice } from '../templates/designApi.ts';
import { SCENARIOS } from '../templates/scenarios.ts';
import { scenarioYaml } from '../templates/scenarioText.ts';
import { EMPTY_WORKSPACE, loadWorkspace, type Workspace } from '../workspace/workspace.ts';
import { convert } from './convert.ts';
import type { TargetApi } from './types.ts';
import { convertedWorkspace, verify } from './verify.ts';

/** The scenarios that exist in both APIs (basic, canary, header beta, blue/green, path split, mirror, HTTPS). */
const BOTH = SCENARIOS.filter(offersApiChoice);

function design(id: string, api: TargetApi): Workspace {
  const scenario = BOTH.find((s) => s.id === id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  const yaml = scenarioYaml(scenario, { api }, EMPTY_WORKSPACE);
  if (!yaml.ok) throw new Error(yaml.error);
  return loadWorkspace([{ name: `${id}.yaml`, text: yaml.value }]);
}

const other = (api: TargetApi): TargetApi => (api === 'istio' ? 'gateway-api' : 'istio');

describe('the scenarios of both APIs convert and verify', () => {
  test('there are the seven two-API scenarios', () => {
    expect(BOTH.map((s) => s.id)).toEqual(
      expect.arrayContaining(['canary', 'header-beta', 'https', 'path-split', 'mirror']),
    );
  });

  for (const scenario of BOTH)
    for (const from of ['istio', 'gateway-api'] as const)
      test(`${scenario.id}: ${from} → ${other(from)} sends every derived request where it went, and back`, () => {
        const source = design(scenario.id, from);
        const conversion = convert(source, other(from));
        const there = verify(source, conversion);
        expect(there.total).toBeGreaterThan(0);
        expect(there.differences.filter((d) => !d.explainedBy)).toEqual([]);
        const converted = convertedWorkspace(source, conversion);
        const back = convert(converted, from);
        const again = verify(converted, back);
        expect(again.total).toBeGreaterThan(0);
        expect(again.differences.filter((d) => !d.explainedBy)).toEqual([]);
      });

  test('the canary split survives with its shares: 90% and 10% reach the same pods as the subsets did', () => {
    const source = design('canary', 'istio');
    const result = verify(source, convert(source, 'gateway-api'));
    expect(result.differences).toEqual([]);
    expect(result.same).toBe(result.total);
  });

  test('HTTPS redirect in the Istio API becomes an HTTPRoute with a RequestRedirect on the HTTP listener', () => {
    const conversion = convert(design('https', 'istio'), 'gateway-api');
    const text = conversion.files[0]?.text ?? '';
    expect(text).toMatch(
      /name: shop-gateway-https-redirect[\s\S]*sectionName: http\n[\s\S]*type: RequestRedirect\n\s+requestRedirect:\n\s+scheme: https\n\s+statusCode: 301/,
    );
    expect(text).toMatch(
      /protocol: HTTPS\n\s+tls:\n\s+mode: Terminate\n\s+certificateRefs:\n\s+- name: shop-credential/,
    );
  });
});
