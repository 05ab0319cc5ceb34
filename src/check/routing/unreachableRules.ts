import { isRecord } from '../../model/read.ts';
import type { RuleSection } from '../../model/virtualService.ts';
import type { Path } from '../../yaml/path.ts';
import type { CheckContext } from '../context.ts';
import type { Finding, QuickFix } from '../finding.ts';
import { covers, matchKey, type PrefixMatch, prefixMatch } from './matchKeys.ts';
import { field } from './rawValues.ts';
import { addressOf, virtualServiceEntries } from './virtualServiceEntries.ts';

interface Report {
  readonly istio: 'IST0130' | 'IST0131';
  readonly message: string;
  readonly path: Path;
  readonly fix?: QuickFix;
}

/**
 * The warnings of Istio's VirtualService validation that `istioctl analyze` reports as
 * IST0130 (rule never used, warning) and IST0131 (match never used, info):
 * `analyzeUnreachableHTTPRules` / `TCPRules` / `TLSRules` (pkg/config/validation/validation.go).
 * In each list of rules:
 * - a rule without `match` after another one: "only the last rule can have no matches";
 * - each match of a rule after a rule without `match`: "route without matches defined before"
 *   (one message per match, as Istio emits them; the fix moves the rule above the catch-all);
 * - a match equal to one of an earlier rule or match (the match `name` aside): IST0131, and
 *   IST0130 when every match of the rule is such a duplicate;
 * - http only: a `uri.prefix` match covered by an earlier prefix match (`coveredValidation`).
 * Rules are read as written: null rules are skipped as Istio does; a list that cannot be read
 * (a rule or `match` of the wrong type) is left to the schema checks.
 */
export function* checkUnreachableRules(context: CheckContext): Iterable<Finding> {
  for (const { entry } of virtualServiceEntries(context)) {
    const spec = field(context.raw(entry), 'spec');
    for (const section of ['http', 'tcp', 'tls'] as const) {
      const rules = field(spec, section);
      if (!Array.isArray(rules)) continue;
      for (const report of analyzeRules(entry.id, section, rules)) {
        yield {
          code: report.istio === 'IST0130' ? 'vs-unreachable-rule' : 'vs-ineffective-match',
          severity: report.istio === 'IST0130' ? 'warning' : 'info',
          message: report.message,
          resource: entry.id,
          at: addressOf(entry),
          path: report.path,
          istio: report.istio,
          ...(report.fix ? { fixes: [report.fix] } : {}),
        };
      }
    }
  }
}

function analyzeRules(id: string, section: RuleSection, rules: readonly unknown[]): Report[] {
  const readable = rules.every(
    (rule) =>
      rule === null ||
      (isRecord(rule) &&
        (rule.match === undefined || rule.match === null || Array.isArray(rule.match))),
  );
  if (!readable) return [];
  const http = section === 'http';
  const reports: Report[] = [];
  const seen = new Map<string, number>();
  let firstEmpty = -1;
  const prefixes: { rule: number; match: number; value: PrefixMatch }[] = [];
  rules.forEach((rule, r) => {
    if (!isRecord(rule)) return;
    const matches: unknown[] = Array.isArray(rule.match) ? rule.match : [];
    const name = ruleName(rule, r, http);
    if (matches.length === 0) {
      if (firstEmpty >= 0) {
        reports.push({
          istio: 'IST0130',
          message: `virtualService rule ${name} not used (only the last rule can have no matches): rule ${ruleName(rules[firstEmpty], firstEmpty, http)} before it has no match and takes every request; give one of them a match or remove one`,
          path: ['spec', section, r],
        });
      } else {
        firstEmpty = r;
      }
      return;
    }
    let duplicates = 0;
    matches.forEach((match, m) => {
      const path: Path = ['spec', section, r, 'match', m];
      if (firstEmpty >= 0) {
        const catchAll = ruleName(rules[firstEmpty], firstEmpty, http);
        reports.push({
          istio: 'IST0130',
          message: `virtualService rule ${name} not used (route without matches defined before): rule ${catchAll} has no match and takes every request first; move this rule above it`,
          path,
          fix: {
            title: `Move rule ${name} above the catch-all rule ${catchAll}`,
            command: {
              type: 'moveItem',
              target: id,
              path: ['spec', section],
              from: r,
              to: firstEmpty,
            },
          },
        });
        return;
      }
      const key = matchKey(match, http);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        duplicates++;
        reports.push({
          istio: 'IST0131',
          message: `virtualService rule ${name} match ${matchName(match, m, http)} is not used (duplicate/overlapping match in rule ${ruleName(rules[earlier], earlier, http)}); remove it`,
          path,
        });
        return;
      }
      seen.set(key, r);
      if (http) {
        const value = prefixMatch(match);
        if (value) prefixes.push({ rule: r, match: m, value });
      }
    });
    if (duplicates === matches.length) {
      reports.push({
        istio: 'IST0130',
        message: `virtualService rule ${name} not used (all matches used by prior rules); remove it or change its matches`,
        path: ['spec', section, r],
      });
    }
  });
  // Overlapping prefixes, in the order Istio compares them: each earlier match against later ones.
  for (let i = 0; i < prefixes.length; i++) {
    const a = prefixes[i];
    if (!a) continue;
    for (let j = i + 1; j < prefixes.length; j++) {
      const b = prefixes[j];
      if (!b || b.value.prefix === a.value.prefix || !covers(a.value, b.value)) continue;
      const bName = `${matchName(matchAt(rules, b), b.match, http)} of prefix ${b.value.prefix}`;
      const aName = `${matchName(matchAt(rules, a), a.match, http)} of prefix ${a.value.prefix} on ${ruleName(rules[a.rule], a.rule, http)}`;
      reports.push({
        istio: 'IST0131',
        message: `virtualService rule ${ruleName(rules[b.rule], b.rule, http)} match ${bName} is not used (duplicate/overlapping match in rule ${aName}); put the longer prefix first`,
        path: ['spec', section, b.rule, 'match', b.match],
      });
    }
  }
  return reports;
}

function matchAt(rules: readonly unknown[], at: { rule: number; match: number }): unknown {
  const matches = field(rules[at.rule], 'match');
  return Array.isArray(matches) ? matches[at.match] : undefined;
}

/** `routeName`: an http rule's quoted name, else `#index`. */
function ruleName(rule: unknown, index: number, http: boolean): string {
  const name = field(rule, 'name');
  return http && typeof name === 'string' && name !== '' ? JSON.stringify(name) : `#${index}`;
}

/** `requestName`: an http match's quoted name, else `#index`. */
function matchName(match: unknown, index: number, http: boolean): string {
  return ruleName(match, index, http);
}
