/**
 * ingress-nginx: the server for the request's host (exact, one-label wildcard, else the catch-all
 * `_` of the rules without host), `app-root` (a server-level `if ($uri = /)`), the location
 * (`model/ingressPaths.ts`, regexes when any Ingress of the host asks), then in the location: a
 * `permanent-redirect` / `temporal-redirect` `return`, the HTTPS redirect of the Lua rewrite
 * phase, the canary choice, `rewrite-target`, `upstream-vhost` and `backend-protocol`. A path no
 * location takes goes to the server's root location: the default backend of the Ingress that
 * created the server (for `_`, of an Ingress with a defaultBackend and no rules), else the
 * controller's own default backend, which answers 404.
 */
import type { IngressBackend } from '../../model/ingress.ts';
import { type NginxAnnotations, nginxAnnotations, usesRegex } from '../../model/ingressNginx.ts';
import { pickIngressHost, pickPath } from '../../model/ingressPaths.ts';
import { formatShare } from '../../model/weights.ts';
import type { IndexedIngress } from '../../workspace/ingressIndex.ts';
import { SCORE, type Scored } from '../httpFlow.ts';
import { fullPath, hostOf } from '../request.ts';
import type { SimDestination, Simulation } from '../types.ts';
import { ingressDestination } from './backend.ts';
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
  unrouted,
} from './flow.ts';
import { canaryChoice, httpsRedirectLocation, nginxRewrite } from './nginxActions.ts';

const annotationsCache = new WeakMap<IndexedIngress, NginxAnnotations>();

function annotationsOf(i: IndexedIngress): NginxAnnotations {
  let read = annotationsCache.get(i);
  if (!read) {
    read = nginxAnnotations(i.ingress.metadata.annotations);
    annotationsCache.set(i, read);
  }
  return read;
}

export function nginxLocation(flow: IngressFlow): Scored {
  const { request, steps, served } = flow;
  const host = hostOf(request.authority);
  const main = served.filter((i) => !annotationsOf(i).canary);
  const canaries = served.filter((i) => annotationsOf(i).canary);
  const hosts = main.flatMap((i) => i.ingress.rules.map((r) => r.host ?? ''));
  const chosen = pickIngressHost(hosts, host, 'nginx');
  const server = chosen ?? '';
  const catchAll = main.find(
    (i) => i.ingress.rules.length === 0 && i.ingress.defaultBackend?.service,
  );
  const score = chosen === undefined ? (catchAll ? SCORE.any : SCORE.none) : hostScore(chosen);
  steps.push({
    kind: 'virtualHost',
    matched: chosen !== undefined || catchAll !== undefined,
    detail:
      chosen === undefined
        ? `no Ingress rule names host ${host}: the catch-all server _ takes it`
        : `server ${chosen || '_ (rules without host)'} for ${host}`,
  });
  const ofHost = main.filter((i) =>
    i.ingress.rules.some((r) => (r.host ?? '').toLowerCase() === server.toLowerCase()),
  );
  const appRoot = ofHost.find((i) => annotationsOf(i).appRoot !== undefined);
  if (appRoot && request.path === '/') {
    const location = `${request.scheme}://${request.authority}${annotationsOf(appRoot).appRoot}`;
    steps.push({
      kind: 'redirect',
      detail: `app-root: ${request.path} is redirected with 302 to ${location}`,
      resource: appRoot.entry.id,
      path: ['metadata', 'annotations', 'nginx.ingress.kubernetes.io/app-root'],
    });
    return {
      score,
      simulation: {
        ...unrouted(flow),
        ingress: appRoot.entry.id,
        outcome: 'redirect',
        status: 302,
        redirect: { location, status: 302 },
      },
    };
  }
  const regexHost = ofHost.filter((i) =>
    usesRegex(
      annotationsOf(i),
      i.paths.filter((p) => p.host.toLowerCase() === server.toLowerCase()).map((p) => p.value.path),
    ),
  );
  if (regexHost.length > 0)
    steps.push({
      kind: 'note',
      detail: `${regexHost.map((i) => i.entry.id).join(', ')} ${regexHost.length > 1 ? 'use' : 'uses'} use-regex or rewrite-target: every path of ${server || '_'} is a case-insensitive regex`,
    });
  const candidates = candidatesFor(flow, main, server, () => regexHost.length > 0);
  const picked = pickPath(candidates, request.path, 'nginx');
  pathSteps(flow, candidates, picked?.candidate);
  if (!picked) {
    const owner = chosen === undefined || chosen === '' ? catchAll : ofHost[0];
    const fallback = owner?.ingress.defaultBackend;
    if (owner && fallback?.service) {
      steps.push({
        kind: 'note',
        detail: `no path of ${server || '_'} matches ${request.path}: the root location sends it to the defaultBackend of ${owner.entry.id}`,
        resource: owner.entry.id,
        path: ['spec', 'defaultBackend'],
      });
      return routeTo(flow, score, owner, undefined, fallback, ['spec', 'defaultBackend']);
    }
    return notFound(
      flow,
      score,
      `no path of ${server || '_'} matches ${request.path} and no defaultBackend takes it: the controller's default backend answers 404`,
    );
  }
  return inLocation(flow, score, picked.candidate, regexHost.length > 0, canaries, server);
}

