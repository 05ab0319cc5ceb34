import { resolveGatewayName } from '../model/gatewayNames.ts';
import type { HttpMatch, StringMatch } from '../model/match.ts';
import type { Dict } from '../model/read.ts';
import type { ResourceId } from '../model/resource.ts';
import type { HttpRoute } from '../model/virtualService.ts';
import type { VsInfo } from './bindings.ts';
import type { FieldPath, Step } from './types.ts';

/** A match block with its `gateways` resolved, and where it is written. */
export interface FlatMatch {
  readonly match: HttpMatch;
  readonly resource: ResourceId;
  readonly path: FieldPath;
}

/**
 * An HTTP rule as pilot uses it after `mergeVirtualServicesIfNeeded`: a plain rule of the
 * VirtualService, or a delegate's rule merged with the root rule that delegates to it.
 */
export interface FlatRule {
  /** Where the rule is written: the delegate for a delegated rule. */
  readonly vs: VsInfo;
  readonly index: number;
  readonly root?: VsInfo;
  readonly rootIndex?: number;
  /** The rule in effect: a delegate rule with the root's fields it does not set. */
  readonly rule: HttpRoute;
  /** Istio's route name: `root-delegate` for a merged rule. */
  readonly name: string | undefined;
  /** Empty: the rule has no match (Istio's `prefix: /`). */
  readonly matches: readonly FlatMatch[];
  /** Fields taken from the root rule. */
  readonly inherited: readonly (keyof HttpRoute)[];
}

/** Root fields a delegate rule inherits when it does not set them (`mergeHTTPRoute`). */
const INHERITED: readonly (keyof HttpRoute)[] = [
  'rewrite',
  'timeout',
  'retries',
  'fault',
  'mirror',
  'mirrorPercentage',
  'mirrors',
  'corsPolicy',
  'headers',
];

/**
 * The HTTP rules of `info` as pilot sees them: a root rule with `delegate` is replaced by the
 * delegate's rules merged with it (pilot/pkg/model/virtualservice.go `mergeHTTPRoutes`); a
 * missing or unexported delegate drops only that root rule, and a delegate rule whose match
 * conflicts with every root match is dropped. Only one level of delegation exists.
 */
export function flattenHttpRules(
  info: VsInfo,
  delegates: ReadonlyMap<string, VsInfo>,
): { readonly rules: FlatRule[]; readonly notes: Step[] } {
  const rules: FlatRule[] = [];
  const notes: Step[] = [];
  const vsId = info.item.id;
  info.item.object.http.forEach((rule, index) => {
    const rulePath = ['spec', 'http', index];
    if (!rule.delegate) {
      rules.push({
        vs: info,
        index,
        rule,
        name: rule.name,
        matches: ownMatches(rule, info, rulePath),
        inherited: [],
      });
      return;
    }
    const namespace = rule.delegate.namespace || info.namespace;
    const key = `${namespace}/${rule.delegate.name}`;
    const delegate = delegates.get(key);
    const at = { resource: vsId, path: [...rulePath, 'delegate'], index };
    if (!delegate) {
      notes.push({
        kind: 'delegate',
        detail: `delegate VirtualService ${key} not found (one without hosts): rule ${index} is skipped`,
        ...at,
      });
      return;
    }
    if (!exportedTo(delegate, info.namespace)) {
      notes.push({
        kind: 'delegate',
        detail: `delegate ${delegate.item.id} is not exported to ${info.namespace}: rule ${index} is skipped`,
        ...at,
      });
      return;
    }
    notes.push({
      kind: 'delegate',
      detail: `rule ${index} delegates to ${delegate.item.id}`,
      ...at,
    });
    const rootMatches = ownMatches(rule, info, rulePath);
    delegate.item.object.http.forEach((sub, subIndex) => {
      const subPath = ['spec', 'http', subIndex];
      const merged = mergeMatches(rootMatches, ownMatches(sub, delegate, subPath));
      if (merged === undefined) {
        notes.push({
          kind: 'delegate',
          detail: `rule ${subIndex} of ${delegate.item.id} conflicts with the match of root rule ${index} and is dropped`,
          resource: delegate.item.id,
          path: [...subPath, 'match'],
          index: subIndex,
        });
        return;
      }
      const inherited = INHERITED.filter((f) => sub[f] === undefined && rule[f] !== undefined);
      const effective: Record<string, unknown> = { ...sub };
      for (const f of inherited) effective[f] = rule[f];
      delete effective.delegate;
      rules.push({
        vs: delegate,
        index: subIndex,
        root: info,
        rootIndex: index,
        rule: effective as unknown as HttpRoute,
        name: joinNames(rule.name, sub.name),
        matches: merged,
        inherited,
      });
    });
  });
  return { rules, notes };
}

function exportedTo(delegate: VsInfo, namespace: string): boolean {
  const exportTo = delegate.item.object.exportTo;
  if (!exportTo || exportTo.length === 0) return true;
  return exportTo.some(
    (e) => e === '*' || e === namespace || (e === '.' && delegate.namespace === namespace),
  );
}

