/**
 * The CRD validation rules (CEL `XValidation` and list-map keys) of HTTPRoute and GRPCRoute, and
 * the parentRef and backendRef rules every route kind shares, read from
 * kubernetes-sigs/gateway-api apis/v1 (httproute_types.go, grpcroute_types.go, shared_types.go,
 * object_reference_types.go). They run on the manifest with the CRD's defaults in mind (a rule
 * without matches has one `PathPrefix /` match; a match's path type is `PathPrefix`), as the
 * API server applies defaults before it validates.
 */
import { isRecord } from '../../model/read.ts';
import type { Path } from '../../yaml/path.ts';
import { arr, number, obj, type Plain, text } from '../structure/values.ts';
import { CelIssues, repeats } from './celIssues.ts';

export function routeCelIssues(kind: string, doc: Plain): CelIssues {
  const report = new CelIssues();
  const spec = obj(doc.spec) ?? {};
  parentRefs(arr(spec.parentRefs), report);
  arr(spec.rules).forEach((raw, i) => {
    const rule = obj(raw);
    if (!rule) return;
    const path: Path = ['spec', 'rules', i];
    if (kind === 'HTTPRoute') httpRule(rule, path, report);
    if (kind === 'GRPCRoute') grpcRule(rule, path, report);
    arr(rule.backendRefs).forEach((ref, j) => {
      backendPort(ref, [...path, 'backendRefs', j], report);
    });
  });
  return report;
}

/**
 * Two parentRefs to the same parent: the standard and experimental CRDs differ in how they
 * count `port`, so only what both refuse is reported: one names a section (or port) and the
 * other none, or both name the same.
 */
function parentRefs(refs: readonly unknown[], report: CelIssues): void {
  const plain = refs.map((r) => obj(r) ?? {});
  const parentKey = (ref: Plain) =>
    `${text(ref.group) ?? 'gateway.networking.k8s.io'}/${text(ref.kind) ?? 'Gateway'}/${text(ref.namespace) ?? ''}/${text(ref.name) ?? ''}`;
  const section = (ref: Plain) => text(ref.sectionName) || undefined;
  const port = (ref: Plain) => number(ref.port) || undefined;
  plain.forEach((ref, j) => {
    for (let i = 0; i < j; i++) {
      const other = plain[i] as Plain;
      if (parentKey(ref) !== parentKey(other)) continue;
      const named = (r: Plain) => section(r) !== undefined;
      const same = section(ref) === section(other) && port(ref) === port(other);
      if (named(ref) !== named(other) || same) {
        report.error(
          'gwapi-cel-parent-duplicate',
          ['spec', 'parentRefs', j],
          same
            ? `parentRefs[${j}] repeats parentRefs[${i}]: when parentRefs include two or more references to the same parent, each must name a different sectionName (or port)`
            : `parentRefs[${j}] and parentRefs[${i}] name the same parent, and only one sets sectionName: set sectionName on both, or merge them`,
        );
        return;
      }
    }
  });
}

/** `Must have port for Service reference` (BackendObjectReference). */
function backendPort(raw: unknown, path: Path, report: CelIssues): void {
  const ref = obj(raw);
  if (!ref) return;
  const group = text(ref.group) ?? '';
  const kind = text(ref.kind) ?? 'Service';
  if (group === '' && kind === 'Service' && ref.port === undefined)
    report.error(
      'gwapi-cel-backend-port',
      path,
      `The reference to Service ${text(ref.name) ?? ''} has no port: a Service reference must have a port. Add the Service port to send to`,
    );
}

