/**
 * The ingress-nginx annotations that change where a request goes or what it becomes, read as
 * the controller reads them (internal/ingress/annotations/{rewrite,redirect,canary,upstreamvhost,
 * backendprotocol}); every other `nginx.ingress.kubernetes.io/` annotation is listed in
 * `unmodelled` so the trace can name it instead of ignoring it silently.
 */
import type { Dict } from './read.ts';

export const NGINX_PREFIX = 'nginx.ingress.kubernetes.io/';

export interface NginxRedirect {
  readonly url: string;
  readonly code: number;
  /** The annotation that asked for it. */
  readonly annotation: string;
}

export interface NginxCanary {
  readonly header: string | undefined;
  readonly headerValue: string | undefined;
  readonly headerPattern: string | undefined;
  readonly cookie: string | undefined;
  /** `canary-weight`, 0 when unset. */
  readonly weight: number;
  /** `canary-weight-total`, 100 unless a larger number is written. */
  readonly weightTotal: number;
}

export interface NginxAnnotations {
  readonly rewriteTarget: string | undefined;
  readonly useRegex: boolean;
  /** `ssl-redirect`: true unless `"false"` (the controller's default). */
  readonly sslRedirect: boolean;
  readonly forceSslRedirect: boolean;
  /** `preserve-trailing-slash`: the HTTPS redirect keeps a trailing `/`. */
  readonly preserveTrailingSlash: boolean;
  readonly redirect: NginxRedirect | undefined;
  readonly appRoot: string | undefined;
  /** Set when `canary: "true"`. */
  readonly canary: NginxCanary | undefined;
  readonly upstreamVhost: string | undefined;
  /** `HTTP` unless written: HTTP, HTTPS, AUTO_HTTP, GRPC, GRPCS, FCGI. */
  readonly backendProtocol: string;
  /** The other `nginx.ingress.kubernetes.io/` annotations, by name without the prefix. */
  readonly unmodelled: readonly string[];
}

const MODELLED = new Set([
  'rewrite-target',
  'use-regex',
  'ssl-redirect',
  'force-ssl-redirect',
  'preserve-trailing-slash',
  'permanent-redirect',
  'permanent-redirect-code',
  'temporal-redirect',
  'temporal-redirect-code',
  'app-root',
  'canary',
  'canary-by-header',
  'canary-by-header-value',
  'canary-by-header-pattern',
  'canary-by-cookie',
  'canary-weight',
  'canary-weight-total',
  'upstream-vhost',
  'backend-protocol',
]);

const BACKEND_PROTOCOLS = new Set(['HTTP', 'HTTPS', 'AUTO_HTTP', 'GRPC', 'GRPCS', 'FCGI']);

export function nginxAnnotations(annotations: Dict<string>): NginxAnnotations {
  const get = (name: string): string | undefined => {
    const key = NGINX_PREFIX + name;
    return Object.hasOwn(annotations, key) ? annotations[key] : undefined;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const value = get(name);
    return value === 'true' ? true : value === 'false' ? false : fallback;
  };
  const int = (name: string): number | undefined => {
    const value = get(name);
    return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
  };
  const protocol = (get('backend-protocol') ?? 'HTTP').toUpperCase();
  const weightTotal = int('canary-weight-total');
  return {
    rewriteTarget: get('rewrite-target') || undefined,
    useRegex: flag('use-regex', false),
    sslRedirect: flag('ssl-redirect', true),
    forceSslRedirect: flag('force-ssl-redirect', false),
    preserveTrailingSlash: flag('preserve-trailing-slash', false),
    redirect: redirectOf(get, int),
    appRoot: get('app-root') || undefined,
    canary: flag('canary', false)
      ? {
          header: get('canary-by-header') || undefined,
          headerValue: get('canary-by-header-value') || undefined,
          headerPattern: get('canary-by-header-pattern') || undefined,
          cookie: get('canary-by-cookie') || undefined,
          weight: int('canary-weight') ?? 0,
          weightTotal: weightTotal !== undefined && weightTotal > 100 ? weightTotal : 100,
        }
      : undefined,
    upstreamVhost: get('upstream-vhost') || undefined,
    backendProtocol: BACKEND_PROTOCOLS.has(protocol) ? protocol : 'HTTP',
    unmodelled: Object.keys(annotations)
      .filter((key) => key.startsWith(NGINX_PREFIX))
      .map((key) => key.slice(NGINX_PREFIX.length))
      .filter((name) => !MODELLED.has(name)),
  };
}

/**
 * redirect.go: a temporal redirect wins over a permanent one; a code outside 300–307 (temporal)
 * or 300–308 (permanent) falls back to 302 / 301.
 */
function redirectOf(
  get: (name: string) => string | undefined,
  int: (name: string) => number | undefined,
): NginxRedirect | undefined {
  const temporal = get('temporal-redirect');
  if (temporal) {
    const code = int('temporal-redirect-code');
    return {
      url: temporal,
      code: code !== undefined && code >= 300 && code <= 307 ? code : 302,
      annotation: 'temporal-redirect',
    };
  }
  const permanent = get('permanent-redirect');
  if (permanent) {
    const code = int('permanent-redirect-code');
    return {
      url: permanent,
      code: code !== undefined && code >= 300 && code <= 308 ? code : 301,
      annotation: 'permanent-redirect',
    };
  }
  return undefined;
}

/** `needsRewrite` and `use-regex`: whether this Ingress turns its host's paths into regexes. */
export function usesRegex(a: NginxAnnotations, paths: readonly (string | undefined)[]): boolean {
  return a.useRegex || (a.rewriteTarget !== undefined && paths.some((p) => p !== a.rewriteTarget));
}

/**
 * The pods of ingress-nginx's controller, as its chart and static manifests label them
 * (`app.kubernetes.io/name: ingress-nginx`, `app.kubernetes.io/component: controller`), and the
 * names the static install gives them: Deployment and Service `ingress-nginx-controller` in
 * namespace `ingress-nginx`.
 */
export const NGINX_INSTALL = {
  namespace: 'ingress-nginx',
  name: 'ingress-nginx-controller',
  podLabels: {
    'app.kubernetes.io/name': 'ingress-nginx',
    'app.kubernetes.io/component': 'controller',
  } as Readonly<Record<string, string>>,
} as const;