function inLocation(
  flow: IngressFlow,
  score: number,
  c: Candidate,
  regex: boolean,
  canaries: readonly IndexedIngress[],
  server: string,
): Scored {
  const { request, steps } = flow;
  const a = annotationsOf(c.indexed);
  const id = c.indexed.entry.id;
  const annotationPath = (name: string) => [
    'metadata',
    'annotations',
    `nginx.ingress.kubernetes.io/${name}`,
  ];
  if (a.unmodelled.length > 0)
    steps.push({
      kind: 'note',
      detail: `not simulated: ${a.unmodelled.map((n) => `nginx.ingress.kubernetes.io/${n}`).join(', ')}`,
      resource: id,
      path: ['metadata', 'annotations'],
    });
  if (a.redirect) {
    steps.push({
      kind: 'redirect',
      detail: `${a.redirect.annotation}: ${a.redirect.code} to ${a.redirect.url}`,
      resource: id,
      path: annotationPath(a.redirect.annotation),
    });
    return redirected(flow, score, c, a.redirect.url, a.redirect.code);
  }
  if (request.scheme === 'http') {
    const host = hostOf(request.authority);
    const tls = flow.served.some((i) =>
      i.ingress.tls.some((t) => t.hosts.some((h) => pickIngressHost([h], host, 'nginx') === h)),
    );
    if (a.forceSslRedirect || (a.sslRedirect && tls)) {
      const location = httpsRedirectLocation(
        host,
        request.path,
        request.query,
        a.preserveTrailingSlash,
      );
      steps.push({
        kind: 'redirect',
        detail: a.forceSslRedirect
          ? `force-ssl-redirect: 308 to ${location}`
          : `a tls entry covers ${host} and ssl-redirect is on (the default): 308 to ${location}`,
        resource: id,
        path: a.forceSslRedirect ? annotationPath('force-ssl-redirect') : ['spec', 'tls'],
      });
      return redirected(flow, score, c, location, 308);
    }
  }
  // The canary Ingress for the same host and path, if any (ingress-nginx uses the first).
  const canary = canaries.find((i) =>
    i.paths.some(
      (p) =>
        p.host.toLowerCase() === server.toLowerCase() &&
        (p.value.path || '/') === (c.at.value.path || '/'),
    ),
  );
  return routeTo(flow, score, c.indexed, c, c.at.value.backend, [...pathAt(c).path, 'backend'], {
    regex,
    canary,
  });
}

function redirected(
  flow: IngressFlow,
  score: number,
  c: Candidate,
  location: string,
  status: number,
): Scored {
  return {
    score,
    simulation: {
      ...unrouted(flow),
      ...matchedHead(flow, c),
      outcome: 'redirect',
      status,
      redirect: { location, status },
    },
  };
}

