import type { K8S_GATEWAY } from '../../model/gatewayApi.ts';
import { readParentRef } from '../../model/gatewayRoutes.ts';
import { attachRoute, isGatewayParent, listenerRouteKinds } from '../../model/routeAttachment.ts';
import { gatewayApiIndex } from '../../workspace/gatewayApiIndex.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { type Command, type CommandResult, fail } from '../command.ts';
import type { FoundRoute, ListenerRef } from './gatewayApiLookup.ts';
import { listenerLabel } from './gatewayApiLookup.ts';
import { combine, type Gesture, gesture } from './gesture.ts';
import { type Found, qualifiedName, rawLength } from './lookup.ts';

/**
 * Gateway or listener → route: writes the route's parentRef to the Gateway, with `sectionName`
 * when dragged from a listener row, and `namespace` when the Gateway is in another namespace.
 *
 * The API requires every parentRef to one Gateway to agree on whether it names a section
 * ("sectionName must be specified when parentRefs includes 2 or more references to the same
 * parent", CommonRouteSpec in apis/v1/shared_types.go). So a drag from a listener narrows a
 * parentRef that named the whole Gateway to that listener, and a drag from the Gateway widens
 * parentRefs that named listeners into one for the whole Gateway: what the user pointed at is
 * what the route ends up attached to. A note says when the Gateway will not accept the route
 * (allowedRoutes, hostnames), in the words of its status condition.
 */
export function attachToGateway(
  workspace: Workspace,
  gateway: Found<typeof K8S_GATEWAY>,
  route: FoundRoute,
  listener?: ListenerRef,
): CommandResult<Gesture> {
  const gw = gateway.object;
  const r = route.object;
  const routeNamespace = r.metadata.namespace;
  const gatewayName = qualifiedName(gw);
  const routeName = `${r.kind} ${r.metadata.name}`;
  const sameParent = r.parentRefs.flatMap((ref, index) =>
    isGatewayParent(ref) &&
    ref.name === gw.metadata.name &&
    (ref.namespace ?? routeNamespace) === gw.metadata.namespace
      ? [{ ref, index }]
      : [],
  );
  const target = route.entry.id;
  const refPath = (i: number, ...rest: string[]) => ['spec', 'parentRefs', i, ...rest];
  const commands: Command[] = [];
  const notes: string[] = [];
  let summary: string;
  const section = listener?.listener.name;

  if (listener) {
    const name = listenerLabel(listener);
    const kinds = listenerRouteKinds(listener.listener);
    if (!kinds.includes(r.kind))
      return fail(
        kinds.length === 0
          ? `Listener ${name} (${listener.listener.protocol || 'no protocol'}) takes no routes Istio knows`
          : `Listener ${name} (${listener.listener.protocol}) takes ${kinds.join(' and ')}s, not ${r.kind}s`,
      );
    if (!section)
      return fail(`Listener ${name} has no name: name it so that a route can attach to it`);
    if (sameParent.some((p) => p.ref.sectionName === section))
      return fail(
        `${routeName} is already attached to listener ${section} of Gateway ${gatewayName}`,
      );
    const whole = sameParent.find((p) => !p.ref.sectionName);
    if (whole) {
      commands.push({
        type: 'setValue',
        target,
        path: refPath(whole.index, 'sectionName'),
        value: section,
      });
      // A port that names another listener would leave the ref matching nothing.
      if (whole.ref.port !== undefined && whole.ref.port !== listener.listener.port)
        commands.push({ type: 'deleteValue', target, path: refPath(whole.index, 'port') });
      notes.push(
        `It was attached to every listener of ${gatewayName}; a route names either the whole Gateway or its listeners, so it is now attached to ${section} only`,
      );
    } else {
      commands.push(newParentRef(route, gw.metadata.name, gw.metadata.namespace, section));
    }
    summary = `Attached ${routeName} to listener ${section} of Gateway ${gatewayName}`;
  } else {
    if (sameParent.some((p) => !p.ref.sectionName && p.ref.port === undefined))
      return fail(`${routeName} is already attached to Gateway ${gatewayName}`);
    const [first, ...rest] = sameParent;
    if (first) {
      const named = sameParent.map((p) => p.ref.sectionName ?? `port ${p.ref.port}`);
      for (const key of ['sectionName', 'port'] as const)
        if (first.ref[key] !== undefined)
          commands.push({ type: 'deleteValue', target, path: refPath(first.index, key) });
      // Later items first, so each removal leaves the earlier indexes in place.
      for (const p of [...rest].reverse())
        commands.push({ type: 'removeItem', target, path: ['spec', 'parentRefs'], index: p.index });
      notes.push(
        `It was attached to ${named.join(', ')} of ${gatewayName}; now to every listener that accepts it`,
      );
    } else {
      commands.push(newParentRef(route, gw.metadata.name, gw.metadata.namespace, undefined));
    }
    summary = `Attached ${routeName} to Gateway ${gatewayName}`;
  }

  const denial = attachRoute(
    {
      ...r,
      parentRefs: [
        readParentRef({
          name: gw.metadata.name,
          namespace: gw.metadata.namespace,
          ...(section ? { sectionName: section } : {}),
        }),
      ],
    },
    [gw],
    gatewayApiIndex(workspace).namespaceLabels,
  )[0]?.denial;
  if (denial)
    notes.push(
      `${gatewayName} does not accept it yet (${denial.reason}: ${denial.message}): check the listener's allowedRoutes and hostname against the route`,
    );
  return gesture(combine(commands), summary, notes);
}

/** `{name, namespace?, sectionName?}` appended to the route's parentRefs. */
function newParentRef(
  route: FoundRoute,
  name: string,
  namespace: string,
  sectionName: string | undefined,
): Command {
  const value: Record<string, unknown> = { name };
  if (namespace !== route.object.metadata.namespace) value.namespace = namespace;
  if (sectionName) value.sectionName = sectionName;
  return {
    type: 'insertItem',
    target: route.entry.id,
    path: ['spec', 'parentRefs'],
    index: rawLength(route.entry, ['spec', 'parentRefs']),
    value,
  };
}
