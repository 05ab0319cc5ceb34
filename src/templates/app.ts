import { type Command, type CommandResult, fail } from '../edit/command.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { addManifests, hostInUse } from './additions.ts';
import {
  deployment,
  destinationRule,
  gateway,
  httpServer,
  type Manifest,
  service,
  virtualService,
} from './manifests.ts';
import { type ResolvedParams, text } from './scenario.ts';

/**
 * The application a routing scenario exposes, named from the user's name: Gateway
 * `<name>-gateway`, VirtualService, DestinationRule and Service `<name>`, Deployments
 * `<name>-<version>`.
 */
export interface App {
  readonly name: string;
  readonly namespace: string;
  readonly gatewayNamespace: string;
  readonly host: string;
  readonly gatewayName: string;
  /** How the VirtualService names its Gateway: always `namespace/name`, explicit. */
  readonly gatewayRef: string;
}

/** The longest suffix `App` adds to the name (`-gateway`), for the name's length check. */
export const APP_SUFFIX = '-gateway';

export function readApp(params: ResolvedParams): App {
  const name = text(params, 'name');
  const gatewayNamespace = text(params, 'gatewayNamespace');
  const gatewayName = `${name}-gateway`;
  return {
    name,
    namespace: text(params, 'namespace'),
    gatewayNamespace,
    host: text(params, 'host'),
    gatewayName,
    gatewayRef: `${gatewayNamespace}/${gatewayName}`,
  };
}

/**
 * Service `<name>` over Deployments `<name>-<version>` (labels `app`, `version`), and the
 * DestinationRule that names one subset per version.
 */
export function versionedBackend(app: App, versions: readonly string[]): Manifest[] {
  const subsets = versions.map((version) => ({ name: version, labels: { version } }));
  return [
    destinationRule(app.name, app.namespace, app.name, subsets),
    service(app.name, app.namespace, { app: app.name }),
    ...versionDeployments(app, versions),
  ];
}

/** One Deployment `<name>-<version>` per version, its pods labelled `app` and `version`. */
export function versionDeployments(app: App, versions: readonly string[]): Manifest[] {
  return versions.map((version) =>
    deployment(
      `${app.name}-${version}`,
      app.namespace,
      { app: app.name, version },
      app.name,
      `example/${app.name}:${version}`,
    ),
  );
}

/** Service and Deployment `name` (its pods labelled `app: name`), with no versions. */
export function plainBackend(namespace: string, name: string, container: string): Manifest[] {
  return [
    service(name, namespace, { app: name }),
    deployment(name, namespace, { app: name }, container, `example/${name}:v1`),
  ];
}

/** Service and Deployment `<name>`, for scenarios that need no subsets. */
export function singleBackend(app: App): Manifest[] {
  return plainBackend(app.namespace, app.name, app.name);
}

export interface RoutingDesign {
  /** The Gateway's servers; plain HTTP on port 80 when not given. */
  readonly servers?: readonly Readonly<Record<string, unknown>>[];
  /** The VirtualService's `http` rules. */
  readonly http: readonly Readonly<Record<string, unknown>>[];
  /** Services, Deployments and DestinationRules behind the route. */
  readonly backend: readonly Manifest[];
}

/**
 * The command of a routing scenario: Gateway, VirtualService, then the backend, in the order
 * a reader follows a request. Refused when a name is taken or another Gateway already serves
 * the host on one of the ports for the same pods.
 */
export function routingCommand(
  app: App,
  workspace: Workspace,
  design: RoutingDesign,
): CommandResult<Command> {
  const servers = design.servers ?? [httpServer(app.host)];
  const ports = servers.map((s) => Number((s.port as { number: number }).number));
  const taken = hostInUse(workspace, app.host, ports);
  if (taken) return fail(taken);
  return addManifests(workspace, [
    gateway(app.gatewayName, app.gatewayNamespace, servers),
    virtualService(app.name, app.namespace, app.host, app.gatewayRef, design.http),
    ...design.backend,
  ]);
}
