/**
 * Kubernetes `Ingress` and `IngressClass` (`networking.k8s.io/v1`; the retired `v1beta1` shapes
 * of `networking.k8s.io` and `extensions` are read too, since old manifests still carry them).
 * Readers keep list positions (a malformed rule or path is read as an empty one) so
 * `rules[i].http.paths[j]` indexes match the YAML.
 */
import { isRecord, list, num, record, str, strings } from './read.ts';
import { type ObjectHeader, readHeader } from './resource.ts';

/** The deprecated annotation that names an Ingress's class (still honoured by controllers). */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
/** The IngressClass annotation that makes it the class of Ingresses that name none. */
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

export function isIngressVersion(apiVersion: string): boolean {
  return (
    apiVersion === 'networking.k8s.io/v1' ||
    apiVersion === 'networking.k8s.io/v1beta1' ||
    apiVersion === 'extensions/v1beta1'
  );
}

/** Where a path (or the default) sends requests: a Service port, or another resource. */
export interface IngressBackend {
  readonly service:
    | {
        readonly name: string;
        /** `port.number`; a named port is in `portName`. */
        readonly port: number | undefined;
        readonly portName: string | undefined;
      }
    | undefined;
  /** `resource`: a typed reference (for example a storage bucket), not a Service. */
  readonly resource:
    | { readonly apiGroup: string; readonly kind: string; readonly name: string }
    | undefined;
}

export interface IngressPath {
  /** As written; Kubernetes requires it for Exact and Prefix, and it starts with `/`. */
  readonly path: string | undefined;
  /** `Exact`, `Prefix`, `ImplementationSpecific` or as written; undefined when absent (v1beta1). */
  readonly pathType: string | undefined;
  readonly backend: IngressBackend | undefined;
}

export interface IngressRule {
  /** Undefined or empty: the rule applies to every host. May start with `*.`. */
  readonly host: string | undefined;
  /** Undefined when the rule has no `http` (Istio skips such a rule). */
  readonly paths: readonly IngressPath[] | undefined;
}

export interface IngressTls {
  readonly hosts: readonly string[];
  readonly secretName: string | undefined;
}

export interface Ingress extends ObjectHeader {
  readonly kind: 'Ingress';
  /** `spec.ingressClassName` as written. */
  readonly ingressClassName: string | undefined;
  readonly defaultBackend: IngressBackend | undefined;
  readonly tls: readonly IngressTls[];
  readonly rules: readonly IngressRule[];
}

export interface IngressClass extends ObjectHeader {
  readonly kind: 'IngressClass';
  /** `spec.controller`, for example `k8s.io/ingress-nginx` or `istio.io/ingress-controller`. */
  readonly controller: string | undefined;
  /** Whether the `is-default-class` annotation is `"true"`. */
  readonly isDefault: boolean;
}

export function readIngress(raw: Record<string, unknown>): Ingress {
  const spec = record(raw.spec);
  return {
    ...readHeader(raw),
    kind: 'Ingress',
    ingressClassName: str(spec.ingressClassName),
    // v1beta1 called the default backend `backend`.
    defaultBackend: readBackend(spec.defaultBackend ?? spec.backend),
    tls: list(spec.tls, (t) => {
      const tls = record(t);
      return { hosts: strings(tls.hosts), secretName: str(tls.secretName) };
    }),
    rules: list(spec.rules, (r) => {
      const rule = record(r);
      const http = isRecord(rule.http) ? rule.http : undefined;
      return {
        host: str(rule.host),
        paths: http
          ? list(http.paths, (p) => {
              const path = record(p);
              return {
                path: str(path.path),
                pathType: str(path.pathType),
                backend: readBackend(path.backend),
              };
            })
          : undefined,
      };
    }),
  };
}

function readBackend(value: unknown): IngressBackend | undefined {
  if (!isRecord(value)) return undefined;
  const service = isRecord(value.service) ? value.service : undefined;
  const port = record(service?.port);
  const resource = isRecord(value.resource) ? value.resource : undefined;
  // v1beta1: `serviceName` and `servicePort` (a number or a port name).
  const legacyName = str(value.serviceName);
  return {
    service: service
      ? { name: str(service.name) ?? '', port: num(port.number), portName: str(port.name) }
      : legacyName !== undefined
        ? {
            name: legacyName,
            port: num(value.servicePort),
            portName: str(value.servicePort),
          }
        : undefined,
    resource: resource
      ? {
          apiGroup: str(resource.apiGroup) ?? '',
          kind: str(resource.kind) ?? '',
          name: str(resource.name) ?? '',
        }
      : undefined,
  };
}

export function readIngressClass(raw: Record<string, unknown>): IngressClass {
  const header = readHeader(raw);
  return {
    ...header,
    kind: 'IngressClass',
    controller: str(record(raw.spec).controller),
    isDefault: header.metadata.annotations[DEFAULT_CLASS_ANNOTATION] === 'true',
  };
}

/**
 * The class an Ingress asks for: the deprecated annotation when present (Istio and ingress-nginx
 * both read it first), else `spec.ingressClassName`; undefined when it names none.
 */
export function ingressClassOf(ingress: Ingress): string | undefined {
  const annotated = ingress.metadata.annotations[INGRESS_CLASS_ANNOTATION];
  return annotated !== undefined ? annotated : ingress.ingressClassName || undefined;
}

/** One path of an Ingress with where it sits: `rules[rule].http.paths[path]`, `index` counting across rules. */
export interface IngressPathAt {
  readonly rule: number;
  readonly path: number;
  /** The path's position counting paths across rules in order (CONTRACT section 4's `rule.index`). */
  readonly index: number;
  /** The rule's host; empty when the rule names none (every host). */
  readonly host: string;
  readonly value: IngressPath;
}

/** Every path of an Ingress in YAML order, with its positions. */
export function ingressPathsOf(ingress: Ingress): IngressPathAt[] {
  const out: IngressPathAt[] = [];
  ingress.rules.forEach((rule, r) => {
    (rule.paths ?? []).forEach((value, p) => {
      out.push({ rule: r, path: p, index: out.length, host: rule.host ?? '', value });
    });
  });
  return out;
}

/** `rules[i].http.paths[j]`: the YAML path of a path, for diagnostics and steps. */
export function ingressPathField(at: { rule: number; path: number }): string {
  return `spec.rules[${at.rule}].http.paths[${at.path}]`;
}
