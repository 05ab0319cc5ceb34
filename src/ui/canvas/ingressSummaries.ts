import type { Ingress, IngressBackend } from '../../model/ingress.ts';
import { ingressClassOf, ingressPathsOf } from '../../model/ingress.ts';

/**
 * What an Ingress node shows: under its name the class and TLS hosts, and on each path row where
 * the path sends requests (`→ cart:8080`). Pure; the rows' own labels (`host path (pathType)`)
 * come from the graph.
 */

/** `class nginx`, `TLS shop.example.com, api.example.com`. */
export function ingressLines(ingress: Ingress): string[] {
  const hosts = ingress.tls.flatMap((t) => t.hosts);
  return [
    `class ${ingressClassOf(ingress) ?? '(none)'}`,
    hosts.length > 0 ? `TLS ${hosts.join(', ')}` : '',
  ];
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
