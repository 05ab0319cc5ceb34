/**
 * ingress-nginx serves a Prefix path `p/` (ending in `/`) as the prefix location `p/` alone (no
 * exact `= p`): the request `p` is not served by it. The Gateway API ignores a trailing `/` of a
 * PathPrefix, so a PathPrefix `p/` takes `p` too. What ingress-nginx does with `p` is written
 * ahead of it: an Exact `p` match on the rule of the path that answers `p` instead (so its
 * weights, filters and canary header rules hold for `p` too), or an Exact `p` rule to the
 * defaultBackend; when none does (nginx answers 404), the path becomes the RegularExpression
 * `p/.*`, which is the nginx prefix location itself (both case-sensitive). Nothing is lost.
 */
import { pathMatchers, pickPath } from '../model/ingressPaths.ts';
import type { IndexedIngress } from '../workspace/ingressIndex.ts';
import type { Origin } from './types.ts';

type Plain = Record<string, unknown>;

/** A converted main Ingress path, with the route rule written for it. */
export interface SlashPathRule {
  readonly host: string;
  readonly path: string;
  readonly pathType: string;
  readonly rule: Plain;
  readonly route: Plain[];
  readonly parts: Origin[];
  readonly indexed: IndexedIngress;
  readonly field: string;
}

/** RE2 syntax characters escaped, so a literal path reads as itself in a regex. */
const escapeRegex = (text: string) => text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');

/**
 * For each PathPrefix written for a Prefix `p/`: the request `p` answered as ingress-nginx
 * answers it. Runs before canaries merge in, so their header rules copy the matches as written
 * here (and the redirect route, which shares them).
 */
export function fixTrailingSlashPrefixes(pathRules: readonly SlashPathRule[]): void {
  for (const own of pathRules) {
    const match = (own.rule.matches as Plain[] | undefined)?.[0];
    const written = match?.path as Plain | undefined;
    if (!match || written?.type !== 'PathPrefix') continue;
    if (own.pathType !== 'Prefix' || own.path === '/' || !own.path.endsWith('/')) continue;
    const bare = own.path.replace(/\/+$/, '') || '/';
    const sameHost = pathRules.filter(
      (r) => r !== own && r.host.toLowerCase() === own.host.toLowerCase(),
    );
    const picked = pickPath(
      sameHost.map((r) => ({ r, matchers: pathMatchers(r, 'nginx') })),
      bare,
      'nginx',
    )?.candidate.r;
    // No path takes it: the server's root location, the defaultBackend of its first Ingress.
    const first = pathRules.find((r) => r.host.toLowerCase() === own.host.toLowerCase());
    const fallback = picked ? undefined : first?.indexed.ingress.defaultBackend;
    if (picked) (picked.rule.matches as Plain[]).push({ path: { type: 'Exact', value: bare } });
    else if (fallback) {
      const catchAll = first?.route.find((r) => r.matches === undefined);
      if (!catchAll || !first) continue;
      own.route.unshift({
        matches: [{ path: { type: 'Exact', value: bare } }],
        backendRefs: catchAll.backendRefs,
      });
      own.parts.unshift({ resource: first.indexed.entry.id, path: 'spec.defaultBackend' });
    } else match.path = { type: 'RegularExpression', value: `${escapeRegex(own.path)}.*` };
  }
}
