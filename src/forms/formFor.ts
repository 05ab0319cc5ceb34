import type { GraphNode } from '../graph/types.ts';
import { K8S_GATEWAY } from '../model/gatewayApi.ts';
import { resolveHost, serviceFqdn } from '../model/hosts.ts';
import { isModelled } from '../model/kinds.ts';
import type { Service } from '../model/service.ts';
import { entries, findEntry, type Workspace } from '../workspace/workspace.ts';
import { autoscalerForm } from './autoscalerForm.ts';
import { section } from './build.ts';
import type { FormContext } from './context.ts';
import { deploymentForm } from './deploymentForm.ts';
import { destinationRuleForm, subsetForm } from './destinationRuleForm.ts';
import { disruptionBudgetForm } from './disruptionBudgetForm.ts';
import { envoyFilterForm } from './envoyFilterForm.ts';
import { gatewayForm } from './gatewayForm.ts';
import { gatewayRouteForm } from './gatewayRouteForm.ts';
import { gatewayRuleForm } from './gatewayRuleForm.ts';
import { httpRuleForm } from './httpRuleForm.ts';
import { k8sGatewayForm } from './k8sGatewayForm.ts';
import { l4RuleForm } from './l4RuleForm.ts';
import { listenerForm } from './listenerForm.ts';
import { referenceGrantForm } from './referenceGrantForm.ts';
import { serviceForm } from './serviceForm.ts';
import type { FormSection } from './types.ts';
import { virtualServiceForm } from './virtualServiceForm.ts';

/**
 * The inspector form of a graph node: the sections of fields of the resource it stands for, or
 * of the part of it (a rule, a subset) its `path` names. Empty for implied nodes, for resources
 * of kinds the forms do not cover and for documents that do not parse: those are edited as text.
 */
export function formFor(workspace: Workspace, node: GraphNode): FormSection[] {
  if (node.implied || node.resource === undefined) return [];
  const entry = findEntry(workspace, node.resource);
  if (!entry || !isModelled(entry.object) || entry.doc.problems.length > 0) return [];
  const ctx: FormContext = {
    workspace,
    target: entry.id,
    namespace: entry.object.metadata.namespace,
    plain: entry.plain,
  };
  const part = node.path ?? [];
  switch (entry.object.kind) {
    case 'Gateway':
      return gatewayForm(ctx);
    case K8S_GATEWAY: {
      const [, , index] = part;
      return typeof index === 'number' ? listenerForm(ctx, index) : k8sGatewayForm(ctx);
    }
    case 'HTTPRoute':
    case 'GRPCRoute':
    case 'TLSRoute':
    case 'TCPRoute': {
      const [, , index] = part;
      return typeof index === 'number'
        ? gatewayRuleForm(ctx, entry.object.kind, index)
        : gatewayRouteForm(ctx, entry.object.kind);
    }
    case 'ReferenceGrant':
      return referenceGrantForm(ctx);
    case 'VirtualService': {
      const [, section, index] = part;
      if (typeof index !== 'number') return virtualServiceForm(ctx);
      if (section === 'http') return httpRuleForm(ctx, index);
      if (section === 'tls' || section === 'tcp') return l4RuleForm(ctx, section, index);
      return [];
    }
    case 'DestinationRule': {
      const [, , index] = part;
      if (typeof index !== 'number') return destinationRuleForm(ctx);
      // The graph has no node for the DestinationRule itself: its subsets carry its fields.
      return [
        ...subsetForm(ctx, index),
        section(
          'destinationRule',
          `DestinationRule ${entry.object.metadata.name}`,
          destinationRuleForm(ctx, false),
        ),
      ];
    }
    case 'Service':
      return [...serviceForm(ctx), ...destinationRulesOf(workspace, entry.object)];
    case 'Deployment':
      return deploymentForm(ctx);
    case 'HorizontalPodAutoscaler':
      return autoscalerForm(ctx);
    case 'PodDisruptionBudget':
      return disruptionBudgetForm(ctx);
    case 'EnvoyFilter':
      return envoyFilterForm(ctx);
    default:
      return [];
  }
}

/**
 * The DestinationRules for a Service's host, each as a section of the Service's form: the
 * graph draws no node for a DestinationRule, so this is where one without subsets is edited.
 */
function destinationRulesOf(workspace: Workspace, service: Service): FormSection[] {
  const fqdn = serviceFqdn(service.metadata.name, service.metadata.namespace);
  const out: FormSection[] = [];
  for (const entry of entries(workspace)) {
    const rule = entry.object;
    if (!isModelled(rule) || rule.kind !== 'DestinationRule' || entry.doc.problems.length > 0)
      continue;
    if (resolveHost(rule.host, rule.metadata.namespace) !== fqdn) continue;
    const ctx: FormContext = {
      workspace,
      target: entry.id,
      namespace: rule.metadata.namespace,
      plain: entry.plain,
    };
    out.push(
      section(
        `rule:${entry.id}`,
        `DestinationRule ${rule.metadata.name}`,
        destinationRuleForm(ctx),
      ),
    );
  }
  return out;
}
