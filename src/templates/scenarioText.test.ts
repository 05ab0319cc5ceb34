import { describe, expect, test } from 'vitest';
import { emptyWorkspace, exampleWorkspace } from '../testing/scenarios.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { SCALING_PACK } from './scalingPack.ts';
import { scenarioYaml } from './scenarioText.ts';
import { CANARY } from './trafficSplits.ts';

/** The documents of a YAML stream, read back as the designer reads any input. */
function reread(yaml: string) {
  const workspace = loadWorkspace([{ name: 'out.yaml', text: yaml }]);
  return workspace.files[0]?.docs.map(
    (d) => d.object && `${d.object.kind} ${d.object.metadata.name}`,
  );
}

describe('the text of a scenario', () => {
  test('is its documents, one --- between each, that read back as the resources it adds', () => {
    const yaml = scenarioYaml(CANARY, { api: 'gateway-api' }, emptyWorkspace());
    expect(yaml.ok).toBe(true);
    if (!yaml.ok) return;
    expect(yaml.value.startsWith('apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n')).toBe(
      true,
    );
    expect(yaml.value.match(/^---$/gm)).toHaveLength(5);
    expect(reread(yaml.value)).toEqual([
      'Gateway.gateway.networking.k8s.io shop-gateway',
      'HTTPRoute shop',
      'Service shop-v1',
      'Service shop-v2',
      'Deployment shop-v1',
      'Deployment shop-v2',
    ]);
  });

  test('on a workspace: only what the scenario adds, not what was there', () => {
    const yaml = scenarioYaml(CANARY, {}, exampleWorkspace());
    expect(yaml.ok && reread(yaml.value)).toEqual([
      'Gateway shop-gateway',
      'VirtualService shop',
      'DestinationRule shop',
      'Service shop',
      'Deployment shop-v1',
      'Deployment shop-v2',
    ]);
  });

  test('a pack that extends prints the documents it changed', () => {
    const yaml = scenarioYaml(SCALING_PACK, { maxReplicas: 7 }, exampleWorkspace());
    const docs = yaml.ok ? reread(yaml.value) : [];
    expect(docs).toContain('HorizontalPodAutoscaler istio-ingressgateway');
    // What it leaves alone is not printed.
    expect(docs).not.toContain('VirtualService myapp');
    expect(yaml.ok && yaml.value).toContain('maxReplicas: 7');
  });

  test('is refused as the dialog refuses', () => {
    expect(scenarioYaml(CANARY, { api: 'gateway' }, emptyWorkspace())).toEqual({
      ok: false,
      error: 'API: Choose one of istio, gateway-api',
    });
  });
});