function httpRule(rule: Plain, path: Path, report: CelIssues): void {
  // The CRD defaults an absent `matches` to one `PathPrefix /` match.
  const matches: readonly unknown[] = Array.isArray(rule.matches) ? rule.matches : [{}];
  matches.forEach((raw, m) => {
    const match = obj(raw);
    if (!match) return;
    const at: Path = [...path, 'matches', m];
    const pathMatch = obj(match.path);
    if (pathMatch) pathValue(pathMatch, [...at, 'path'], report);
    uniqueNames(arr(match.headers), [...at, 'headers'], 'header match', report);
    uniqueNames(arr(match.queryParams), [...at, 'queryParams'], 'query parameter match', report);
  });
  const filters = arr(rule.filters);
  httpFilters(filters, [...path, 'filters'], report);
  const backendRefs = arr(rule.backendRefs);
  if (backendRefs.length > 0) {
    const redirect = filters.findIndex((f) => isRecord(obj(f)?.requestRedirect));
    if (redirect !== -1)
      report.error(
        'gwapi-cel-redirect-with-backends',
        [...path, 'filters', redirect],
        'A RequestRedirect filter must not be used together with backendRefs: a redirect answers the request itself. Remove the backendRefs or the redirect',
      );
  }
  const onePrefixMatch = (() => {
    if (matches.length !== 1) return false;
    const only = obj(matches[0]);
    const type = only ? (text(obj(only.path)?.type) ?? 'PathPrefix') : undefined;
    return type === 'PathPrefix';
  })();
  if (!onePrefixMatch) {
    const prefixFilters = (list: readonly unknown[], field: string) =>
      list.flatMap((f, k) => (prefixRewrite(f, field) ? [k] : []));
    for (const field of ['requestRedirect', 'urlRewrite']) {
      const found = prefixFilters(filters, field);
      if (found.length === 1)
        report.error(
          'gwapi-cel-prefix-match-required',
          [...path, 'filters', found[0] as number, field, 'path'],
          prefixMessage(field, matches.length),
        );
      const refs = backendRefs.flatMap((ref, j) => {
        const own = prefixFilters(arr(obj(ref)?.filters), field);
        return own.length === 1 ? [{ j, k: own[0] as number }] : [];
      });
      const [only] = refs;
      if (refs.length === 1 && only)
        report.error(
          'gwapi-cel-prefix-match-required',
          [...path, 'backendRefs', only.j, 'filters', only.k, field, 'path'],
          prefixMessage(field, matches.length),
        );
    }
  }
  backendRefs.forEach((ref, j) => {
    httpFilters(arr(obj(ref)?.filters), [...path, 'backendRefs', j, 'filters'], report);
  });
  timeouts(obj(rule.timeouts), [...path, 'timeouts'], report);
}

function prefixRewrite(raw: unknown, field: string): boolean {
  const modifier = obj(obj(obj(raw)?.[field])?.path);
  return modifier?.type === 'ReplacePrefixMatch' && modifier.replacePrefixMatch !== undefined;
}

function prefixMessage(field: string, matches: number): string {
  const filter = field === 'urlRewrite' ? 'URLRewrite' : 'RequestRedirect';
  return `A ${filter} filter with path.replacePrefixMatch needs exactly one match, with a PathPrefix path (this rule has ${matches === 1 ? 'one match that is not PathPrefix' : `${matches} matches`}): the prefix it replaces is that match's. Split the rule, one PathPrefix match each, or use ReplaceFullPath`;
}

const PATH_CHARACTERS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;

/** HTTPPathMatch: an Exact or PathPrefix value is an absolute, normalised path. */
function pathValue(match: Plain, path: Path, report: CelIssues): void {
  const type = text(match.type) ?? 'PathPrefix';
  const value = text(match.value) ?? '/';
  if (type !== 'Exact' && type !== 'PathPrefix') return;
  const at: Path = [...path, 'value'];
  const said = `The ${type} path "${value}"`;
  if (!value.startsWith('/'))
    report.error(
      'gwapi-cel-path-absolute',
      at,
      `${said} must be an absolute path: start it with "/"`,
    );
  const segment = ['//', '/./', '/../'].find((s) => value.includes(s));
  if (segment)
    report.error(
      'gwapi-cel-path-segment',
      at,
      `${said} must not contain "${segment}": write the path without empty, "." or ".." segments`,
    );
  else if (value.endsWith('/..') || value.endsWith('/.'))
    report.error(
      'gwapi-cel-path-segment',
      at,
      `${said} must not end with "${value.endsWith('/..') ? '/..' : '/.'}": write the path without "." or ".." segments`,
    );
  if (value.includes('%2f') || value.includes('%2F'))
    report.error(
      'gwapi-cel-path-encoded-slash',
      at,
      `${said} must not contain an encoded slash (%2f): write "/" itself`,
    );
  if (value.includes('#'))
    report.error(
      'gwapi-cel-path-fragment',
      at,
      `${said} must not contain "#": a fragment is never sent to the server; remove it`,
    );
  else if (value !== '' && !PATH_CHARACTERS.test(value))
    report.error(
      'gwapi-cel-path-characters',
      at,
      `${said} has characters a path cannot hold unescaped (allowed: letters, digits, -/._~!$&'()*+,;=:@ and %XX escapes): percent-encode them`,
    );
}

