import { resolveHost, serviceFqdn } from '../../model/hosts.ts';
import type { Service } from '../../model/service.ts';
import type { Destination, HttpRoute } from '../../model/virtualService.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { Command, CommandResult } from '../command.ts';
import { fail } from '../command.ts';
import { combine, type Gesture, gesture } from './gesture.ts';
import { hostFor, type RuleRef, rawLength, resourcesOf, ruleName, shortHost } from './lookup.ts';
import { describeSplit, rebalanceForNew } from './weights.ts';

/** Where a new destination points: a host (FQDN) and maybe a subset of it. */
export interface DestinationTarget {
  readonly fqdn: string;
  readonly subset?: string;
}

/**
 * Rule → service or subset: appends `{destination: {host, subset?, port?}}` to the rule's
 * `route`. With destinations already there, every weight is rewritten as integer percentages:
 * the newcomer gets an equal share and the others keep their proportions (`rebalanceForNew`).
 */
export function addDestination(
  workspace: Workspace,
  ref: RuleRef,
  to: DestinationTarget,
): CommandResult<Gesture> {
  const { rule, vs, path } = ref;
  const namespace = vs.object.metadata.namespace;
  const name = ruleName(rule, ref.section, ref.index);
  const blocked = otherAction(rule);
  if (blocked) {
    return fail(
      `Rule ${name} ${blocked}: Istio allows only one of route, redirect, directResponse and delegate in a rule; remove that first`,
    );
  }
  const label = destinationLabel(to.fqdn, to.subset);
  const same = (d: Destination | undefined) =>
    d !== undefined && resolveHost(d.host, namespace) === to.fqdn && d.subset === to.subset;
  if (rule.route.some((d) => same(d.destination)))
    return fail(`Rule ${name} already routes to ${label}`);

  const notes: string[] = [];
  const destination: Record<string, unknown> = { host: hostFor(to.fqdn, namespace) };
  if (to.subset !== undefined) destination.subset = to.subset;
  const port = choosePort(workspace, to.fqdn, ref, namespace);
  if (port) {
    destination.port = { number: port.number };
    if (port.note) notes.push(port.note);
  }

  const routePath = [...path, 'route'];
  const count = rawLength(vs.entry, routePath);
  const weights = rebalanceForNew(rule.route.map((d) => d.weight));
  const commands: Command[] = [];
  rule.route.forEach((d, i) => {
    if (d.weight !== weights[i])
      commands.push({
        type: 'setValue',
        target: vs.entry.id,
        path: [...routePath, i, 'weight'],
        value: weights[i],
      });
  });
  const added = weights.length > 0 ? weights[weights.length - 1] : undefined;
  commands.push({
    type: 'insertItem',
    target: vs.entry.id,
    path: routePath,
    index: count,
    value: added === undefined ? { destination } : { destination, weight: added },
  });

  const labels = [
    ...rule.route.map((d) =>
      d.destination
        ? destinationLabel(resolveHost(d.destination.host, namespace), d.destination.subset)
        : '?',
    ),
    label,
  ];
  const summary =
    weights.length === 0
      ? `Rule ${name} now routes to ${label}`
      : `Rule ${name} now splits its traffic: ${describeSplit(labels, weights)}`;
  return gesture(combine(commands), summary, notes);
}

/** What a rule does instead of routing, which Istio does not allow together with `route`. */
function otherAction(rule: RuleRef['rule']): string | undefined {
  const http = rule as HttpRoute;
  if (http.delegate) return `delegates to VirtualService ${http.delegate.name}`;
  if (http.redirect) return 'redirects its requests';
  if (http.directResponse) return 'answers with a direct response';
  return undefined;
}

/** `reviews v2`, `httpbin.org`: a destination as summaries name it. */
export function destinationLabel(fqdn: string, subset: string | undefined): string {
  return subset === undefined ? shortHost(fqdn) : `${shortHost(fqdn)} ${subset}`;
}

/**
 * The port a new destination names. When the rule's destinations to that host all name the
 * same port, the newcomer names it too (a third subset next to `v1:8080` and `v2:8080` is
 * `v3:8080`, whether or not the Service is in the workspace). Otherwise Istio requires one
 * when the Service exposes several (IST0112): the port another destination of the rule uses
 * for that host, else, for an HTTP rule, the first port named for HTTP (`http`, `http-…`,
 * `http2`) or gRPC, else the first one.
 */
function choosePort(
  workspace: Workspace,
  fqdn: string,
  ref: RuleRef,
  namespace: string,
): { number: number; note?: string } | undefined {
  const siblings = ref.rule.route.flatMap((d) =>
    d.destination && resolveHost(d.destination.host, namespace) === fqdn ? [d.destination] : [],
  );
  const ports = new Set(siblings.map((d) => d.port));
  const [agreed] = ports;
  if (ports.size === 1 && agreed !== undefined) return { number: agreed };
  const used = siblings.find((d) => d.port !== undefined)?.port;
  return destinationPort(workspace, fqdn, ref.section, used);
}

/**
 * The port a destination to `fqdn` should name, and a note saying why, when the workspace's
 * Service for it exposes several ports; undefined when one port (or no Service) leaves no doubt.
 */
export function destinationPort(
  workspace: Workspace,
  fqdn: string,
  section: 'http' | 'tls' | 'tcp',
  used?: number,
): { number: number; note?: string } | undefined {
  const service = resourcesOf(workspace, 'Service').find(
    (s) => serviceFqdn(s.object.metadata.name, s.object.metadata.namespace) === fqdn,
  )?.object;
  const ports = (service?.ports ?? []).filter((p) => p.port !== undefined);
  if (!service || ports.length < 2) return undefined;
  if (used !== undefined) return { number: used };
  const named = (pattern: RegExp) => ports.find((p) => pattern.test(p.name ?? ''));
  const chosen =
    (section === 'http' && (named(/^http2?(-|$)/) ?? named(/^grpc(-web)?(-|$)/))) || ports[0];
  const number = chosen?.port as number;
  return { number, note: portNote(service, number) };
}

function portNote(service: Service, number: number): string {
  const all = service.ports.map((p) => (p.name ? `${p.port} (${p.name})` : `${p.port}`));
  return `Service ${service.metadata.name} exposes several ports (${all.join(', ')}), so Istio needs the destination's port: ${number} was chosen`;
}
