import type { Entry } from '../../workspace/workspace.ts';
import type { CheckContext } from '../context.ts';
import type { Check, Finding } from '../finding.ts';
import { entryOf, findingOn, isSystemNamespace } from './resources.ts';
import { selectedWorkloads } from './workloadSelection.ts';
import { certificateProblem, decodeBase64 } from './x509.ts';

/**
 * A Gateway's `credentialName` Secrets, with the meaning of `SecretAnalyzer`
 * (pkg/config/analysis/analyzers/gateway/secret.go):
 *
 * - the Secret is looked up in the namespace of the gateway *pods* the selector picks, not the
 *   Gateway's; missing → IST0101 (reftype "credentialName"). Istio takes the first selected
 *   pod's namespace; where pods sit in several namespaces, a Secret in any of them counts.
 * - a Secret without a cert/key pair, with a certificate that is not PEM X.509, or one that is
 *   expired or not yet valid → IST0161 (`kube.ExtractCertInfo`, `xds.ValidateCertificate`).
 *
 * A selector that matches no pod is reported once, by the port check.
 */
export const gatewayCredentialChecks: Check = function* (context) {
  const now = Date.now();
  // Many Gateways share a Secret: read and parse each one once.
  const problems = new Map<Entry, string | undefined>();
  const problemOf = (secret: Entry) => {
    if (!problems.has(secret)) problems.set(secret, credentialProblem(context.raw(secret), now));
    return problems.get(secret);
  };
  for (const item of context.catalog.gateways) {
    const entry = entryOf(context, item.id);
    const gateway = item.object;
    if (!entry || isSystemNamespace(gateway.metadata.namespace)) continue;
    const namespaces = [
      ...new Set(
        selectedWorkloads(context, gateway.selector).map((pod) => pod.object.metadata.namespace),
      ),
    ];
    if (namespaces.length === 0) continue;
    const missing = new Set<string>();
    const invalid: { index: number; name: string; problem: string }[] = [];
    for (const [index, server] of gateway.servers.entries()) {
      const name = server.tls?.credentialName;
      // `sds://…` and other URI credentials are not Kubernetes Secrets.
      if (!name || name.includes('://')) continue;
      const secret = findSecret(context, name, namespaces);
      if (!secret) {
        if (!missing.has(name)) {
          missing.add(name);
          yield notFound(entry, index, name, namespaces);
        }
        continue;
      }
      const problem = problemOf(secret);
      if (problem) invalid.push({ index, name: secret.id, problem });
    }
    const first = invalid[0];
    // Istio's message names the Gateway only, so it reports each Gateway once.
    if (first) {
      const list = invalid.map((i) => `${i.name}: ${i.problem}`);
      yield findingOn(entry, {
        code: 'gateway-credential-invalid',
        severity: 'error',
        message: `Gateway TLS credential is invalid (${[...new Set(list)].join('; ')}): the gateway cannot serve it. The Secret needs tls.crt and tls.key (or cert and key) holding a valid PEM certificate and key.`,
        path: ['spec', 'servers', first.index, 'tls', 'credentialName'],
        istio: 'IST0161',
      });
    }
  }
};

function notFound(entry: Entry, index: number, name: string, namespaces: string[]): Finding {
  const where = name.includes('/')
    ? ''
    : ` in namespace ${namespaces.join(' or ')} of the gateway pods`;
  return findingOn(entry, {
    code: 'gateway-credential-not-found',
    severity: 'error',
    message: `Gateway TLS credential Secret ${name} not found${where}. A credentialName Secret must be in the namespace of the gateway workload, not of the Gateway.`,
    path: ['spec', 'servers', index, 'tls', 'credentialName'],
    istio: 'IST0101',
    missing: 'Secret',
  });
}

const secretIndexes = new WeakMap<CheckContext, ReadonlyMap<string, Entry>>();

/** `ns/name` (a credentialName may be written so) or the first namespace holding `name`. */
function findSecret(
  context: CheckContext,
  name: string,
  namespaces: readonly string[],
): Entry | undefined {
  let index = secretIndexes.get(context);
  if (!index) {
    const map = new Map<string, Entry>();
    for (const entry of context.entriesOf('Secret')) {
      const key = `${entry.object.metadata.namespace}/${entry.object.metadata.name}`;
      if (entry.object.apiVersion === 'v1' && !map.has(key)) map.set(key, entry);
    }
    index = map;
    secretIndexes.set(context, index);
  }
  if (name.includes('/')) return index.get(name);
  for (const namespace of namespaces) {
    const found = index.get(`${namespace}/${name}`);
    if (found) return found;
  }
  return undefined;
}

/**
 * What makes a Secret unusable as a server credential, or undefined when it is fine or cannot
 * be judged. `kube.ExtractCertInfo` (pilot/pkg/credentials/kube/secrets.go) takes `cert` and
 * `key`, else `tls.crt` and `tls.key`, both non-empty. `stringData` counts as the API server
 * merges it into `data`.
 */
export function credentialProblem(
  secret: Record<string, unknown>,
  now: number,
): string | undefined {
  const values = secretValues(secret);
  if (!values) return undefined;
  const filled = (key: string) => (values.get(key)?.length ?? 0) > 0;
  const certKey =
    filled('cert') && filled('key')
      ? 'cert'
      : filled('tls.crt') && filled('tls.key')
        ? 'tls.crt'
        : undefined;
  if (!certKey) return 'it has neither non-empty tls.crt and tls.key nor cert and key';
  const certificate = values.get(certKey);
  return certificate ? certificateProblem(certificate, now) : undefined;
}

/** The Secret's values as bytes; undefined when a `data` value is not base64 (unreadable). */
function secretValues(secret: Record<string, unknown>): Map<string, Uint8Array> | undefined {
  const out = new Map<string, Uint8Array>();
  const data = secret.data;
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    for (const [key, value] of Object.entries(data)) {
      if (value === null || value === undefined) continue;
      if (typeof value !== 'string') return undefined;
      const bytes = decodeBase64(value);
      if (!bytes) return undefined;
      out.set(key, bytes);
    }
  }
  const stringData = secret.stringData;
  if (stringData !== null && typeof stringData === 'object' && !Array.isArray(stringData)) {
    for (const [key, value] of Object.entries(stringData)) {
      if (typeof value === 'string') out.set(key, new TextEncoder().encode(value));
    }
  }
  return out;
}
