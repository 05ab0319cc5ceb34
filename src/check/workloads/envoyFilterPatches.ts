import { valueAt } from '../../model/read.ts';
import type { Entry } from '../../workspace/workspace.ts';
import type { Path } from '../../yaml/path.ts';
import type { Check, Finding } from '../finding.ts';
import type { FindingFields } from './resources.ts';
import { entryOf, findingOn, isSystemNamespace, itemsOf } from './resources.ts';

const ROUTE_LEVEL = new Set(['ROUTE_CONFIGURATION', 'HTTP_ROUTE']);
/** What REPLACE may apply to (envoyfilter.go; Envoy's patcher replaces virtual hosts too). */
const REPLACEABLE = new Set(['HTTP_FILTER', 'NETWORK_FILTER', 'VIRTUAL_HOST']);
const INSERT_RELATIVE = new Set(['INSERT_BEFORE', 'INSERT_AFTER']);

type Problem = 'relative' | 'relative-proxy-version' | 'replace' | 'add' | 'remove';

const PROBLEMS: Record<Problem, Omit<FindingFields, 'path' | 'message'> & { message: string }> = {
  relative: {
    code: 'envoyfilter-relative-operation',
    severity: 'warning',
    istio: 'IST0151',
    message:
      'EnvoyFilter has no priority and patches relative to other filters, so it may not be applied when the filters it is placed against change. Use INSERT_FIRST or ADD, or set spec.priority.',
  },
  'relative-proxy-version': {
    code: 'envoyfilter-relative-operation-proxy-version',
    severity: 'warning',
    istio: 'IST0155',
    message:
      'EnvoyFilter has no priority, patches relative to other filters and matches a proxyVersion that another patch of the same filter also matched, so it may not be applied during an upgrade. Use INSERT_FIRST or ADD, or set spec.priority.',
  },
  replace: {
    code: 'envoyfilter-replace-operation',
    severity: 'error',
    istio: 'IST0152',
    message:
      'REPLACE only works with applyTo HTTP_FILTER, NETWORK_FILTER or VIRTUAL_HOST; this patch is ignored.',
  },
  add: {
    code: 'envoyfilter-add-operation',
    severity: 'error',
    istio: 'IST0153',
    message:
      'ADD is ignored when applyTo is ROUTE_CONFIGURATION or HTTP_ROUTE; use MERGE to change routes.',
  },
  remove: {
    code: 'envoyfilter-remove-operation',
    severity: 'error',
    istio: 'IST0154',
    message: 'REMOVE is ignored when applyTo is ROUTE_CONFIGURATION or HTTP_ROUTE.',
  },
};

/**
 * EnvoyFilter patch operations, as `EnvoyPatchAnalyzer` (pkg/config/analysis/analyzers/
 * envoyfilter/envoyfilter.go) reads them: REPLACE outside HTTP_FILTER/NETWORK_FILTER/VIRTUAL_HOST (IST0152),
 * ADD or REMOVE on ROUTE_CONFIGURATION/HTTP_ROUTE (IST0153, IST0154), and relative operations
 * (INSERT_BEFORE/AFTER, REPLACE, REMOVE) without `priority` (IST0151), or IST0155 when a
 * patch read earlier (in this or a previous EnvoyFilter) matched a `proxyVersion` for a filter
 * of the same name. MERGE is not relative: it changes the object it matches, wherever it is
 * (istio/istio#39904). Processing of a filter's patches stops at the first one without `patch`.
 * Istio's messages name only the EnvoyFilter, so each problem is reported once per EnvoyFilter,
 * at its first patch.
 */
export const envoyFilterPatchChecks: Check = function* (context) {
  const proxyVersionNames = new Set<string>();
  for (const entry of context.entriesOf('EnvoyFilter')) {
    // EnvoyFilter exists in v1alpha3 only; a repeated document is read once.
    if (entry.object.apiVersion !== 'networking.istio.io/v1alpha3') continue;
    if (entryOf(context, entry.id) !== entry) continue;
    const spec = valueAt(context.raw(entry), ['spec']);
    const priority = valueAt(spec, ['priority']);
    const prioritised = typeof priority === 'number' && priority !== 0;
    const found = new Map<Problem, number[]>();
    const note = (problem: Problem, index: number) => {
      const list = found.get(problem);
      if (list) list.push(index);
      else found.set(problem, [index]);
    };
    for (const [index, patch] of itemsOf(valueAt(spec, ['configPatches'])).entries()) {
      const body = valueAt(patch, ['patch']);
      if (body === null || typeof body !== 'object') break;
      const applyTo = valueAt(patch, ['applyTo']);
      const operation = valueAt(body, ['operation']);
      const name = instanceName(patch, body);
      const relative = () => {
        if (!prioritised)
          note(proxyVersionNames.has(name) ? 'relative-proxy-version' : 'relative', index);
      };
      if (operation === 'ADD') {
        if (ROUTE_LEVEL.has(String(applyTo))) note('add', index);
      } else if (operation === 'REMOVE') {
        if (ROUTE_LEVEL.has(String(applyTo))) note('remove', index);
        else relative();
      } else if (operation === 'REPLACE') {
        if (!REPLACEABLE.has(String(applyTo))) note('replace', index);
        else relative();
      } else if (INSERT_RELATIVE.has(String(operation))) relative();
      const proxyVersion = valueAt(patch, ['match', 'proxy', 'proxyVersion']);
      if (typeof proxyVersion === 'string' && proxyVersion !== '') proxyVersionNames.add(name);
    }
    if (isSystemNamespace(entry.object.metadata.namespace)) continue;
    for (const [problem, indexes] of found) yield report(entry, problem, indexes);
  }
};

function report(entry: Entry, problem: Problem, indexes: number[]): Finding {
  const { message, ...fields } = PROBLEMS[problem];
  const first = indexes[0] ?? 0;
  const path: Path = ['spec', 'configPatches', first, 'patch', 'operation'];
  const which = indexes.length > 1 ? `Patches ${indexes.join(', ')}: ` : '';
  return findingOn(entry, { ...fields, message: `${which}${message}`, path });
}

/**
 * The name Istio compares patches by: the `name` of the patch value, else the listener filter
 * the patch matches. Kept distinct by source as Istio's strings are (a value's name prints as a
 * protobuf value, a match's as plain text).
 */
function instanceName(patch: unknown, body: unknown): string {
  const value = valueAt(body, ['value']);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return '';
  if (Object.keys(value).length === 0) return '';
  const name = valueAt(value, ['name']);
  if (name !== undefined && name !== null) return `value:${JSON.stringify(name)}`;
  const filter = valueAt(patch, ['match', 'listener', 'filterChain', 'filter', 'name']);
  return typeof filter === 'string' ? filter : '';
}
