import { type HttpMatch, type L4Match, readHttpMatch, readL4Match } from './match.ts';
import { type Dict, defined, dict, isRecord, list, num, record, str, strings } from './read.ts';
import { type ObjectHeader, readHeader } from './resource.ts';

/** Istio `VirtualService`: ordered route rules for a set of hosts, bound to gateways and/or the mesh. */
export interface VirtualService extends ObjectHeader {
  readonly kind: 'VirtualService';
  /** Empty for a delegate VirtualService (one that a root rule's `delegate` points to). */
  readonly hosts: readonly string[];
  /** Absent means `mesh` only (virtual_service.proto). */
  readonly gateways: readonly string[] | undefined;
  readonly exportTo: readonly string[] | undefined;
  readonly http: readonly HttpRoute[];
  readonly tls: readonly L4Route[];
  readonly tcp: readonly L4Route[];
}

/** The three rule lists of a VirtualService, as they are named in the manifest. */
export type RuleSection = 'http' | 'tls' | 'tcp';
export const RULE_SECTIONS: readonly RuleSection[] = ['http', 'tls', 'tcp'];

export interface Destination {
  readonly host: string;
  readonly subset?: string;
  readonly port?: number;
}

export interface RouteDestination {
  readonly destination: Destination | undefined;
  readonly weight?: number;
  readonly headers?: HeaderOperations;
}

export interface HeaderOperations {
  readonly request?: HeaderOperation;
  readonly response?: HeaderOperation;
}

export interface HeaderOperation {
  readonly set?: Dict<string>;
  readonly add?: Dict<string>;
  readonly remove?: readonly string[];
}

export interface HttpRoute {
  readonly name?: string;
  readonly match: readonly HttpMatch[];
  readonly route: readonly RouteDestination[];
  readonly redirect?: HttpRedirect;
  readonly directResponse?: DirectResponse;
  readonly delegate?: Delegate;
  readonly rewrite?: HttpRewrite;
  readonly timeout?: string;
  readonly retries?: HttpRetry;
  readonly fault?: HttpFault;
  readonly mirror?: Destination;
  readonly mirrors?: readonly {
    readonly destination: Destination | undefined;
    readonly percentage?: number;
  }[];
  readonly mirrorPercentage?: number;
  readonly headers?: HeaderOperations;
  readonly corsPolicy?: Readonly<Record<string, unknown>>;
}

export interface L4Route {
  readonly name?: string;
  readonly match: readonly L4Match[];
  readonly route: readonly RouteDestination[];
}

export interface HttpRedirect {
  readonly uri?: string;
  readonly authority?: string;
  readonly port?: number;
  readonly derivePort?: string;
  readonly scheme?: string;
  readonly redirectCode?: number;
  readonly prefixRewrite?: string;
}

export interface DirectResponse {
  readonly status: number | undefined;
  readonly body?: { readonly string?: string; readonly bytes?: string };
}

export interface Delegate {
  readonly name: string;
  /** Absent: the namespace of the VirtualService that delegates. */
  readonly namespace?: string;
}

export interface HttpRewrite {
  readonly uri?: string;
  readonly authority?: string;
  readonly uriRegexRewrite?: {
    readonly match: string | undefined;
    readonly rewrite: string | undefined;
  };
}

export interface HttpRetry {
  readonly attempts?: number;
  readonly perTryTimeout?: string;
  readonly retryOn?: string;
}

export interface HttpFault {
  readonly delay?: {
    readonly fixedDelay?: string;
    readonly percentage?: number;
    readonly percent?: number;
  };
  readonly abort?: {
    readonly httpStatus?: number;
    readonly grpcStatus?: string;
    readonly percentage?: number;
  };
}

export function readVirtualService(raw: Record<string, unknown>): VirtualService {
  const spec = record(raw.spec);
  return {
    ...readHeader(raw),
    kind: 'VirtualService',
    hosts: strings(spec.hosts),
    gateways: Array.isArray(spec.gateways) ? strings(spec.gateways) : undefined,
    exportTo: Array.isArray(spec.exportTo) ? strings(spec.exportTo) : undefined,
    http: list(spec.http, readHttpRoute),
    tls: list(spec.tls, readL4Route),
    tcp: list(spec.tcp, readL4Route),
  };
}

