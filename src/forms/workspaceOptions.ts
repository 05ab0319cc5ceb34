import { resolveGatewayRef } from '../model/gatewayNames.ts';
import { resolveHost } from '../model/hosts.ts';
import { isModelled } from '../model/kinds.ts';
import { entries } from '../workspace/workspace.ts';
import type { FormContext } from './context.ts';
import type { FieldOption } from './types.ts';

/**
 * Choices read from the rest of the workspace: the Gateways a VirtualService can bind, and the
 * subsets the DestinationRules of a host define.
 */

/**
 * `mesh` and every Gateway as `namespace/name`. A Gateway already written in another form (a
 * bare name in the VirtualService's namespace) is offered as written, so it shows as chosen.
 */
export function gatewayOptions(ctx: FormContext, written: unknown): FieldOption[] {
  const refs = Array.isArray(written) ? written.filter((r) => typeof r === 'string') : [];
  const out: FieldOption[] = [{ value: 'mesh', label: 'mesh (sidecars)' }];
  for (const entry of entries(ctx.workspace)) {
    if (!isModelled(entry.object) || entry.object.kind !== 'Gateway') continue;
    const { namespace, name } = entry.object.metadata;
    const qualified = `${namespace}/${name}`;
    const asWritten = refs.find((ref) => {
      const resolved = resolveGatewayRef(ref, ctx.namespace);
      return resolved?.namespace === namespace && resolved.name === name;
    });
    const value = asWritten ?? qualified;
    if (!out.some((o) => o.value === value)) out.push({ value, label: value });
  }
  return out;
}

/** Subset names of the DestinationRules for `host` (resolved in the form's namespace). */
export function subsetOptions(ctx: FormContext, host: unknown): FieldOption[] {
  if (typeof host !== 'string' || host === '') return [];
  const fqdn = resolveHost(host, ctx.namespace);
  const out: FieldOption[] = [];
  for (const entry of entries(ctx.workspace)) {
    const rule = entry.object;
    if (!isModelled(rule) || rule.kind !== 'DestinationRule') continue;
    if (resolveHost(rule.host, rule.metadata.namespace) !== fqdn) continue;
    for (const subset of rule.subsets) {
      if (subset.name && !out.some((o) => o.value === subset.name))
        out.push({ value: subset.name, label: `${subset.name} (${rule.metadata.name})` });
    }
  }
  return out;
}
