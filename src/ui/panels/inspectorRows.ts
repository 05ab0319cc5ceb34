import type { GraphNode } from '../../graph/types.ts';
import { K8S_GATEWAY } from '../../model/gatewayApi.ts';
import type { GatewayRoute } from '../../model/gatewayRoutes.ts';
import { isModelled, type ManifestObject } from '../../model/kinds.ts';
import { formatLabels } from '../../model/labels.ts';
import type { Dict } from '../../model/read.ts';
import { helmSource } from '../../workspace/helmSource.ts';
import { findEntry, type Workspace } from '../../workspace/workspace.ts';
import {
  gatewayRuleMatch,
  gatewayRuleTags,
  listenerSummary,
} from '../canvas/gatewayApiSummaries.ts';

/** One line of the inspector: a field's name and its value as text. */
export type InspectorRow = readonly [label: string, value: string];

/**
 * The chart template the node's resource was rendered from, when the YAML is `helm template`
 * output (`# Source: chart/templates/x.yaml`): the Inspector's "from template" line.
 */
export function templateOf(workspace: Workspace, node: GraphNode | undefined): string | undefined {
  if (!node?.resource || node.implied) return undefined;
  const entry = findEntry(workspace, node.resource);
  return entry ? helmSource(entry.doc) : undefined;
}

/**
 * The main fields of what a node stands for, as text rows. Read-only: the editing forms
 * build on the same typed views.
 */
export function inspectorRows(node: GraphNode, object: ManifestObject | undefined): InspectorRow[] {
  if (!object || !isModelled(object)) return [];
  const rows: InspectorRow[] = [];
  const add = (label: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') rows.push([label, String(value)]);
  };
  switch (object.kind) {
    case 'Gateway':
      add('selector', object.selector ? labels(object.selector) : 'all workloads');
      object.servers.forEach((server, i) => {
        const port = server.port
          ? `${server.port.number ?? '?'} ${server.port.protocol}`
          : 'no port';
        const tls = server.tls
          ? ` · TLS ${server.tls.mode ?? ''}${server.tls.httpsRedirect ? ' (redirect to HTTPS)' : ''}`
          : '';
        add(`server ${i + 1}`, `${port} · ${server.hosts.join(', ')}${tls}`);
      });
      break;
    case 'VirtualService':
      if (
        node.kind === 'route' &&
        node.section &&
        node.section !== 'rules' &&
        node.index !== undefined
      ) {
        const rule = object[node.section][node.index];
        add('rule', node.label);
        if (rule) {
          add(
            'matches',
            rule.match.length === 0
              ? 'every request'
              : `${rule.match.length} block(s), any may match`,
          );
          add(
            'destinations',
            rule.route
              .map(
                (r) =>
                  `${r.destination?.host ?? '?'}${r.destination?.subset ? ` (${r.destination.subset})` : ''}${r.weight === undefined ? '' : ` weight ${r.weight}`}`,
              )
              .join(', '),
          );
          if ('timeout' in rule) add('timeout', rule.timeout);
          if ('rewrite' in rule) add('rewrite', rule.rewrite?.uri ?? rule.rewrite?.authority);
          if ('retries' in rule) add('retries', rule.retries?.attempts);
        }
      } else {
        add('hosts', object.hosts.join(', ') || '(delegate)');
        add('gateways', (object.gateways ?? ['mesh']).join(', '));
        add(
          'rules',
          `${object.http.length} http, ${object.tls.length} tls, ${object.tcp.length} tcp`,
        );
      }
      break;
    case 'DestinationRule': {
      add('host', object.host);
      const lb = object.trafficPolicy?.loadBalancer;
      add(
        'load balancer',
        typeof lb?.simple === 'string' ? lb.simple : lb ? 'consistent hash' : undefined,
      );
      if (node.kind === 'subset')
        add(
          'subset labels',
          labels(object.subsets.find((s) => s.name === node.label)?.labels ?? {}),
        );
      else add('subsets', object.subsets.map((s) => s.name).join(', '));
      break;
    }
    case 'Service':
      add('type', object.type);
      add('selector', object.selector ? labels(object.selector) : undefined);
      add(
        'ports',
        object.ports
          .map((p) => `${p.name ?? ''} ${p.port}→${p.targetPort ?? p.port}`.trim())
          .join(', '),
      );
      break;
    case 'HorizontalPodAutoscaler':
      add('target', `${object.target.kind} ${object.target.name}`);
      add('replicas', `${object.minReplicas ?? 1}–${object.maxReplicas ?? '?'}`);
      add(
        'CPU target',
        object.cpuUtilization === undefined ? undefined : `${object.cpuUtilization}%`,
      );
      break;
    case 'PodDisruptionBudget':
      add('selector', labels(object.selector));
      add('min available', object.minAvailable);
      add('max unavailable', object.maxUnavailable);
      break;
    case 'Deployment':
      add('pod labels', labels(object.podLabels));
      if ('replicas' in object) add('replicas', object.replicas);
      break;
    case K8S_GATEWAY: {
      const listener = node.kind === 'listener' ? object.listeners[node.index ?? -1] : undefined;
      if (listener) {
        const summary = listenerSummary(listener);
        add('listener', listener.name);
        add('port', summary.port);
        add('hostname', summary.hostname);
        add('TLS', summary.tls);
        add('allowed routes', summary.allowed.replace(/^from /, ''));
      } else {
        add('class', object.gatewayClassName);
        add('addresses', object.addresses.map((a) => a.value).join(', '));
        add('listeners', object.listeners.map((l) => `${l.name} ${l.port ?? '?'}`).join(', '));
      }
      break;
    }
    case 'HTTPRoute':
    case 'GRPCRoute':
    case 'TLSRoute':
    case 'TCPRoute':
      gatewayRouteRows(node, object, add);
      break;
  }
  return rows;
}

/** A Gateway API route, or one of its rules when the node is a rule row. */
function gatewayRouteRows(
  node: GraphNode,
  route: GatewayRoute,
  add: (label: string, value: string | number | undefined) => void,
): void {
  const index = node.kind === 'route' && node.section === 'rules' ? node.index : undefined;
  const rule = index === undefined ? undefined : route.rules[index];
  if (index === undefined || !rule) {
    add('hostnames', route.hostnames.join(', ') || (route.kind === 'TCPRoute' ? '' : 'any'));
    add(
      'parents',
      route.parentRefs
        .map(
          (p) =>
            `${p.namespace ? `${p.namespace}/` : ''}${p.name}${p.sectionName ? ` (${p.sectionName})` : ''}`,
        )
        .join(', '),
    );
    add('rules', route.rules.length);
    return;
  }
  add('rule', node.label);
  add('matches', gatewayRuleMatch(route, index));
  add(
    'backends',
    rule.backendRefs
      .map(
        (r) =>
          `${r.namespace ? `${r.namespace}/` : ''}${r.name}${r.port ? `:${r.port}` : ''} weight ${r.weight}`,
      )
      .join(', '),
  );
  add('does', gatewayRuleTags(route, index).join(', '));
}

function labels(selector: Dict<string>): string {
  return formatLabels(selector) || '(none)';
}