function routeTo(
  flow: IngressFlow,
  score: number,
  owner: IndexedIngress,
  c: Candidate | undefined,
  backend: IngressBackend | undefined,
  backendPath: (string | number)[],
  options: { regex: boolean; canary: IndexedIngress | undefined } = {
    regex: false,
    canary: undefined,
  },
): Scored {
  const { request, steps } = flow;
  const a = annotationsOf(owner);
  const id = owner.entry.id;
  const dctx = dctxOf(flow);
  const namespace = owner.ingress.metadata.namespace;
  let mainShare = 1;
  let canaryShare = 0;
  const canary = options.canary;
  const canaryPath = canary?.paths.find((p) => (p.value.path || '/') === (c?.at.value.path || '/'));
  if (canary && canaryPath) {
    const settings = annotationsOf(canary).canary;
    if (settings) {
      const choice = canaryChoice(settings, request.headers);
      canaryShare =
        choice.verdict === 'canary'
          ? 1
          : choice.verdict === 'main'
            ? 0
            : Math.min(1, settings.weight / settings.weightTotal);
      mainShare = 1 - canaryShare;
      steps.push({
        kind: 'note',
        detail: `canary ${canary.entry.id}: ${choice.detail}: ${choice.verdict === 'weight' ? `${formatShare(canaryShare)} of requests to the canary` : choice.verdict === 'canary' ? 'the canary takes the request' : 'the main backend takes the request'}`,
        resource: canary.entry.id,
        path: ['metadata', 'annotations'],
      });
    }
  }
  let path = request.path;
  let query = request.query;
  const written = c?.at.value.path;
  if (
    options.regex &&
    a.rewriteTarget !== undefined &&
    written !== undefined &&
    written !== a.rewriteTarget
  ) {
    const rewritten = nginxRewrite(written, a.rewriteTarget, path, query);
    steps.push({
      kind: 'rewrite',
      detail: rewritten
        ? `rewrite-target ${a.rewriteTarget}: ${fullPath(path, query)} → ${fullPath(rewritten.path, rewritten.query)}`
        : `rewrite-target ${a.rewriteTarget}: (?i)${written} does not match ${path}, the path is kept`,
      resource: id,
      path: ['metadata', 'annotations', 'nginx.ingress.kubernetes.io/rewrite-target'],
    });
    if (rewritten) ({ path, query } = rewritten);
  }
  let authority = request.authority;
  if (a.upstreamVhost !== undefined) {
    steps.push({
      kind: 'headers',
      detail: `upstream-vhost: Host ${authority} → ${a.upstreamVhost}`,
      resource: id,
      path: ['metadata', 'annotations', 'nginx.ingress.kubernetes.io/upstream-vhost'],
    });
    authority = a.upstreamVhost;
  }
  if (a.backendProtocol !== 'HTTP')
    steps.push({
      kind: 'note',
      detail: `backend-protocol ${a.backendProtocol}: the controller speaks ${a.backendProtocol} to the backend`,
      resource: id,
      path: ['metadata', 'annotations', 'nginx.ingress.kubernetes.io/backend-protocol'],
    });
  const destinations: SimDestination[] = [];
  const add = (
    b: IngressBackend | undefined,
    share: number,
    label: string,
    at: { resource: string; path: (string | number)[]; namespace: string },
  ) => {
    if (!b) return;
    const { destination, step } = ingressDestination(
      dctx,
      { backend: b, namespace: at.namespace, resource: at.resource, path: at.path },
      'nginx',
      share,
      label,
    );
    steps.push(step);
    if (destination) destinations.push(destination);
  };
  add(backend, mainShare, canary && canaryPath ? 'main backend' : 'backend', {
    resource: id,
    path: backendPath,
    namespace,
  });
  if (canary && canaryPath)
    add(canaryPath.value.backend, canaryShare, 'canary backend', {
      resource: canary.entry.id,
      path: ['spec', 'rules', canaryPath.rule, 'http', 'paths', canaryPath.path, 'backend'],
      namespace: canary.ingress.metadata.namespace,
    });
  const taken = destinations.filter((d) => d.probability > 0);
  const head: Pick<Simulation, 'rule'> & { ingress: string } = c
    ? { ingress: c.indexed.entry.id, rule: matchedHead(flow, c).rule }
    : { ingress: id, rule: null };
  if (destinations.length === 0)
    return notFound(
      flow,
      score,
      "no Service backend: the controller's default backend answers 404",
    );
  return {
    score,
    simulation: {
      ...unrouted(flow),
      ...head,
      outcome: 'route',
      status: taken.length > 0 && taken.every((d) => d.endpoints === 'none') ? 503 : null,
      request: {
        path: fullPath(path, query),
        authority,
        method: request.method,
        scheme: request.scheme,
        headers: Object.fromEntries(request.headers),
      },
      destinations,
    },
  };
}
