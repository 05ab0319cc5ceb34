/**
 * The structure check: for each Gateway, VirtualService and DestinationRule, the CRD schema
 * and Istio's validation rules, as `istioctl analyze` reports them (IST0106 errors, IST0133
 * warnings). Where the schema finds a wrong type, the rules say nothing at or below that
 * field; where a rule speaks about a field, its message replaces the schema's.
 */
import { entryAddress } from '../../workspace/workspace.ts';
import { formatPath } from '../../yaml/path.ts';
import type { Check, Finding } from '../finding.ts';
import { validateDestinationRule } from './destinationRule.ts';
import { validateGateway } from './gateway.ts';
import { networkingEntries } from './istioEntries.ts';
import { type Issue, Report, SCHEMA_ERROR } from './report.ts';
import { type SchemaIssue, schemaIssues } from './schema.ts';
import type { Plain } from './values.ts';
import { validateVirtualService } from './virtualService.ts';

type Rules = (doc: Plain, namespace: string, report: Report) => void;

const KINDS: readonly (readonly [string, Rules])[] = [
  ['Gateway', (doc, _namespace, report) => validateGateway(doc, report)],
  ['VirtualService', validateVirtualService],
  ['DestinationRule', validateDestinationRule],
];

/**
 * Issues depend on the resource alone (its kind and namespace are in it), and an edit reuses
 * every document it did not touch with its plain values, so a keystroke re-validates one
 * document (every item of it, for a List).
 */
const cache = new WeakMap<object, readonly Issue[]>();

export const istioValidation: Check = (context) => {
  const out: Finding[] = [];
  for (const [kind, rules] of KINDS) {
    for (const entry of networkingEntries(context, kind)) {
      let issues = cache.get(entry.plain);
      if (!issues) {
        issues = documentIssues(kind, rules, context.raw(entry), entry.object.metadata.namespace);
        cache.set(entry.plain, issues);
      }
      for (const issue of issues) {
        out.push({ ...issue, resource: entry.id, at: entryAddress(entry) });
      }
    }
  }
  return out;
};

function documentIssues(kind: string, rules: Rules, doc: Plain, namespace: string): Issue[] {
  const report = new Report();
  rules(doc, namespace, report);
  return withSchemaIssues(report.issues, schemaIssues(kind, doc), (issue) => ({
    code: 'schema-invalid',
    severity: 'error',
    path: issue.path,
    message: issue.message,
    istio: SCHEMA_ERROR,
  }));
}

/**
 * A document's rule issues joined with its schema issues: where the schema finds a wrong type,
 * the rules say nothing at or below that field; where a rule speaks about a field, its message
 * replaces the schema's (each schema issue becomes a finding through `asIssue`).
 */
export function withSchemaIssues(
  ruleIssues: readonly Issue[],
  schema: readonly SchemaIssue[],
  asIssue: (issue: SchemaIssue) => Issue,
): Issue[] {
  const typeErrors = schema.filter((s) => s.keyword === 'type').map((s) => formatPath(s.path));
  const underTypeError = (path: string) =>
    typeErrors.some((t) => path === t || path.startsWith(`${t}.`) || path.startsWith(`${t}[`));
  const out: Issue[] = [];
  const rulePaths = new Set<string>();
  for (const issue of ruleIssues) {
    const path = formatPath(issue.path);
    if (underTypeError(path)) continue;
    rulePaths.add(path);
    out.push(issue);
  }
  for (const issue of schema) {
    const path = formatPath(issue.path);
    const missing = issue.missing && formatPath(issue.missing);
    if (issue.keyword !== 'type' && (rulePaths.has(path) || (missing && rulePaths.has(missing)))) {
      continue;
    }
    out.push(asIssue(issue));
  }
  return out;
}
