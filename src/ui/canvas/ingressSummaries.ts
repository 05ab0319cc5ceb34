import type { Ingress, IngressBackend } from '../../model/ingress.ts';
import { ingressPathsOf } from '../../model/ingress.ts';
import { type NginxAnnotations, nginxAnnotations } from '../../model/ingressNginx.ts';
import { formatShare } from '../../model/weights.ts';
import { type IndexedIngress, ingressIndex } from '../../workspace/ingressIndex.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { BaseNode } from './flowTypes.ts';

/**
 * What an Ingress node shows: under its name the class, TLS hosts and the ingress-nginx
 * annotations the designer does not model (listed, never ignored silently); on each path row
 * where the path sends requests (`→ cart:8080`) and, as tags, the annotations that change where
 * a request goes or what it becomes. Pure; the rows' own labels (`host path (pathType)`) come
 * from the graph.
 */

/**
 * An Ingress node's lines and its rows' tags, read through the workspace's ingress index (which
 * controller serves it): ingress-nginx's annotations count only where ingress-nginx serves it.
 */
export function ingressNote(base: BaseNode, workspace: Workspace): BaseNode {
  const indexed = ingressesById(workspace).get(base.data.node.resource ?? '');
  if (!indexed) return base;
  const nginx = indexed.reading === 'nginx';
  const tags = nginx ? routingTags(nginxAnnotations(indexed.ingress.metadata.annotations)) : [];
  return {
    ...base,
    data: {
      ...base.data,
      lines: ingressLines(indexed, nginx),
      rules: base.data.rules.map((rule) => ({ ...rule, tags })),
    },
  };
}

/**
 * `class nginx`, `TLS shop.example.com, api.example.com`, `not modelled: proxy-body-size`; a class
 * no simulated controller serves says so.
 */
function ingressLines({ ingress, className, reading }: IndexedIngress, nginx: boolean): string[] {
  const hosts = ingress.tls.flatMap((t) => t.hosts);
  const unmodelled = nginx ? nginxAnnotations(ingress.metadata.annotations).unmodelled : [];
  return [
    `class ${className ?? '(none)'}${reading === undefined ? ': no controller drawn' : ''}`,
    hosts.length > 0 ? `TLS ${hosts.join(', ')}` : '',
    unmodelled.length > 0 ? `not modelled: ${unmodelled.join(', ')}` : '',
  ].filter((line) => line !== '');
}

const cache = new WeakMap<Workspace, ReadonlyMap<string, IndexedIngress>>();

function ingressesById(workspace: Workspace): ReadonlyMap<string, IndexedIngress> {
  let map = cache.get(workspace);
  if (!map) {
    map = new Map(ingressIndex(workspace).ingresses.map((i) => [i.entry.id, i]));
    cache.set(workspace, map);
  }
  return map;
}

/**
 * The ingress-nginx annotations that change routing, as tags: `rewrite /$2`, `regex`,
 * `redirect 301`, `canary 20%`… (ingress-nginx reads them for every path of the Ingress).
 */
function routingTags(a: NginxAnnotations): string[] {
  const tags: string[] = [];
  if (a.canary) {
    const by = a.canary.header ?? (a.canary.cookie && `cookie ${a.canary.cookie}`);
    tags.push(
      by ? `canary by ${by}` : '',
      a.canary.weight > 0 ? `canary ${formatShare(a.canary.weight / a.canary.weightTotal)}` : '',
    );
  }
  if (a.redirect) tags.push(`redirect ${a.redirect.code}`);
  if (a.forceSslRedirect) tags.push('force HTTPS 308');
  if (a.rewriteTarget !== undefined) tags.push(`rewrite ${a.rewriteTarget}`);
  if (a.useRegex) tags.push('regex');
  if (a.appRoot !== undefined) tags.push(`app-root ${a.appRoot}`);
  if (a.upstreamVhost !== undefined) tags.push(`vhost ${a.upstreamVhost}`);
  if (a.backendProtocol !== 'HTTP') tags.push(`${a.backendProtocol} backend`);
  return tags.filter((t) => t !== '');
}

/**
 * The backend of the row at `index` (paths counted across rules; the one after the last path is
 * the default backend): `→ cart:8080`, `→ api:http`, `→ Bucket static`.
 */
export function ingressRowMatch(ingress: Ingress, index: number): string {
  const paths = ingressPathsOf(ingress);
  const backend = index < paths.length ? paths[index]?.value.backend : ingress.defaultBackend;
  return backendText(backend);
}

function backendText(backend: IngressBackend | undefined): string {
  if (backend?.service) {
    const { name, port, portName } = backend.service;
    return `→ ${name}:${port ?? portName ?? '?'}`;
  }
  if (backend?.resource) return `→ ${backend.resource.kind} ${backend.resource.name}`;
  return 'no backend';
}