/** Header and query parameter matches are maps keyed by name (`+listMapKey=name`). */
function uniqueNames(items: readonly unknown[], path: Path, what: string, report: CelIssues): void {
  for (const { index, first, key } of repeats(items, (i) => text(obj(i)?.name)))
    report.error(
      'gwapi-cel-header-duplicate',
      [...path, index, 'name'],
      `The ${what} "${key}" is written twice (items ${first} and ${index}); names must be unique: merge them`,
    );
}

/** Which field holds each filter type's settings. */
const FILTER_FIELDS: Readonly<Record<string, string>> = {
  RequestHeaderModifier: 'requestHeaderModifier',
  ResponseHeaderModifier: 'responseHeaderModifier',
  RequestMirror: 'requestMirror',
  RequestRedirect: 'requestRedirect',
  URLRewrite: 'urlRewrite',
  ExtensionRef: 'extensionRef',
  CORS: 'cors',
  ExternalAuth: 'externalAuth',
};

const HTTP_UNIQUE_FILTERS = [
  'CORS',
  'RequestHeaderModifier',
  'ResponseHeaderModifier',
  'RequestRedirect',
  'URLRewrite',
];
const GRPC_UNIQUE_FILTERS = ['RequestHeaderModifier', 'ResponseHeaderModifier'];

function httpFilters(filters: readonly unknown[], path: Path, report: CelIssues): void {
  commonFilters(filters, path, HTTP_UNIQUE_FILTERS, report);
  const types = filters.map((f) => text(obj(f)?.type));
  const redirect = types.indexOf('RequestRedirect');
  const rewrite = types.indexOf('URLRewrite');
  if (redirect !== -1 && rewrite !== -1)
    report.error(
      'gwapi-cel-redirect-with-rewrite',
      [...path, Math.max(redirect, rewrite)],
      'RequestRedirect and URLRewrite filters cannot be used together: a redirect sends the client elsewhere, so there is nothing to rewrite. Keep one; a redirect has its own path and hostname',
    );
  filters.forEach((raw, k) => {
    const filter = obj(raw);
    if (!filter) return;
    for (const field of ['requestRedirect', 'urlRewrite']) {
      const modifier = obj(obj(filter[field])?.path);
      if (modifier) pathModifier(modifier, [...path, k, field, 'path'], report);
    }
  });
}

/** What HTTPRoute and GRPCRoute filters share: one field per type, unique types, mirrors. */
function commonFilters(
  filters: readonly unknown[],
  path: Path,
  unique: readonly string[],
  report: CelIssues,
): void {
  for (const { index, key } of repeats(filters, (f) => text(obj(f)?.type)))
    if (unique.includes(key))
      report.error(
        'gwapi-cel-filter-repeated',
        [...path, index, 'type'],
        `The ${key} filter is repeated: a rule (or backendRef) may hold each filter type once, except RequestMirror and ExtensionRef. Merge the two`,
      );
  filters.forEach((raw, k) => {
    const filter = obj(raw);
    if (!filter) return;
    const type = text(filter.type) ?? '';
    const field = FILTER_FIELDS[type];
    if (field && filter[field] === undefined)
      report.error(
        'gwapi-cel-filter-field',
        [...path, k],
        `A ${type} filter must set ${field}: add it with the filter's settings`,
      );
    for (const [other, otherField] of Object.entries(FILTER_FIELDS))
      if (other !== type && filter[otherField] !== undefined)
        report.error(
          'gwapi-cel-filter-field',
          [...path, k, otherField],
          `filter.${otherField} must not be set when the filter type is ${type || 'not set'}: set type to ${other}, or remove ${otherField}`,
        );
    for (const field of ['requestHeaderModifier', 'responseHeaderModifier']) {
      const modifier = obj(filter[field]);
      for (const op of ['set', 'add'])
        uniqueNames(arr(modifier?.[op]), [...path, k, field, op], `header to ${op}`, report);
      for (const { index, key } of repeats(arr(modifier?.remove), text))
        report.error(
          'gwapi-cel-header-duplicate',
          [...path, k, field, 'remove', index],
          `The header "${key}" is removed twice; the list is a set: remove the repeat`,
        );
    }
    const mirror = obj(filter.requestMirror);
    if (mirror) {
      const at: Path = [...path, k, 'requestMirror'];
      if (mirror.percent !== undefined && mirror.fraction !== undefined)
        report.error(
          'gwapi-cel-mirror-percent-fraction',
          [...at, 'fraction'],
          'A mirror sets both percent and fraction: only one of them may be set. Keep one',
        );
      const fraction = obj(mirror.fraction);
      const numerator = number(fraction?.numerator);
      const denominator = number(fraction?.denominator) ?? 100;
      if (numerator !== undefined && numerator > denominator)
        report.error(
          'gwapi-cel-mirror-fraction',
          [...at, 'fraction', 'numerator'],
          `The mirror fraction ${numerator}/${denominator} is more than all requests: the numerator must be at most the denominator`,
        );
      backendPort(mirror.backendRef, [...at, 'backendRef'], report);
    }
  });
}

