/**
 * An Ingress ingress-nginx reads as regexes (`use-regex: "true"`, or a `rewrite-target` that
 * needs one: annotations.ts `usesRegex`) whose path is no valid regex: nginx refuses the
 * configuration (the controller's admission webhook rejects the Ingress). RE2 stands in for
 * nginx's PCRE, as the simulator's matching does (`pathRegexProblem`).
 */

import { nginxAnnotations, usesRegex } from '../../model/ingressNginx.ts';
import { pathRegexProblem } from '../../model/ingressPaths.ts';
import { ingressIndex } from '../../workspace/ingressIndex.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';

export function* checkIngressRegexPaths(context: CheckContext): Iterable<Finding> {
  for (const { entry, ingress, paths, reading } of ingressIndex(context.workspace).ingresses) {
    if (reading !== 'nginx') continue;
    const annotations = nginxAnnotations(ingress.metadata.annotations);
    if (
      !usesRegex(
        annotations,
        paths.map((p) => p.value.path),
      )
    )
      continue;
    for (const at of paths) {
      const path = at.value.path;
      const problem = path ? pathRegexProblem(path) : undefined;
      if (problem === undefined) continue;
      yield {
        code: 'ingress-path-regex-invalid',
        severity: 'error',
        message: `Ingress ${ingress.metadata.namespace}/${ingress.metadata.name}: path "${path}" is read as a regular expression (${annotations.useRegex ? 'use-regex' : 'rewrite-target'}) and does not compile: ${problem}; escape it, or drop the annotation`,
        resource: entry.id,
        at: entryAddress(entry),
        path: ['spec', 'rules', at.rule, 'http', 'paths', at.path, 'path'],
      };
    }
  }
}
