import type { FlowGraph } from '../../graph/types.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { CommandResult } from '../command.ts';
import { type Gesture, verified } from './gesture.ts';
import { newRule, newServer, newSubset } from './paletteParts.ts';
import {
  newDestinationRule,
  newGateway,
  newService,
  newVirtualService,
} from './paletteResources.ts';
import { type PaletteContext, type Scope, scopeOf } from './paletteScope.ts';

export type { PaletteContext } from './paletteScope.ts';

/** What the palette offers to add. */
export type PaletteItem =
  | 'gateway'
  | 'server'
  | 'virtualService'
  | 'rule'
  | 'destinationRule'
  | 'subset'
  | 'service';

export const PALETTE_ITEMS: readonly PaletteItem[] = [
  'gateway',
  'server',
  'virtualService',
  'rule',
  'destinationRule',
  'subset',
  'service',
];

const BUILDERS: Readonly<Record<PaletteItem, (scope: Scope) => CommandResult<Gesture>>> = {
  gateway: newGateway,
  server: newServer,
  virtualService: newVirtualService,
  rule: newRule,
  destinationRule: newDestinationRule,
  subset: newSubset,
  service: newService,
};

/**
 * Adds an item from the palette, as an Istio expert would write it: new resources as
 * `networking.istio.io/v1` with an explicit namespace (the context's, the related resource's,
 * else `default`) and a name unique in it (`gateway`, `gateway-2`…), in the active file or the
 * file of the related resource; parts (server, rule, subset) at the end of the selected
 * resource. See each builder for its defaults.
 */
export function addFromPalette(
  workspace: Workspace,
  graph: FlowGraph,
  item: PaletteItem,
  context: PaletteContext = {},
): CommandResult<Gesture> {
  return verified(workspace, BUILDERS[item](scopeOf(workspace, graph, context)));
}
