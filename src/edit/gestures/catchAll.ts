import type { HttpMatch } from '../../model/match.ts';
import type { HttpRoute, L4Route } from '../../model/virtualService.ts';

/**
 * Whether a rule takes every request that reaches it, so that no rule after it is ever used:
 * Istio's `IsCatchAllRoute` (no match, or a match on every path with no other condition) for
 * HTTP rules, and a rule without match for TCP and TLS rules.
 */
export function isCatchAll(rule: HttpRoute | L4Route, section: 'http' | 'tls' | 'tcp'): boolean {
  if (rule.match.length === 0) return true;
  if (section !== 'http') return false;
  return (rule as HttpRoute).match.some(isEveryPath);
}

function isEveryPath(match: HttpMatch): boolean {
  const uri = match.uri;
  const everyPath = uri !== undefined && (uri.prefix === '/' || uri.regex === '.*');
  const others = Object.keys(match).filter(
    (key) => key !== 'uri' && key !== 'name' && key !== 'ignoreUriCase',
  );
  return everyPath && others.every((key) => isEmpty(match[key as keyof HttpMatch]));
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === 0) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}
