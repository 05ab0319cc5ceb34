import { resolveHost } from '../../model/hosts.ts';
import type { Destination, HttpRoute } from '../../model/virtualService.ts';
import type { CommandResult } from '../command.ts';
import { fail } from '../command.ts';
import { type DestinationTarget, destinationLabel } from './addDestination.ts';
import { type Gesture, gesture } from './gesture.ts';
import { hostFor, type RuleRef, rawLength, ruleName } from './lookup.ts';

/**
 * Rule → service or subset, drawn as a mirror (Alt-drag): the rule's traffic is copied there
 * too, best effort, its answers dropped (virtual_service.proto `mirror`). Sets `mirror`, or
 * appends to `mirrors` when the rule already uses that list (the two exclude each other). No
 * `mirrorPercentage` is written: absent, all the traffic is mirrored, which the summary says.
 */
export function mirrorRule(ref: RuleRef, to: DestinationTarget): CommandResult<Gesture> {
  const { rule, vs, path } = ref;
  const namespace = vs.object.metadata.namespace;
  const name = ruleName(rule, ref.section, ref.index);
  if (ref.section !== 'http')
    return fail(`Only HTTP rules can mirror traffic; ${name} is ${ref.section}`);
  const label = destinationLabel(to.fqdn, to.subset);
  const same = (d: Destination | undefined) =>
    d !== undefined && resolveHost(d.host, namespace) === to.fqdn && d.subset === to.subset;
  const http = rule as HttpRoute;
  if (same(http.mirror) || http.mirrors?.some((m) => same(m.destination)))
    return fail(`Rule ${name} already mirrors to ${label}`);
  const destination: Record<string, unknown> = { host: hostFor(to.fqdn, namespace) };
  if (to.subset !== undefined) destination.subset = to.subset;

  if (http.mirrors !== undefined) {
    const at = rawLength(vs.entry, [...path, 'mirrors']);
    return gesture(
      {
        type: 'insertItem',
        target: vs.entry.id,
        path: [...path, 'mirrors'],
        index: at,
        value: { destination },
      },
      `Rule ${name} now also mirrors its traffic to ${label} (100% unless a percentage is set)`,
    );
  }
  const replaced = http.mirror
    ? [
        `It replaces the mirror to ${destinationLabel(resolveHost(http.mirror.host, namespace), http.mirror.subset)}: a rule has one mirror (use mirrors for several).`,
      ]
    : [];
  return gesture(
    { type: 'setValue', target: vs.entry.id, path: [...path, 'mirror'], value: destination },
    `Rule ${name} now mirrors its traffic to ${label} (100%, answers dropped)`,
    replaced,
  );
}
