import type { Command, CommandResult } from '../edit/command.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { addManifests } from './additions.ts';
import {
  type App,
  plainBackend,
  routingCommand,
  versionDeployments,
  versionedBackend,
} from './app.ts';
import type { DesignApi } from './designApi.ts';
import {
  backendRef,
  HTTPS_REDIRECT,
  httpListener,
  httpRoute,
  httpsListener,
  k8sGateway,
  type ListenerScope,
  mirrorFilter,
  parentRef,
} from './gatewayApiManifests.ts';
import { destination, httpsServer, type Manifest, redirectServer, service } from './manifests.ts';

/**
 * A routing scenario said once and written in either API. The Istio API splits one Service by
 * DestinationRule subsets; the Gateway API has no subsets, so each version is a Service of its
 * own (`<name>-<version>`, selecting the `version` label), as Istio's helloworld sample does.
 */

/** Where a rule sends requests: a version of the app, or a Service of its own. */
export interface Target {
  readonly service: string;
  /** A subset in the Istio API; Service `<service>-<version>` in the Gateway API. */
  readonly version?: string;
  readonly weight?: number;
}

export interface TrafficRule {
  readonly name: string;
  /** Only requests with this header value (exact). */
  readonly header?: { readonly name: string; readonly value: string };
  /** Only requests under this path prefix. */
  readonly pathPrefix?: string;
  readonly to: readonly Target[];
  /** A copy of `percent` of the requests goes to `to`; its answers are dropped. */
  readonly mirror?: { readonly to: Target; readonly percent: number };
}

export interface TrafficDesign {
  readonly rules: readonly TrafficRule[];
  /**
   * What answers: versions of the app (Deployments `<name>-<version>`), or Services of their
   * own, each with one Deployment.
   */
  readonly backend:
    | { readonly versions: readonly string[] }
    | { readonly services: readonly { readonly name: string; readonly container: string }[] };
  /** HTTPS on port 443 with the certificate of this Secret; plain HTTP gets a 301 to https. */
  readonly https?: { readonly credentialName: string };
}

/** The one command that adds `design` in `api`. */
export function designCommand(
  app: App,
  workspace: Workspace,
  api: DesignApi,
  design: TrafficDesign,
): CommandResult<Command> {
  return api === 'gateway-api'
    ? gatewayApiCommand(app, workspace, design)
    : routingCommand(app, workspace, {
        ...(design.https
          ? {
              servers: [
                httpsServer(app.host, 'SIMPLE', design.https.credentialName),
                redirectServer(app.host),
              ],
            }
          : {}),
        http: design.rules.map(istioRule),
        backend:
          'versions' in design.backend
            ? versionedBackend(app, design.backend.versions)
            : plainServices(app, design.backend.services),
      });
}

function plainServices(app: App, services: readonly { name: string; container: string }[]) {
  return services.flatMap((s) => plainBackend(app.namespace, s.name, s.container));
}

function istioRule(rule: TrafficRule): Readonly<Record<string, unknown>> {
  const match = rule.header
    ? [{ headers: { [rule.header.name]: { exact: rule.header.value } } }]
    : rule.pathPrefix !== undefined
      ? [{ uri: { prefix: rule.pathPrefix } }]
      : undefined;
  const mirror = rule.mirror;
  return {
    name: rule.name,
    ...(match ? { match } : {}),
    route: rule.to.map((t) => destination(t.service, t.version, t.weight)),
    ...(mirror
      ? {
          mirror: destination(mirror.to.service, mirror.to.version).destination,
          mirrorPercentage: { value: mirror.percent },
        }
      : {}),
  };
}

/** The Service a target names in the Gateway API: one per version. */
function serviceOf(target: Target): string {
  return target.version === undefined ? target.service : `${target.service}-${target.version}`;
}

function gatewayApiRule(rule: TrafficRule): Readonly<Record<string, unknown>> {
  const matches = rule.header
    ? [{ headers: [{ type: 'Exact', name: rule.header.name, value: rule.header.value }] }]
    : rule.pathPrefix !== undefined
      ? [{ path: { type: 'PathPrefix', value: rule.pathPrefix } }]
      : undefined;
  return {
    name: rule.name,
    ...(matches ? { matches } : {}),
    ...(rule.mirror
      ? { filters: [mirrorFilter(serviceOf(rule.mirror.to), rule.mirror.percent)] }
      : {}),
    backendRefs: rule.to.map((t) => backendRef(serviceOf(t), t.weight)),
  };
}

/**
 * Gateway `<name>-gateway` of class `istio` (Istio deploys its pods and LoadBalancer Service
 * `<name>-gateway-istio`), HTTPRoute `<name>` (and `<name>-redirect` on the HTTP listener of an
 * HTTPS design), then the Services and Deployments: the order a request follows.
 */
function gatewayApiCommand(
  app: App,
  workspace: Workspace,
  design: TrafficDesign,
): CommandResult<Command> {
  const scope: ListenerScope = {
    hostname: app.host,
    gatewayNamespace: app.gatewayNamespace,
    routeNamespace: app.namespace,
  };
  const gateway = { name: app.gatewayName, namespace: app.gatewayNamespace };
  const parent = (section?: string) => parentRef(gateway, app.namespace, section);
  const rules = design.rules.map(gatewayApiRule);
  const routes = design.https
    ? [
        httpRoute(app.name, app.namespace, parent('https'), app.host, rules),
        httpRoute(`${app.name}-redirect`, app.namespace, parent('http'), app.host, [
          { filters: [HTTPS_REDIRECT] },
        ]),
      ]
    : [httpRoute(app.name, app.namespace, parent(), app.host, rules)];
  const listeners = design.https
    ? [httpsListener(scope, design.https.credentialName), httpListener(scope)]
    : [httpListener(scope)];
  return addManifests(workspace, [
    k8sGateway(app.gatewayName, app.gatewayNamespace, listeners),
    ...routes,
    ...gatewayApiBackend(app, design.backend),
  ]);
}

/** Per version a Service selecting it (`app` and `version`), then the Deployments. */
function gatewayApiBackend(app: App, backend: TrafficDesign['backend']): Manifest[] {
  if (!('versions' in backend)) return plainServices(app, backend.services);
  return [
    ...backend.versions.map((version) =>
      service(`${app.name}-${version}`, app.namespace, { app: app.name, version }),
    ),
    ...versionDeployments(app, backend.versions),
  ];
}
