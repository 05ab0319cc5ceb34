import { resolveGatewayRef } from '../../model/gatewayNames.ts';
import { resolveHost } from '../../model/hosts.ts';
import type { VirtualService } from '../../model/virtualService.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { Command, CommandResult } from '../command.ts';
import { fail } from '../command.ts';
import { carriesRulesOf, serverHostEntry, serverLabel, servesAnyHost } from './gatewayHosts.ts';
import { type Gesture, gesture, type Offer } from './gesture.ts';
import { type Found, qualifiedName, rawLength, resourcesOf } from './lookup.ts';

/**
 * Gateway → VirtualService: appends the Gateway to the VirtualService's `gateways` as
 * `namespace/name` (the form that reads the same from any namespace; virtual_service.proto
 * accepts a bare name for the VirtualService's own namespace, but it hides where the Gateway is).
 * Offers, as follow-ups, to add a VirtualService host to a server when the Gateway serves none
 * of them, and to keep the VirtualService in the mesh when binding takes it out.
 */
export function bindGateway(
  workspace: Workspace,
  gateway: Found<'Gateway'>,
  vs: Found<'VirtualService'>,
): CommandResult<Gesture> {
  const gw = gateway.object;
  const v = vs.object;
  const ref = qualifiedName(gw);
  const name = v.metadata.name;
  if (v.hosts.length === 0) {
    return fail(
      `${name} is a delegate VirtualService (it has no hosts) and Istio does not let a delegate bind to a Gateway: connect a rule of a root VirtualService to it instead`,
    );
  }
  const bound = (v.gateways ?? []).some((r) => {
    const target = resolveGatewayRef(r, v.metadata.namespace);
    return target?.namespace === gw.metadata.namespace && target.name === gw.metadata.name;
  });
  if (bound) return fail(`${name} is already bound to Gateway ${ref}`);

  const target = vs.entry.id;
  const length = rawLength(vs.entry, ['spec', 'gateways']);
  const command: Command = {
    type: 'insertItem',
    target,
    path: ['spec', 'gateways'],
    index: length,
    value: ref,
  };
  const notes: string[] = [];
  const offers: Offer[] = [];

  // Without `gateways` a VirtualService applies to the mesh only; a list without `mesh` takes it
  // out of the mesh (virtual_service.proto `gateways`). That matters when its hosts are names
  // sidecars call, not when they are public names only the Gateway sees.
  if (
    (v.gateways ?? []).length === 0 &&
    v.hosts.some((h) => isMeshHost(workspace, h, v.metadata.namespace))
  ) {
    notes.push(
      `${name} had no gateways, so it applied inside the mesh; bound to ${ref} only, it no longer applies to calls between services`,
    );
    offers.push({
      title: `Keep ${name} applied inside the mesh too (add mesh to its gateways)`,
      command: {
        type: 'insertItem',
        target,
        path: ['spec', 'gateways'],
        index: length + 1,
        value: 'mesh',
      },
    });
  }

  if (!servesAnyHost(gw, v, true)) {
    // Istio's analyzer (IST0132) looks at every server; traffic needs one of the right protocol.
    const flagged = servesAnyHost(gw, v) ? '' : ' (Istio reports IST0132 until then)';
    notes.push(
      `Gateway ${ref} serves none of ${name}'s hosts (${v.hosts.join(', ')}) on a server for its rules: requests reach ${name} only once such a server lists one of them${flagged}`,
    );
    offers.push(...hostOffers(gateway, v));
  }

  const exportTo = v.exportTo;
  if (
    exportTo &&
    exportTo.length > 0 &&
    !exportedTo(exportTo, v.metadata.namespace, gw.metadata.namespace)
  ) {
    notes.push(
      `${name} is exported only to ${exportTo.join(', ')}: the Gateway in namespace ${gw.metadata.namespace} cannot see it until its exportTo includes that namespace`,
    );
  }
  return gesture(command, `Bound VirtualService ${name} to Gateway ${ref}`, notes, offers);
}

/** "Add host X to server Y": for the first host a Gateway server can list, one per fitting server. */
export function hostOffers(gateway: Found<'Gateway'>, v: VirtualService): Offer[] {
  // Gateway hosts must be FQDNs, optionally with a leading `*.` (ValidateNamespaceSlashWildcardHostname).
  const host = v.hosts.find((h) => h !== '*' && h.includes('.') && !h.includes('/'));
  if (!host) return [];
  const offers: Offer[] = [];
  gateway.object.servers.forEach((server, index) => {
    if (!carriesRulesOf(server, v)) return;
    const path = ['spec', 'servers', index, 'hosts'];
    offers.push({
      title: `Add host ${host} to server ${serverLabel(server, index)} of Gateway ${gateway.object.metadata.name}`,
      command: {
        type: 'insertItem',
        target: gateway.entry.id,
        path,
        index: rawLength(gateway.entry, path),
        value: serverHostEntry(server, host, v.metadata.namespace),
      },
    });
  });
  return offers;
}

/** A host sidecars route by: a short name, a cluster FQDN, or the host of a Service or ServiceEntry. */
function isMeshHost(workspace: Workspace, host: string, namespace: string): boolean {
  if (!host.includes('.') && host !== '*') return true;
  const fqdn = resolveHost(host, namespace);
  if (fqdn.endsWith('.svc.cluster.local')) return true;
  return resourcesOf(workspace, 'ServiceEntry').some((se) =>
    se.object.hosts.some((h) => h.toLowerCase() === fqdn),
  );
}

/** Whether `exportTo` (of a resource in `own`) makes it visible in `namespace`. */
function exportedTo(exportTo: readonly string[], own: string, namespace: string): boolean {
  return exportTo.some((e) => e === '*' || e === namespace || (e === '.' && own === namespace));
}
