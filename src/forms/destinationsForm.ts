import type { Command } from '../edit/command.ts';
import { valueAt } from '../model/read.ts';
import { formatShare } from '../model/weights.ts';
import { hostField, portField } from '../rules/fields.ts';
import { formatPath, type Path } from '../yaml/path.ts';
import { field, inputField } from './build.ts';
import { setAt } from './commands.ts';
import type { FormContext } from './context.ts';
import { listGroup } from './groups.ts';
import type { FormEntry, FormGroup } from './types.ts';
import { wholeNumber } from './validators.ts';
import { subsetOptions } from './workspaceOptions.ts';

/**
 * A rule's `route` list. Weights are relative: each destination gets weight / (sum of weights)
 * of the requests (virtual_service.proto), so each item says its share as a percentage.
 */
export function destinationsGroup(ctx: FormContext, rulePath: Path): FormGroup {
  const path = [...rulePath, 'route'];
  const raw = valueAt(ctx.plain, path);
  const items = Array.isArray(raw) ? raw : [];
  const weights = items.map((item) => weightOf(item));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const firstHost = valueAt(items[0], ['destination', 'host']);
  return listGroup(ctx, {
    title: 'Destinations',
    noun: 'destination',
    path,
    keepLast: true,
    help: 'Weights are relative: a destination receives its weight divided by the sum of all weights.',
    item: (itemPath, index, value) => {
      const host = valueAt(value, ['destination', 'host']);
      const subset = valueAt(value, ['destination', 'subset']);
      return {
        title: `Destination ${index + 1}: ${String(host ?? '?')}${typeof subset === 'string' ? ` (${subset})` : ''}`,
        note: shareNote(items.length, weights[index] ?? 0, total),
        entries: destinationEntries(ctx, itemPath, host),
      };
    },
    addFields: [
      inputField(`${formatPath(path)}#new-host`, {
        label: 'New destination host',
        type: 'text',
        required: true,
        validate: hostField,
        ...(typeof firstHost === 'string' ? { value: firstHost } : {}),
      }),
    ],
    newItem: (values) => {
      const host = values[`${formatPath(path)}#new-host`];
      const before: Command[] = [];
      // Without weights a second destination would make the total 0, which Istio rejects:
      // the destinations written so far share 100 and the new one starts at 0.
      if (items.length > 0 && items.every((item) => valueAt(item, ['weight']) === undefined)) {
        const shares = evenShares(items.length);
        items.forEach((_, i) => {
          before.push(setAt(ctx.target, [...path, i, 'weight'], shares[i]));
        });
      }
      const port = valueAt(items[0], ['destination', 'port']);
      const sameHost = host === firstHost && port !== undefined;
      return {
        value: {
          destination: sameHost ? { host, port } : { host },
          ...(items.length > 0 ? { weight: 0 } : {}),
        },
        before,
      };
    },
  });
}

function destinationEntries(ctx: FormContext, path: Path, host: unknown): FormEntry[] {
  return [
    field(ctx, {
      label: 'Host',
      type: 'text',
      path: [...path, 'destination', 'host'],
      required: true,
      validate: hostField,
      help: 'A short name is a Service of this VirtualService’s namespace.',
    }),
    field(ctx, {
      label: 'Port',
      type: 'number',
      path: [...path, 'destination', 'port', 'number'],
      integer: true,
      validate: portField,
      help: 'Needed when the Service has more than one port.',
    }),
    field(ctx, {
      label: 'Subset',
      type: 'select',
      path: [...path, 'destination', 'subset'],
      options: subsetOptions(ctx, host),
      help: 'Subsets come from the DestinationRules of this host.',
    }),
    field(ctx, {
      label: 'Weight',
      type: 'number',
      path: [...path, 'weight'],
      integer: true,
      validate: wholeNumber('Weight', 0),
    }),
  ];
}

function weightOf(item: unknown): number {
  const weight = valueAt(item, ['weight']);
  return typeof weight === 'number' && weight > 0 ? weight : 0;
}

/** How much of the traffic a destination gets, as a user reads it. */
export function shareNote(count: number, weight: number, total: number): string {
  if (count === 1) return 'Receives all requests';
  if (total === 0) return 'No weights: Istio rejects several destinations whose weights sum to 0';
  return `Receives ${formatShare(weight / total)} of requests (weight ${weight} of ${total})`;
}

/** `n` whole numbers summing to 100, as even as can be (the first ones get the remainder). */
export function evenShares(n: number): number[] {
  const base = Math.floor(100 / n);
  return Array.from({ length: n }, (_, i) => base + (i < 100 - base * n ? 1 : 0));
}
