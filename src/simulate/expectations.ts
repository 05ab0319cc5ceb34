import type { ExpectedDestination, TestExpectation } from './savedTests.ts';
import type { SimDestination, Simulation } from './types.ts';

/**
 * What differs between a simulation and what a saved test expects, one human sentence each
 * ("expected subset v2, got v1"). Empty when the test passes.
 */
export function mismatches(simulation: Simulation, expected: TestExpectation): string[] {
  const out: string[] = [];
  if (expected.outcome !== undefined && expected.outcome !== simulation.outcome)
    out.push(`expected outcome ${expected.outcome}, got ${simulation.outcome}`);
  if (expected.status !== undefined && expected.status !== simulation.status)
    out.push(`expected status ${expected.status}, got ${simulation.status}`);
  if (
    expected.virtualService !== undefined &&
    !sameResource(expected.virtualService, simulation.virtualService)
  )
    out.push(
      `expected VirtualService ${expected.virtualService}, got ${simulation.virtualService ?? 'none'}`,
    );
  if (
    expected.httpRoute !== undefined &&
    !sameResource(expected.httpRoute, simulation.httpRoute ?? null)
  )
    out.push(`expected route ${expected.httpRoute}, got ${simulation.httpRoute ?? 'none'}`);
  if (expected.ingress !== undefined && !sameResource(expected.ingress, simulation.ingress ?? null))
    out.push(`expected Ingress ${expected.ingress}, got ${simulation.ingress ?? 'none'}`);
  if (expected.rule !== undefined) {
    const rule = simulation.rule;
    const got = rule ? `${rule.name ?? 'unnamed'} (${rule.section}[${rule.index}])` : 'no rule';
    const same =
      rule !== null &&
      (typeof expected.rule === 'number'
        ? rule.index === expected.rule
        : rule.name === expected.rule);
    if (!same) out.push(`expected rule ${expected.rule}, got ${got}`);
  }
  if (expected.destinations !== undefined)
    out.push(...destinationMismatches(expected.destinations, simulation.destinations));
  if (expected.redirect !== undefined && expected.redirect !== simulation.redirect?.location)
    out.push(
      `expected redirect to ${expected.redirect}, got ${simulation.redirect?.location ?? 'no redirect'}`,
    );
  if (expected.path !== undefined && expected.path !== simulation.request.path)
    out.push(`expected backend path ${expected.path}, got ${simulation.request.path}`);
  return out;
}

/** `Kind/ns/name` as written, `ns/name` or a bare name (of a VirtualService or a Gateway API route). */
/** `Kind/ns/name` exactly, or `ns/name` / a bare name at the end of the id. */
function sameResource(expected: string, actual: string | null): boolean {
  if (actual === null) return false;
  const parts = expected.split('/');
  if (parts.length === 3) return expected === actual;
  return actual.endsWith(`/${expected}`);
}

/** A host matches as written (FQDN) or as its first labels: `reviews` or `reviews.shop`. */
function hostMatches(expected: string, actual: string): boolean {
  const e = expected.toLowerCase();
  return actual === e || actual.startsWith(`${e}.`);
}

function fits(e: ExpectedDestination, d: SimDestination): boolean {
  return (
    hostMatches(e.host, d.host) &&
    (e.subset === undefined || e.subset === d.subset) &&
    (e.port === undefined || e.port === d.port)
  );
}

function destinationText(d: {
  host: string;
  subset?: string | null;
  port?: number | null;
}): string {
  return `${d.host}${d.subset ? ` subset ${d.subset}` : ''}${d.port ? ` port ${d.port}` : ''}`;
}

/** Destinations compared as sets with those that take traffic (probability > 0). */
function destinationMismatches(
  expected: readonly ExpectedDestination[],
  all: readonly SimDestination[],
): string[] {
  const actual = all.filter((d) => d.probability > 0);
  const [e] = expected;
  const [a] = actual;
  if (expected.length === 1 && actual.length === 1 && e && a && hostMatches(e.host, a.host)) {
    const out: string[] = [];
    if (e.subset !== undefined && e.subset !== a.subset)
      out.push(`expected subset ${e.subset}, got ${a.subset ?? 'none'}`);
    if (e.port !== undefined && e.port !== a.port)
      out.push(`expected port ${e.port}, got ${a.port ?? 'none'}`);
    return out;
  }
  const out: string[] = [];
  for (const x of expected)
    if (!actual.some((d) => fits(x, d)))
      out.push(`expected destination ${destinationText(x)}, not routed there`);
  for (const d of actual)
    if (!expected.some((x) => fits(x, d))) out.push(`unexpected destination ${destinationText(d)}`);
  if (actual.length === 0 && expected.length > 0 && out.length === 0)
    out.push('expected destinations, got none');
  return out;
}
