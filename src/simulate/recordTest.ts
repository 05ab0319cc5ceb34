import type { SavedTest, TestExpectation } from './savedTests.ts';
import type { SimRequest, Simulation } from './types.ts';

/**
 * A saved test that pins down what the request does now: the outcome, and what identifies it
 * (the rule and destinations taking traffic for a route; the status and location otherwise).
 * "Save as test" records this, so a later edit that changes the answer fails the test.
 */
export function recordTest(name: string, request: SimRequest, simulation: Simulation): SavedTest {
  const expect: TestExpectation = { outcome: simulation.outcome };
  const rule = simulation.rule;
  const pinned: { -readonly [K in keyof TestExpectation]: TestExpectation[K] } = { ...expect };
  if (rule) pinned.rule = rule.name ?? rule.index;
  if (simulation.virtualService) pinned.virtualService = simulation.virtualService;
  if (simulation.httpRoute) pinned.httpRoute = simulation.httpRoute;
  if (simulation.ingress) pinned.ingress = simulation.ingress;
  if (simulation.outcome === 'route') {
    pinned.destinations = simulation.destinations
      .filter((d) => d.probability > 0)
      .map((d) => ({ host: d.host, ...(d.subset ? { subset: d.subset } : {}) }));
    pinned.path = simulation.request.path;
  }
  // A route the gateway answers with 503 (no endpoints) is pinned with its status too.
  if (simulation.status !== null) pinned.status = simulation.status;
  if (simulation.redirect) pinned.redirect = simulation.redirect.location;
  return { name, request, expect: pinned };
}

/** `GET shop.example.com/api (x-beta)`: a readable default name for a saved request. */
export function requestName(request: SimRequest): string {
  const url = request.url.replace(/^[a-z]+:\/\//i, '');
  const headers = Object.keys(request.headers ?? {});
  return `${request.method ?? 'GET'} ${url}${headers.length ? ` (${headers.join(', ')})` : ''}`;
}
