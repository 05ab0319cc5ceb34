/**
 * Istio's own Ingress support (pilot/pkg/config/kube/ingress): a Gateway with an HTTP server on
 * 80 for every host and an HTTPS server per tls entry with a secretName, one VirtualService per
 * host whose routes are the paths of every Ingress for that host, sorted by path length.
 */
import { hostsOverlap } from '../../model/hosts.ts';
import {
  INGRESS_CLASS_ANNOTATION,
  type IngressBackend,
  ingressPathField,
} from '../../model/ingress.ts';
import { pickIngressHost, pickPath } from '../../model/ingressPaths.ts';
import { SCORE, type Scored } from '../httpFlow.ts';
import { hostOf, receivedRequest } from '../request.ts';
import { type BackendAt, backendPort, ingressDestination } from './backend.ts';
import {
  type Candidate,
  candidatesFor,
  dctxOf,
  hostScore,
  type IngressFlow,
  matchedHead,
  notFound,
  pathAt,
  pathSteps,
} from './flow.ts';

/**
 * Istio: the rule hosts of paths with a Service backend (a rule without host is `*`), the Envoy
 * virtual host for the request's host, then the routes sorted by path length, Exact first.
 * `defaultBackend` and nginx annotations play no part.
 */
export function routeIstio(flow: IngressFlow, serverHosts: readonly string[] | undefined): Scored {
  const { request, steps, served } = flow;
  for (const i of served) {
    // shouldProcessIngressWithClass: without the annotation, Istio serves an Ingress only when
    // the IngressClass it names exists with Istio's controller.
    const annotated = i.ingress.metadata.annotations[INGRESS_CLASS_ANNOTATION] !== undefined;
    if (!annotated && !flow.index.ingress.classes.some((c) => c.metadata.name === i.className))
      steps.push({
        kind: 'note',
        detail: `${i.entry.id}: IngressClass ${i.className} is not in this workspace; Istio serves the Ingress only when the cluster has it (controller istio.io/ingress-controller)`,
        resource: i.entry.id,
        path: ['spec', 'ingressClassName'],
      });
    if (i.ingress.defaultBackend)
      steps.push({
        kind: 'note',
        detail: `${i.entry.id}: Istio ignores defaultBackend (use a VirtualService for a catch-all)`,
        resource: i.entry.id,
        path: ['spec', 'defaultBackend'],
      });
    const names = Object.keys(i.ingress.metadata.annotations).filter((k) =>
      k.startsWith('nginx.ingress.kubernetes.io/'),
    );
    if (names.length > 0)
      steps.push({
        kind: 'note',
        detail: `${i.entry.id}: Istio ignores ingress-nginx annotations: ${names.join(', ')}`,
        resource: i.entry.id,
        path: ['metadata', 'annotations'],
      });
  }
  const host = hostOf(request.authority);
  // On HTTPS, only the virtual hosts the server's hosts cover are bound to it (a rule without
  // host is the VirtualService host `*`).
  const hosts = served
    .flatMap((i) => i.paths.map((p) => p.host))
    .filter((h) => !serverHosts || serverHosts.some((s) => hostsOverlap(s, h || '*')));
  const chosen = pickIngressHost(hosts, host, 'istio');
  if (chosen === undefined)
    return notFound(
      flow,
      SCORE.none,
      `no Ingress rule serves host ${host} (hosts: ${[...new Set(hosts)].map((h) => h || '*').join(', ') || 'none'}): 404 (NR)`,
    );
  const score = hostScore(chosen);
  steps.push({
    kind: 'virtualHost',
    matched: true,
    detail: `host ${chosen || '*'} for ${host}`,
  });
  const dctx = dctxOf(flow);
  const candidates = candidatesFor(flow, served, chosen, () => false);
  // Istio drops a path whose backend is no Service or whose named port does not resolve.
  const routable = candidates.filter((c) => {
    const backend = c.at.value.backend;
    const port = backend?.service ? backendPort(dctx, backendAt(c, backend)) : undefined;
    const why = !backend?.service
      ? 'no Service backend'
      : port?.unresolvable
        ? port.problem
        : undefined;
    if (why === undefined) return true;
    steps.push({
      ...pathAt(c),
      kind: 'note',
      detail: `${c.indexed.entry.id} ${ingressPathField(c.at)}: ${why}, so Istio drops the path`,
    });
    return false;
  });
  const picked = pickPath(routable, request.path, 'istio');
  pathSteps(flow, routable, picked?.candidate);
  if (!picked)
    return notFound(
      flow,
      score,
      `no path of host ${chosen || '*'} matches ${request.path}: 404 (NR)`,
    );
  const c = picked.candidate;
  const { destination, step } = ingressDestination(
    dctx,
    backendAt(c, c.at.value.backend as IngressBackend),
    'istio',
    1,
    'backend',
  );
  steps.push(step);
  const destinations = destination ? [destination] : [];
  const failing = destinations.every((d) => d.endpoints === 'none');
  return {
    score,
    simulation: {
      ...matchedHead(flow, c),
      outcome: 'route',
      status: failing ? 503 : null,
      request: receivedRequest(request),
      destinations,
    },
  };
}

function backendAt(c: Candidate, backend: IngressBackend): BackendAt {
  return {
    backend,
    namespace: c.indexed.ingress.metadata.namespace,
    resource: c.indexed.entry.id,
    path: [...pathAt(c).path, 'backend'],
  };
}
