/**
 * An Ingress whose class no modelled controller serves (not ingress-nginx, not Istio), simulated
 * as the Kubernetes Ingress documentation describes any controller: the host (exact, one-label
 * wildcard, rules without host), the longest matching path (Exact before Prefix at equal length,
 * Prefix by whole path elements), else the defaultBackend, else 404. Annotations are the real
 * controller's business: a note says they are not simulated.
 */
import type { IngressBackend } from '../../model/ingress.ts';
import { pickIngressHost, pickPath } from '../../model/ingressPaths.ts';
import type { IndexedIngress } from '../../workspace/ingressIndex.ts';
import { SCORE, type Scored } from '../httpFlow.ts';
import { hostOf, receivedRequest } from '../request.ts';
import { ingressDestination } from './backend.ts';
import {
  candidatesFor,
  dctxOf,
  hostScore,
  type IngressFlow,
  matchedHead,
  notFound,
  pathAt,
  pathSteps,
  unrouted,
} from './flow.ts';

export function routeSpec(flow: IngressFlow): Scored {
  const { request, steps, served } = flow;
  steps.push({
    kind: 'note',
    detail: `${flow.controller.name} is not modelled: the Kubernetes Ingress semantics (pathType Exact, Prefix by path elements, longest path first) stand in for it; its annotations are not simulated`,
  });
  const host = hostOf(request.authority);
  const hosts = served.flatMap((i) => i.paths.map((p) => p.host));
  const chosen = pickIngressHost(hosts, host, 'spec');
  const score = chosen === undefined ? SCORE.any : hostScore(chosen);
  const candidates = chosen === undefined ? [] : candidatesFor(flow, served, chosen, () => false);
  steps.push({
    kind: 'virtualHost',
    matched: chosen !== undefined,
    detail:
      chosen === undefined
        ? `no Ingress rule serves host ${host}`
        : `host ${chosen || '(any)'} for ${host}: ${candidates.length} ${candidates.length === 1 ? 'path' : 'paths'}`,
  });
  const picked = pickPath(candidates, request.path, 'spec');
  pathSteps(flow, candidates, picked?.candidate);
  const c = picked?.candidate;
  if (c)
    return routed(
      flow,
      score,
      c.indexed,
      c.at.value.backend,
      [...pathAt(c).path, 'backend'],
      matchedHead(flow, c).rule,
    );
  // The default backend takes what no host or path does.
  const ofHost = served.filter(
    (i) => chosen !== undefined && i.paths.some((p) => p.host === chosen),
  );
  const owner = [...ofHost, ...served].find((i) => i.ingress.defaultBackend?.service);
  if (owner) {
    steps.push({
      kind: 'note',
      detail: `no path matches ${request.path}: the defaultBackend of ${owner.entry.id} takes it`,
      resource: owner.entry.id,
      path: ['spec', 'defaultBackend'],
    });
    return routed(
      flow,
      score,
      owner,
      owner.ingress.defaultBackend,
      ['spec', 'defaultBackend'],
      null,
    );
  }
  return notFound(
    flow,
    chosen === undefined ? SCORE.none : score,
    `no Ingress path matches ${request.path} and no defaultBackend takes it: 404`,
  );
}

function routed(
  flow: IngressFlow,
  score: number,
  owner: IndexedIngress,
  backend: IngressBackend | undefined,
  path: (string | number)[],
  rule: ReturnType<typeof matchedHead>['rule'] | null,
): Scored {
  if (!backend) return notFound(flow, score, 'the path has no backend: 404');
  const { destination, step } = ingressDestination(
    dctxOf(flow),
    { backend, namespace: owner.ingress.metadata.namespace, resource: owner.entry.id, path },
    'spec',
    1,
    'backend',
  );
  flow.steps.push(step);
  if (!destination) return notFound(flow, score, 'no Service backend: 404');
  return {
    score,
    simulation: {
      ...unrouted(flow),
      ingress: owner.entry.id,
      rule,
      outcome: 'route',
      status: destination.endpoints === 'none' ? 503 : null,
      request: receivedRequest(flow.request),
      destinations: [destination],
    },
  };
}
