import { parseAllDocuments } from 'yaml';
import { dedent } from '../testing/dedent.ts';
import { loadWorkspace, type Workspace } from '../workspace/workspace.ts';
import type { Conversion } from './types.ts';
import { verify } from './verify.ts';

/** Test designs for the Ingress converters: our own YAML after the Kubernetes docs' Ingress examples. */

/** YAML pieces (each indented as it likes) as one stream. */
export const designText = (...pieces: string[]) => pieces.map((p) => dedent(p)).join('---\n');

/** A workspace of YAML pieces. */
export const load = (...pieces: string[]) =>
  loadWorkspace([{ name: 'in.yaml', text: designText(...pieces) }]);
/** Services `web`, `api` (named port `http` = 8080) and `canary` in `default`. */
export const SERVICES = `
  apiVersion: v1
  kind: Service
  metadata: {name: web, namespace: default}
  spec: {ports: [{name: http, port: 80}]}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: api, namespace: default}
  spec: {ports: [{name: http, port: 8080}]}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: canary, namespace: default}
  spec: {ports: [{name: http, port: 80}]}
`;

/** The docs' simple fanout: two Prefix paths on one host, one by a named port. */
export const FANOUT = `
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: fanout, namespace: default}
      spec:
        ingressClassName: nginx
        rules:
          - host: shop.example.com
            http:
              paths:
                - {path: /app, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {name: http}}}}
    `;

/** The docs' name-based virtual hosting: two hosts, one of them an Exact path. */
export const VHOSTS = `
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: vhosts, namespace: default}
      spec:
        ingressClassName: nginx
        rules:
          - host: foo.example.com
            http:
              paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
          - host: bar.example.com
            http:
              paths: [{path: /status, pathType: Exact, backend: {service: {name: api, port: {number: 8080}}}}]
    `;

/** The docs' TLS example: one host with a certificate. */
export const SECURE = `
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: secure, namespace: default}
      spec:
        ingressClassName: nginx
        tls: [{hosts: [secure.example.com], secretName: secure-tls}]
        rules:
          - host: secure.example.com
            http:
              paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
    `;

/** The docs' defaultBackend: every request to one Service. */
export const FALLBACK = `
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: fallback, namespace: default}
      spec:
        ingressClassName: nginx
        defaultBackend: {service: {name: web, port: {number: 80}}}
    `;

/** Ingress `default/<name>` on shop.example.com with these annotations, one path to `web` (main) or `canary`. */
export const ingress = (name: string, annotations: string, path = '/shop', pathType = 'Prefix') => `
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: ${name}
        namespace: default
        annotations: {${annotations}}
      spec:
        ingressClassName: nginx
        rules:
          - host: shop.example.com
            http:
              paths: [{path: ${path}, pathType: ${pathType}, backend: {service: {name: ${name === 'main' ? 'web' : 'canary'}, port: {number: 80}}}}]
  `;

/** The converted manifests by `Kind/name`. */
export function manifests(conversion: Conversion): Record<string, Manifest> {
  const out: Record<string, Manifest> = Object.create(null);
  for (const file of conversion.files)
    for (const doc of parseAllDocuments(file.text)) {
      const m = doc.toJS() as Manifest;
      out[`${m.kind}/${m.metadata.name}`] = m;
    }
  return out;
}

export interface Manifest {
  readonly kind: string;
  readonly metadata: { readonly name: string };
  readonly spec: {
    readonly hostnames?: string[];
    readonly parentRefs?: unknown[];
    readonly listeners?: unknown[];
    readonly rules?: { matches?: unknown[]; filters?: unknown[]; backendRefs?: unknown[] }[];
    readonly servers?: unknown[];
    readonly http?: {
      match?: unknown[];
      route?: unknown[];
      redirect?: unknown;
      rewrite?: unknown;
    }[];
  };
}

export function unexplained(source: Workspace, conversion: Conversion) {
  return verify(source, conversion).differences.filter((d) => !d.explainedBy);
}