function ownMatches(rule: HttpRoute, info: VsInfo, rulePath: FieldPath): FlatMatch[] {
  return rule.match.map((match, m) => ({
    match: match.gateways
      ? { ...match, gateways: match.gateways.map((g) => resolveGatewayName(g, info.namespace)) }
      : match,
    resource: info.item.id,
    path: [...rulePath, 'match', m],
  }));
}

/** `name` of a merged rule or match: `root-delegate`, or whichever is set. */
function joinNames(root: string | undefined, leaf: string | undefined): string | undefined {
  if (!leaf) return root || undefined;
  return root ? `${root}-${leaf}` : leaf;
}

/** `mergeHTTPMatchRequests`: undefined when some delegate match fits no root match. */
function mergeMatches(
  root: readonly FlatMatch[],
  leaf: readonly FlatMatch[],
): FlatMatch[] | undefined {
  if (root.length === 0) return [...leaf];
  if (leaf.length === 0) return [...root];
  const out: FlatMatch[] = [];
  for (const sub of leaf) {
    let found = false;
    for (const top of root) {
      if (hasConflict(top.match, sub.match)) continue;
      out.push({ ...sub, match: mergeMatch(top.match, sub.match) });
      found = true;
    }
    if (!found) return undefined;
  }
  return out.length > 0 ? out : undefined;
}

/** `mergeHTTPMatchRequest`: the delegate's conditions, with the root's filling the gaps. */
function mergeMatch(root: HttpMatch, leaf: HttpMatch): HttpMatch {
  const merged: Record<string, unknown> = { ...leaf };
  const name = joinNames(root.name, leaf.name);
  if (name !== undefined) merged.name = name;
  for (const key of ['uri', 'scheme', 'method', 'authority'] as const)
    if (leaf[key] === undefined && root[key] !== undefined) merged[key] = root[key];
  for (const key of ['headers', 'withoutHeaders', 'queryParams', 'sourceLabels'] as const) {
    const both = { ...root[key], ...leaf[key] };
    if (Object.keys(both).length > 0) merged[key] = both;
  }
  if (!leaf.port && root.port) merged.port = root.port;
  if (!leaf.sourceNamespace && root.sourceNamespace) merged.sourceNamespace = root.sourceNamespace;
  if ((leaf.gateways ?? []).length === 0 && root.gateways) merged.gateways = root.gateways;
  return merged as HttpMatch;
}

/** `hasConflict`: the delegate match must be a subset of the root match. */
function hasConflict(root: HttpMatch, leaf: HttpMatch): boolean {
  for (const key of ['uri', 'scheme', 'method', 'authority'] as const)
    if (stringMatchConflict(root[key], leaf[key])) return true;
  const mapConflict = (a: Dict<StringMatch> | undefined, b: Dict<StringMatch> | undefined) =>
    Object.entries(b ?? {}).some(([k, v]) => stringMatchConflict(a?.[k], v));
  if (mapConflict(root.headers, leaf.headers)) return true;
  if (mapConflict(root.withoutHeaders, leaf.withoutHeaders)) return true;
  if (mapConflict(root.queryParams, leaf.queryParams)) return true;
  if ((root.ignoreUriCase ?? false) !== (leaf.ignoreUriCase ?? false)) return true;
  if (root.port && leaf.port && root.port !== leaf.port) return true;
  if (root.sourceNamespace && leaf.sourceNamespace !== root.sourceNamespace) return true;
  for (const [k, v] of Object.entries(leaf.sourceLabels ?? {})) {
    const r = root.sourceLabels?.[k];
    if (r !== undefined && r !== v) return true;
  }
  const rg = root.gateways ?? [];
  const lg = leaf.gateways ?? [];
  if (rg.length > 0 && lg.length > 0) {
    if (rg.length < lg.length) return true;
    if (lg.some((g) => !rg.includes(g))) return true;
  }
  return false;
}

/** `stringMatchConflict`; Go's "" is "unset", as the proto getters return it. */
function stringMatchConflict(
  root: StringMatch | undefined,
  leaf: StringMatch | undefined,
): boolean {
  if (root === undefined || leaf === undefined) return false;
  const set = (v: string | undefined) => v !== undefined && v !== '';
  if (set(root.regex) && (set(leaf.regex) || set(leaf.prefix) || set(leaf.exact))) return true;
  if (set(leaf.regex) && (set(root.regex) || set(root.prefix) || set(root.exact))) return true;
  if (set(root.exact)) {
    if (set(leaf.prefix)) return true;
    return leaf.exact !== root.exact;
  }
  if (set(root.prefix)) {
    const prefix = root.prefix as string;
    if (set(leaf.prefix)) return !(leaf.prefix as string).startsWith(prefix);
    if (set(leaf.exact)) return !(leaf.exact as string).startsWith(prefix);
  }
  return true;
}
