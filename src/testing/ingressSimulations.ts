/**
 * Test helpers for Ingress simulations (not a test file itself): an Ingress from a class,
 * annotations and rules written as YAML flow text.
 */
export interface IngressOptions {
  readonly name?: string;
  readonly namespace?: string;
  readonly className?: string;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly tls?: string;
  readonly defaultBackend?: string;
}

/** `rules` is the YAML of `spec.rules` items, each a flow map on its own line. */
export function ingress(rules: readonly string[], o: IngressOptions = {}): string {
  const annotations = Object.entries(o.annotations ?? {})
    .map(([k, v]) => `\n    ${k}: ${JSON.stringify(v)}`)
    .join('');
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${o.name ?? 'shop'}
  namespace: ${o.namespace ?? 'web'}${annotations ? `\n  annotations:${annotations}` : ''}
spec:
  ingressClassName: ${o.className ?? 'nginx'}${o.tls ? `\n  tls: ${o.tls}` : ''}${o.defaultBackend ? `\n  defaultBackend: ${o.defaultBackend}` : ''}
  rules:${rules.length === 0 ? ' []' : rules.map((r) => `\n  - ${r}`).join('')}
`;
}

/** A rule for `host` (none when empty) with `paths`: `[path, pathType, service, port]`. */
export function rule(host: string, paths: readonly [string, string, string, number][]): string {
  const items = paths
    .map(
      ([path, pathType, service, port]) =>
        `{ path: ${JSON.stringify(path)}, pathType: ${pathType}, backend: { service: { name: ${service}, port: { number: ${port} } } } }`,
    )
    .join(', ');
  return `{ ${host ? `host: ${host}, ` : ''}http: { paths: [${items}] } }`;
}

const N = 'nginx.ingress.kubernetes.io/';
/** An ingress-nginx annotation by its short name. */
export const nginx = (short: string) => `${N}${short}`;
