import type { HttpRoute } from '../../model/virtualService.ts';
import type { CommandResult } from '../command.ts';
import { fail } from '../command.ts';
import { type Gesture, gesture } from './gesture.ts';
import { type Found, qualifiedName, type RuleRef, ruleName } from './lookup.ts';

/**
 * Rule → VirtualService: the rule hands its requests to a delegate VirtualService, by setting
 * `delegate: {name, namespace}` (namespace written even when it is the rule's own, so the
 * reference reads the same anywhere). Istio's conditions (virtual_service.proto `Delegate`,
 * validation.go): only HTTP rules delegate, the target has no hosts, delegation is one level
 * deep, and a delegating rule has no route, redirect or direct response.
 */
export function delegateRule(
  ref: RuleRef,
  target: Found<'VirtualService'>,
): CommandResult<Gesture> {
  const { vs, section, index } = ref;
  const name = ruleName(ref.rule, section, index);
  const targetName = target.object.metadata.name;
  if (section !== 'http') return fail(`Only HTTP rules can delegate: ${name} is a ${section} rule`);
  if (target.entry.id === vs.entry.id)
    return fail(`A rule cannot delegate to its own VirtualService ${targetName}`);
  if (target.object.hosts.length > 0) {
    return fail(
      `VirtualService ${targetName} has hosts, so it is not a delegate: a rule can delegate only to a VirtualService without hosts`,
    );
  }
  if (vs.object.hosts.length === 0) {
    return fail(
      `${vs.object.metadata.name} is itself a delegate VirtualService: Istio supports one level of delegation only`,
    );
  }
  const rule = ref.rule as HttpRoute;
  if (rule.delegate) {
    const ns = rule.delegate.namespace || vs.object.metadata.namespace;
    return fail(`Rule ${name} already delegates to VirtualService ${ns}/${rule.delegate.name}`);
  }
  const action =
    rule.route.length > 0
      ? 'routes to destinations'
      : rule.redirect
        ? 'redirects'
        : rule.directResponse
          ? 'answers with a direct response'
          : undefined;
  if (action) {
    return fail(
      `Rule ${name} ${action}: a rule that delegates cannot also route, redirect or respond directly; remove that first`,
    );
  }
  const notes: string[] = [];
  if ((target.object.gateways ?? []).length > 0) {
    notes.push(
      `Delegate ${targetName} lists gateways, which Istio rejects on a delegate: the root VirtualService's gateways apply`,
    );
  }
  return gesture(
    {
      type: 'setValue',
      target: vs.entry.id,
      path: [...ref.path, 'delegate'],
      value: { name: targetName, namespace: target.object.metadata.namespace },
    },
    `Rule ${name} now delegates to VirtualService ${qualifiedName(target.object)}`,
    notes,
  );
}
