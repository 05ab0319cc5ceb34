/**
 * The CRD validation rules (CEL `XValidation`) of a Gateway's listeners, from
 * kubernetes-sigs/gateway-api apis/v1/gateway_types.go: which protocols take `tls` and a
 * hostname, the TLS mode each protocol needs, unique listener names, unique port + protocol +
 * hostname, and certificates for a terminating listener.
 */
import type { Path } from '../../yaml/path.ts';
import { arr, obj, type Plain, text } from '../structure/values.ts';
import { CelIssues, repeats } from './celIssues.ts';

export function gatewayCelIssues(doc: Plain): CelIssues {
  const report = new CelIssues();
  const listeners = arr(obj(doc.spec)?.listeners).map((l) => obj(l) ?? {});
  listeners.forEach((listener, i) => {
    listenerRules(listener, ['spec', 'listeners', i], report);
  });
  for (const { index, first, key } of repeats(listeners, (l) => text(l.name)))
    report.error(
      'gwapi-listener-duplicate-name',
      ['spec', 'listeners', index, 'name'],
      `Listener name "${key}" is used by listeners ${first} and ${index}: a listener's name must be unique within the Gateway (routes attach to it by sectionName). Rename one`,
    );
  // `has(hostname)` in the rule: a written hostname, even empty, differs from none.
  const combination = (l: Plain) =>
    `${String(l.port)}/${text(l.protocol) ?? ''}/${l.hostname === undefined ? '-' : `=${String(l.hostname)}`}`;
  for (const { index, first } of repeats(listeners, combination)) {
    const l = listeners[index] as Plain;
    report.error(
      'gwapi-cel-listener-unique',
      ['spec', 'listeners', index],
      `Listeners ${first} and ${index} both take port ${String(l.port)}, protocol ${text(l.protocol) ?? ''} and ${l.hostname === undefined ? 'no hostname' : `hostname ${String(l.hostname)}`}: the combination of port, protocol and hostname must be unique. Change the port or hostname, or merge them`,
    );
  }
  return report;
}

function listenerRules(listener: Plain, path: Path, report: CelIssues): void {
  const protocol = text(listener.protocol) ?? '';
  const name = text(listener.name) ?? '';
  const tls = obj(listener.tls);
  if (['HTTP', 'TCP', 'UDP'].includes(protocol) && listener.tls !== undefined)
    report.error(
      'gwapi-cel-listener-tls-not-allowed',
      [...path, 'tls'],
      `Listener "${name}" is ${protocol}, which takes no tls: remove tls, or use protocol ${protocol === 'HTTP' ? 'HTTPS' : 'TLS'}`,
    );
  if (
    protocol === 'HTTPS' &&
    tls &&
    tls.mode !== undefined &&
    tls.mode !== '' &&
    tls.mode !== 'Terminate'
  )
    report.error(
      'gwapi-cel-listener-tls-mode',
      [...path, 'tls', 'mode'],
      `Listener "${name}" is HTTPS, so its tls mode must be Terminate (the gateway decrypts HTTP): use protocol TLS for ${String(tls.mode)}`,
    );
  if (protocol === 'TLS' && (!tls || tls.mode === undefined || tls.mode === ''))
    report.error(
      'gwapi-cel-listener-tls-mode',
      tls ? [...path, 'tls'] : [...path, 'protocol'],
      `Listener "${name}" is TLS, so tls.mode must be set: Passthrough (routes see the SNI only) or Terminate`,
    );
  if (
    ['TCP', 'UDP'].includes(protocol) &&
    listener.hostname !== undefined &&
    listener.hostname !== ''
  )
    report.error(
      'gwapi-cel-listener-hostname-l4',
      [...path, 'hostname'],
      `Listener "${name}" is ${protocol}, which carries no hostname: remove hostname`,
    );
  // The CRD defaults `mode` to Terminate.
  const mode = text(tls?.mode) ?? 'Terminate';
  if (
    tls &&
    mode === 'Terminate' &&
    arr(tls.certificateRefs).length === 0 &&
    Object.keys(obj(tls.options) ?? {}).length === 0
  )
    report.error(
      'gwapi-cel-tls-certificates',
      [...path, 'tls'],
      `Listener "${name}" terminates TLS but names no certificate: add certificateRefs (a Secret with tls.crt and tls.key) or options`,
    );
}
