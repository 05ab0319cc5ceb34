import { bool, type Dict, defined, dict, isRecord, num, record, str, strings } from './read.ts';

/** Istio `StringMatch`: one of exact, prefix or regex (RE2, whole-value). `{}` means "present". */
export interface StringMatch {
  readonly exact?: string;
  readonly prefix?: string;
  readonly regex?: string;
}

export function readStringMatch(raw: unknown): StringMatch | undefined {
  if (raw === null) return {};
  if (!isRecord(raw)) return undefined;
  return defined<StringMatch>({
    exact: str(raw.exact),
    prefix: str(raw.prefix),
    regex: str(raw.regex),
  });
}

/** Istio `HTTPMatchRequest`: conditions that must all hold (a rule's match list is OR of these). */
export interface HttpMatch {
  readonly name?: string;
  readonly uri?: StringMatch;
  readonly scheme?: StringMatch;
  readonly method?: StringMatch;
  readonly authority?: StringMatch;
  readonly headers?: Dict<StringMatch>;
  readonly withoutHeaders?: Dict<StringMatch>;
  readonly queryParams?: Dict<StringMatch>;
  readonly ignoreUriCase?: boolean;
  readonly port?: number;
  readonly gateways?: readonly string[];
  readonly sourceLabels?: Dict<string>;
  readonly sourceNamespace?: string;
}

export function readHttpMatch(raw: unknown): HttpMatch {
  const m = record(raw);
  return defined<HttpMatch>({
    name: str(m.name),
    uri: readStringMatch(m.uri),
    scheme: readStringMatch(m.scheme),
    method: readStringMatch(m.method),
    authority: readStringMatch(m.authority),
    headers: isRecord(m.headers) ? dict(m.headers, readStringMatch) : undefined,
    withoutHeaders: isRecord(m.withoutHeaders)
      ? dict(m.withoutHeaders, readStringMatch)
      : undefined,
    queryParams: isRecord(m.queryParams) ? dict(m.queryParams, readStringMatch) : undefined,
    ignoreUriCase: bool(m.ignoreUriCase),
    port: num(m.port),
    gateways: Array.isArray(m.gateways) ? strings(m.gateways) : undefined,
    sourceLabels: isRecord(m.sourceLabels) ? dict(m.sourceLabels, str) : undefined,
    sourceNamespace: str(m.sourceNamespace),
  });
}

/** Istio `L4MatchAttributes` and `TLSMatchAttributes` (for `tcp` and `tls` rules). */
export interface L4Match {
  readonly port?: number;
  readonly sniHosts?: readonly string[];
  readonly destinationSubnets?: readonly string[];
  readonly gateways?: readonly string[];
  readonly sourceNamespace?: string;
}

export function readL4Match(raw: unknown): L4Match {
  const m = record(raw);
  return defined<L4Match>({
    port: num(m.port),
    sniHosts: Array.isArray(m.sniHosts) ? strings(m.sniHosts) : undefined,
    destinationSubnets: Array.isArray(m.destinationSubnets)
      ? strings(m.destinationSubnets)
      : undefined,
    gateways: Array.isArray(m.gateways) ? strings(m.gateways) : undefined,
    sourceNamespace: str(m.sourceNamespace),
  });
}
