import { type Command, type CommandResult, fail, ok } from '../edit/command.ts';
import { DEFAULT_INGRESS } from '../model/defaultIngress.ts';
import { hostsOverlap } from '../model/hosts.ts';
import { readObject } from '../model/kinds.ts';
import { selects } from '../model/labels.ts';
import { resourceId } from '../model/resource.ts';
import { splitServerHost } from '../model/serverHosts.ts';
import { buildCatalog } from '../workspace/catalog.ts';
import { findEntry, type Workspace } from '../workspace/workspace.ts';
import type { ConfigMapManifest, Manifest } from './manifests.ts';

/**
 * Turns a scenario's manifests into its one command, refusing names the workspace already
 * uses: a scenario adds a design, it never overwrites one (the scaling pack, which extends
 * the gateway's resources on purpose, builds its own commands).
 */
export function addManifests(
  workspace: Workspace,
  manifests: readonly (Manifest | ConfigMapManifest)[],
  extra: readonly Command[] = [],
): CommandResult<Command> {
  for (const manifest of manifests) {
    const { kind, metadata } = manifest;
    // The typed kind, as resource ids carry it: a Gateway API Gateway's has its group.
    const typed = readObject(manifest)?.kind ?? kind;
    if (findEntry(workspace, resourceId(typed, metadata.namespace, metadata.name))) {
      return fail(
        `${kind} ${metadata.namespace}/${metadata.name} already exists: choose another name`,
      );
    }
  }
  return ok({
    type: 'batch',
    commands: [
      ...manifests.map((value): Command => ({ type: 'addResource', value: { ...value } })),
      ...extra,
    ],
  });
}

/**
 * A Gateway of the workspace that already serves `host` on one of `ports` for the pods the
 * scenario's Gateway selects. A second Gateway there would conflict (IST0145: same selector,
 * port and host), so the scenario refuses and names it.
 */
export function hostInUse(
  workspace: Workspace,
  host: string,
  ports: readonly number[],
  podLabels: Readonly<Record<string, string>> = DEFAULT_INGRESS.installLabels,
): string | undefined {
  for (const gateway of buildCatalog(workspace).gateways) {
    const selector = gateway.object.selector;
    if (selector && !selects(selector, podLabels)) continue;
    for (const server of gateway.object.servers) {
      const port = server.port?.number;
      if (port === undefined || !ports.includes(port)) continue;
      const taken = server.hosts.find((h) => hostsOverlap(splitServerHost(h).dnsName, host));
      if (taken !== undefined) {
        return `${gateway.id} already serves ${taken} on port ${port} for the same gateway pods: choose another host, or route ${host} from that Gateway`;
      }
    }
  }
  return undefined;
}
