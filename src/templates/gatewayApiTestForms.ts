/**
 * Test forms of the Gateway API scenarios (gatewayApiScenarios.*.test.ts): the parameters that
 * ask for the Gateway API form, the documents a scenario added and their specs, and the
 * listener every default design's Gateway has.
 */
import { applyScenario, emptyWorkspace } from '../testing/scenarios.ts';
import { entries, type Workspace } from '../workspace/workspace.ts';
import { CANARY } from './trafficSplits.ts';

/** The scenarios in their Gateway API form: what `--set api=gateway-api` and the dialog's choice ask for. */
export const GATEWAY_API = { api: 'gateway-api' } as const;

/** The plain values of the documents a scenario added, in order, as `Kind name` → value. */
export function added(
  before: Workspace,
  after: Workspace,
): { kind: string; plain: Record<string, unknown> }[] {
  const old = new Set(entries(before).map((e) => e.id));
  return entries(after)
    .filter((e) => !old.has(e.id))
    .map((e) => ({
      kind: `${String(e.plain.kind)} ${String((e.plain.metadata as { name: string }).name)}`,
      plain: e.plain,
    }));
}

export function addedKinds(params: Record<string, string | number>, scenario = CANARY): string[] {
  const { before, after } = applyScenario(scenario, emptyWorkspace(), {
    ...GATEWAY_API,
    ...params,
  });
  return added(before, after).map((d) => d.kind);
}

export function spec(after: Workspace, kindName: string): unknown {
  const doc = added(emptyWorkspace(), after).find((d) => d.kind === kindName);
  return doc?.plain.spec;
}

export const gatewayApiForm = (scenario = CANARY, params: Record<string, string | number> = {}) =>
  applyScenario(scenario, emptyWorkspace(), { ...GATEWAY_API, ...params }).after;

/** The listener every default design's Gateway has for plain HTTP. */
export const HTTP_LISTENER = {
  name: 'http',
  hostname: 'shop.example.com',
  port: 80,
  protocol: 'HTTP',
  allowedRoutes: { namespaces: { from: 'Same' } },
};
