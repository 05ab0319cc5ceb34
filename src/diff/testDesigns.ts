/**
 * Test designs for the diff: the app's example (myapp behind the ingress gateway) with its one
 * route split between the v1 and v2 subsets, and optionally a `/legacy` rule before it.
 */
import { EXAMPLE_YAML } from '../workspace/example.ts';
import type { SourceText } from '../workspace/workspace.ts';

const ROUTE = `    route:
    - destination:
        host: myapp
        port:
          number: 8080
`;

export function canaryYaml(v1: number, v2: number, options: { legacy?: boolean } = {}): string {
  const split = `    route:
    - destination:
        host: myapp
        subset: v1
        port:
          number: 8080
      weight: ${v1}
    - destination:
        host: myapp
        subset: v2
        port:
          number: 8080
      weight: ${v2}
`;
  const legacy = `  - name: legacy
    match:
    - uri:
        prefix: /legacy
    route:
    - destination:
        host: myapp
        subset: v1
`;
  const text = EXAMPLE_YAML.replace(ROUTE, split);
  if (text === EXAMPLE_YAML)
    throw new Error('the example no longer has the route this design splits');
  return options.legacy ? text.replace('  http:\n', `  http:\n${legacy}`) : text;
}

export function canary(v1: number, v2: number, options: { legacy?: boolean } = {}): SourceText[] {
  return [{ name: 'myapp.yaml', text: canaryYaml(v1, v2, options) }];
}
