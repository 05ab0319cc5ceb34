import type { Command } from '../../edit/command.ts';
import { valueAt } from '../../model/read.ts';
import type { HttpRoute } from '../../model/virtualService.ts';
import type { Path } from '../../yaml/path.ts';
import type { CheckContext } from '../context.ts';
import type { Finding, QuickFix } from '../finding.ts';
import { addressOf, virtualServiceEntries } from './virtualServiceEntries.ts';

/**
 * The prefix-rewrite double slash: Istio turns `rewrite.uri` into Envoy's `prefix_rewrite`, which
 * replaces the matched prefix literally (ISTIO-FACTS, rewrite). A `prefix: /x` match rewritten to
 * a value ending in `/` keeps the `/` that follows `/x` in the path, so `/x/y` reaches the
 * backend as `//y`. No `istioctl analyze` or Kiali code says this; the project's own does.
 * `prefix: /x/` (the slash is part of what is replaced) is fine, and so is a rule whose earlier
 * match already takes every `/x/…` path.
 */
export function* checkPrefixRewrites(context: CheckContext): Iterable<Finding> {
  for (const { entry, vs } of virtualServiceEntries(context)) {
    for (const [r, rule] of vs.http.entries()) {
      const rewrite = rule.rewrite;
      // uriRegexRewrite wins over uri (applyHTTPRouteDestination); an empty uri rewrites nothing.
      if (!rewrite?.uri?.endsWith('/') || rewrite.uriRegexRewrite) continue;
      for (const [m, match] of rule.match.entries()) {
        const prefix = match.uri?.prefix;
        if (prefix === undefined || prefix === '' || prefix.endsWith('/')) continue;
        if (takenEarlier(rule, m, `${prefix}/`)) continue;
        const sent = `${prefix}/api`;
        const received = `${rewrite.uri}/api`;
        const path: Path = ['spec', 'http', r, 'match', m, 'uri', 'prefix'];
        const fix = splitMatchFix(context.raw(entry), entry.id, r, m, prefix);
        yield {
          code: 'vs-rewrite-double-slash',
          severity: 'warning',
          message: `prefix ${prefix} rewritten to ${rewrite.uri} sends ${sent} as ${received} to the backend: Envoy replaces the matched prefix literally and keeps the "/" after it; match prefix ${prefix}/ and exact ${prefix} instead`,
          resource: entry.id,
          at: addressOf(entry),
          path,
          ...(fix ? { fixes: [fix] } : {}),
        };
      }
    }
  }
}

/** Whether a match before `index` in the rule already takes every path under `prefix`. */
function takenEarlier(rule: HttpRoute, index: number, prefix: string): boolean {
  return rule.match.slice(0, index).some((m) => {
    const { uri, name: _name, ...others } = m;
    return uri?.prefix === prefix && Object.values(others).every((v) => v === undefined);
  });
}

/**
 * The usual remedy, as one undoable step: the match becomes `prefix: /x/` (so `/x/y` → `/y`) and
 * a copy of it with `exact: /x` follows (so `/x` → the rewrite itself), other conditions kept.
 */
function splitMatchFix(
  raw: Record<string, unknown>,
  target: string,
  rule: number,
  index: number,
  prefix: string,
): QuickFix | undefined {
  const written = valueAt(raw, ['spec', 'http', rule, 'match', index]);
  if (written === null || typeof written !== 'object' || Array.isArray(written)) return undefined;
  const { uri: _uri, ...others } = written as Record<string, unknown>;
  const matchPath: Path = ['spec', 'http', rule, 'match'];
  const command: Command = {
    type: 'batch',
    commands: [
      {
        type: 'setValue',
        target,
        path: [...matchPath, index, 'uri', 'prefix'],
        value: `${prefix}/`,
      },
      {
        type: 'insertItem',
        target,
        path: matchPath,
        index: index + 1,
        value: { uri: { exact: prefix }, ...others },
      },
    ],
  };
  return {
    // Short: the warning above it already says what the backend receives.
    title: `Match prefix ${prefix}/ and exact ${prefix}`,
    command,
  };
}
