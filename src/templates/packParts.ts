import { type Command, type CommandResult, fail, ok } from '../edit/command.ts';
import { isModelled } from '../model/kinds.ts';
import { resourceId } from '../model/resource.ts';
import { findEntry, type Workspace } from '../workspace/workspace.ts';
import { Extension } from './extend.ts';
import type { GatewayPods } from './gatewayPods.ts';
import type { Manifest } from './manifests.ts';

/**
 * The operations packs (scaling, zero-downtime) act on resources named like the gateway
 * Deployment: each part writes its resource new, or sets only the fields it owns on one that
 * exists (`Extension`), so a pack extends what the user has rather than refusing or replacing.
 */

/** One resource of a pack: its kind, how to write it new, how to extend one that exists. */
export interface PackPart<P> {
  readonly kind: string;
  readonly create: (pack: P) => Manifest;
  readonly extend: (existing: Extension, pack: P) => void;
}

/**
 * The one command (a batch: one undo step) that adds or extends every part for the gateway
 * `pods`; refused with `nothingMessage` when every resource already holds the pack's values.
 */
export function packCommand<P extends { readonly pods: GatewayPods }>(
  parts: readonly PackPart<P>[],
  pack: P,
  workspace: Workspace,
  nothingMessage: string,
): CommandResult<Command> {
  const { name, namespace } = pack.pods;
  const commands: Command[] = [];
  for (const part of parts) {
    const id = resourceId(part.kind, namespace, name);
    const entry = findEntry(workspace, id);
    if (!entry) {
      commands.push({ type: 'addResource', value: { ...part.create(pack) } });
      continue;
    }
    // An apiVersion the designer does not model (extensions/v1beta1…) is not extended blindly.
    if (!isModelled(entry.object)) return fail(`${id} has an apiVersion the pack cannot extend`);
    const extension = new Extension(entry);
    part.extend(extension, pack);
    if (extension.problem) return fail(extension.problem);
    commands.push(...extension.commands);
  }
  if (commands.length === 0) return fail(nothingMessage);
  return ok({ type: 'batch', commands });
}