/** Rules keep their positions: a malformed rule is read as an empty one rather than dropped. */
function readHttpRoute(raw: unknown): HttpRoute {
  const r = record(raw);
  return defined<HttpRoute>({
    name: str(r.name),
    match: list(r.match, readHttpMatch),
    route: list(r.route, readRouteDestination),
    redirect: isRecord(r.redirect) ? readRedirect(r.redirect) : undefined,
    directResponse: isRecord(r.directResponse) ? readDirectResponse(r.directResponse) : undefined,
    delegate: isRecord(r.delegate)
      ? defined<Delegate>({
          name: str(r.delegate.name) ?? '',
          namespace: str(r.delegate.namespace),
        })
      : undefined,
    rewrite: isRecord(r.rewrite) ? readRewrite(r.rewrite) : undefined,
    timeout: str(r.timeout),
    retries: isRecord(r.retries)
      ? defined<HttpRetry>({
          attempts: num(r.retries.attempts),
          perTryTimeout: str(r.retries.perTryTimeout),
          retryOn: str(r.retries.retryOn),
        })
      : undefined,
    fault: isRecord(r.fault) ? readFault(r.fault) : undefined,
    mirror: readDestination(r.mirror),
    mirrors: Array.isArray(r.mirrors)
      ? list(r.mirrors, (m) =>
          defined({
            destination: readDestination(record(m).destination),
            percentage: percentage(record(m).percentage),
          }),
        )
      : undefined,
    mirrorPercentage: percentage(r.mirrorPercentage),
    headers: isRecord(r.headers) ? readHeaderOperations(r.headers) : undefined,
    corsPolicy: isRecord(r.corsPolicy) ? r.corsPolicy : undefined,
  });
}

function readL4Route(raw: unknown): L4Route {
  const r = record(raw);
  return defined<L4Route>({
    name: str(r.name),
    match: list(r.match, readL4Match),
    route: list(r.route, readRouteDestination),
  });
}

export function readDestination(raw: unknown): Destination | undefined {
  if (!isRecord(raw)) return undefined;
  const port = isRecord(raw.port) ? num(raw.port.number) : undefined;
  return defined<Destination>({ host: str(raw.host) ?? '', subset: str(raw.subset), port });
}

function readRouteDestination(raw: unknown): RouteDestination {
  const r = record(raw);
  return defined<RouteDestination>({
    destination: readDestination(r.destination),
    weight: num(r.weight),
    headers: isRecord(r.headers) ? readHeaderOperations(r.headers) : undefined,
  });
}

function readHeaderOperations(raw: Record<string, unknown>): HeaderOperations {
  const op = (v: unknown): HeaderOperation | undefined =>
    isRecord(v)
      ? defined<HeaderOperation>({
          set: isRecord(v.set) ? dict(v.set, str) : undefined,
          add: isRecord(v.add) ? dict(v.add, str) : undefined,
          remove: Array.isArray(v.remove) ? strings(v.remove) : undefined,
        })
      : undefined;
  return defined<HeaderOperations>({ request: op(raw.request), response: op(raw.response) });
}

function readRedirect(r: Record<string, unknown>): HttpRedirect {
  return defined<HttpRedirect>({
    uri: str(r.uri),
    authority: str(r.authority),
    port: num(r.port),
    derivePort: str(r.derivePort),
    scheme: str(r.scheme),
    redirectCode: num(r.redirectCode),
    prefixRewrite: str(r.prefixRewrite),
  });
}

function readDirectResponse(r: Record<string, unknown>): DirectResponse {
  const body = isRecord(r.body)
    ? defined<{ string?: string; bytes?: string }>({
        string: str(r.body.string),
        bytes: str(r.body.bytes),
      })
    : undefined;
  return defined<DirectResponse>({ status: num(r.status), body });
}

function readRewrite(r: Record<string, unknown>): HttpRewrite {
  const regex = isRecord(r.uriRegexRewrite)
    ? { match: str(r.uriRegexRewrite.match), rewrite: str(r.uriRegexRewrite.rewrite) }
    : undefined;
  return defined<HttpRewrite>({
    uri: str(r.uri),
    authority: str(r.authority),
    uriRegexRewrite: regex,
  });
}

function readFault(r: Record<string, unknown>): HttpFault {
  const delay = isRecord(r.delay)
    ? defined({
        fixedDelay: str(r.delay.fixedDelay),
        percentage: percentage(r.delay.percentage),
        percent: num(r.delay.percent),
      })
    : undefined;
  const abort = isRecord(r.abort)
    ? defined({
        httpStatus: num(r.abort.httpStatus),
        grpcStatus: str(r.abort.grpcStatus),
        percentage: percentage(r.abort.percentage),
      })
    : undefined;
  return defined<HttpFault>({ delay, abort });
}

/** Istio's `Percent` message: `{value: 12.5}`. */
function percentage(raw: unknown): number | undefined {
  return isRecord(raw) ? num(raw.value) : undefined;
}