/** HTTPPathModifier: the type names the one field that carries its value. */
function pathModifier(modifier: Plain, path: Path, report: CelIssues): void {
  const type = text(modifier.type);
  for (const [kind, field] of [
    ['ReplaceFullPath', 'replaceFullPath'],
    ['ReplacePrefixMatch', 'replacePrefixMatch'],
  ] as const) {
    if (type === kind && modifier[field] === undefined)
      report.error(
        'gwapi-cel-path-modifier',
        path,
        `A path modifier of type ${kind} must set ${field}: add the path to use`,
      );
    if (type !== kind && modifier[field] !== undefined)
      report.error(
        'gwapi-cel-path-modifier',
        [...path, field],
        `${field} is set but the path modifier's type is ${type ?? 'not set'}: set type to ${kind}`,
      );
  }
}

/** GEP-2257 durations (`1h30m`, `500ms`), in milliseconds; undefined when not one. */
export function durationMs(value: string): number | undefined {
  if (!/^([0-9]{1,5}(h|m|s|ms)){1,4}$/.test(value)) return undefined;
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let total = 0;
  for (const [, amount, u] of value.matchAll(/([0-9]+)(ms|h|m|s)/g))
    total += Number(amount) * (unit[u as string] as number);
  return total;
}

/** `backendRequest timeout cannot be longer than request timeout` (0s: no request timeout). */
function timeouts(raw: Plain | undefined, path: Path, report: CelIssues): void {
  const request = durationMs(text(raw?.request) ?? '');
  const backend = durationMs(text(raw?.backendRequest) ?? '');
  if (request === undefined || backend === undefined || request === 0 || backend <= request) return;
  report.error(
    'gwapi-cel-timeouts',
    [...path, 'backendRequest'],
    `The backendRequest timeout ${text(raw?.backendRequest)} is longer than the request timeout ${text(raw?.request)}: the whole request ends first. Shorten it, or lengthen the request timeout`,
  );
}

const GRPC_SERVICE = /^\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$/i;
const GRPC_METHOD = /^[A-Za-z_][A-Za-z_0-9]*$/;

function grpcRule(rule: Plain, path: Path, report: CelIssues): void {
  arr(rule.matches).forEach((raw, m) => {
    const match = obj(raw);
    if (!match) return;
    const at: Path = [...path, 'matches', m];
    uniqueNames(arr(match.headers), [...at, 'headers'], 'header match', report);
    const method = obj(match.method);
    if (!method) return;
    const type = text(method.type) ?? 'Exact';
    const service = text(method.service);
    const name = text(method.method);
    if (service === undefined && name === undefined)
      report.error(
        'gwapi-cel-grpc-method',
        [...at, 'method'],
        'A gRPC method match must set service, method or both',
      );
    if (type !== 'Exact') return;
    if (service !== undefined && !GRPC_SERVICE.test(service))
      report.error(
        'gwapi-cel-grpc-method',
        [...at, 'method', 'service'],
        `The gRPC service "${service}" is not a valid service name (dot-separated identifiers, such as helloworld.Greeter)`,
      );
    if (name !== undefined && !GRPC_METHOD.test(name))
      report.error(
        'gwapi-cel-grpc-method',
        [...at, 'method', 'method'],
        `The gRPC method "${name}" is not a valid method name (an identifier, such as SayHello)`,
      );
  });
  const filters = arr(rule.filters);
  commonFilters(filters, [...path, 'filters'], GRPC_UNIQUE_FILTERS, report);
  arr(rule.backendRefs).forEach((ref, j) => {
    commonFilters(
      arr(obj(ref)?.filters),
      [...path, 'backendRefs', j, 'filters'],
      GRPC_UNIQUE_FILTERS,
      report,
    );
  });
}
