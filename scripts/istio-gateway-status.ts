/**
 * Measures the Gateway API checks against the status Istio's gateway controller writes: for each
 * case of pilot/pkg/config/kube/gateway/testdata (`NAME.yaml` in, `NAME.status.yaml.golden` out),
 * lint the input with the Services, Secrets and Namespaces the Go test adds
 * (conversion_test.go: `services`, `objects`, one Namespace per namespace used), then compare,
 * per route parent, the `Accepted` and `ResolvedRefs` conditions that are False and, per Gateway
 * listener, `Conflicted` True and `ResolvedRefs` False, with what our findings say. Prints the
 * agreement counts and every disagreement. Nothing of Istio's is copied into the project: the
 * cases are read from the source each run.
 *
 * Usage: npm run istio:gateway-status [-- ISTIO_SOURCE] [--verbose]
 * ISTIO_SOURCE is a checkout or a bare git directory of istio/istio (default: $ISTIO_SRC, else
 * /work/.mirror/istio+istio/repo); without one it says so and exits 0.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { LintDiagnostic } from '../src/check/lint.ts';
import { lint } from '../src/check/lint.ts';
import { loadWorkspace } from '../src/workspace/workspace.ts';

const TESTDATA = 'pilot/pkg/config/kube/gateway/testdata';
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const source =
  args.find((a) => !a.startsWith('--')) ??
  process.env.ISTIO_SRC ??
  '/work/.mirror/istio+istio/repo';

if (!existsSync(source)) {
  console.log(`no Istio source at ${source}; nothing to check (pass a checkout of istio/istio)`);
  process.exit(0);
}

function read(path: string): string {
  const inTree = join(source, path);
  if (existsSync(inTree)) return readFileSync(inTree, 'utf8');
  return execFileSync('git', ['--git-dir', source, 'show', `HEAD:${path}`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

function list(dir: string): string[] {
  return execFileSync('git', ['--git-dir', source, 'ls-tree', '--name-only', 'HEAD', `${dir}/`], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean)
    .map((p) => p.slice(dir.length + 1));
}

/** The Services, Secrets and ConfigMaps conversion_test.go adds to every case, as manifests. */
function testWorld(): string {
  const go = read('pilot/pkg/config/kube/gateway/conversion_test.go');
  const docs: string[] = [];
  for (const m of go.matchAll(/Hostname:\s+"([a-z0-9-]+)\.([a-z0-9-]+)\.svc\.domain\.suffix"/g))
    docs.push(
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${m[1]}\n  namespace: ${m[2]}\nspec:\n  ports:\n  - name: http\n    port: 80\n`,
    );
  for (const m of go.matchAll(
    /&corev1\.(Secret|ConfigMap)\{\s*ObjectMeta: metav1\.ObjectMeta\{\s*Name:\s+"([^"]+)",\s*Namespace:\s+"([^"]+)"/g,
  ))
    docs.push(`apiVersion: v1\nkind: ${m[1]}\nmetadata:\n  name: ${m[2]}\n  namespace: ${m[3]}\n`);
  return docs.join('---\n');
}

type Plain = Record<string, unknown>;
const rec = (v: unknown): Plain => (v && typeof v === 'object' ? (v as Plain) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Namespaces of the input, labelled as the Go test labels them. */
function namespacesOf(docs: readonly Plain[]): string {
  const names = new Set(docs.map((d) => String(rec(d.metadata).namespace ?? 'default')));
  return [...names]
    .map(
      (ns) =>
        `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    istio.io/test-name-part: ${ns.split('-')[0]}\n`,
    )
    .join('---\n');
}

/** A condition's reason when it says something is wrong (`False`, or `True` for Conflicted). */
function badReason(conditions: unknown, type: string): string | undefined {
  const c = arr(conditions)
    .map(rec)
    .find((x) => x.type === type);
  if (!c) return undefined;
  const bad = type === 'Conflicted' ? c.status === 'True' : c.status === 'False';
  return bad ? String(c.reason) : undefined;
}

/** Our code → the reason the status would carry. */
const ACCEPTED: Record<string, string> = {
  'gwapi-route-no-parent': 'NoMatchingParent',
  'gwapi-section-not-found': 'NoMatchingParent',
  'gwapi-route-not-allowed': 'NotAllowedByListeners',
  'gwapi-route-hostname-mismatch': 'NoMatchingListenerHostname',
};
const RESOLVED: Record<string, string> = {
  'gwapi-backend-not-found': 'BackendNotFound',
  'gwapi-ref-not-permitted': 'RefNotPermitted',
  'gwapi-backend-invalid-kind': 'InvalidKind',
  'gwapi-cel-backend-port': 'InvalidDestination',
};
const LISTENER_REFS: Record<string, string> = {
  'gwapi-certificate-invalid-kind': 'InvalidCertificateRef',
  'gwapi-certificate-not-found': 'InvalidCertificateRef',
  'gwapi-certificate-ref-not-permitted': 'RefNotPermitted',
  'gwapi-listener-invalid-route-kind': 'InvalidRouteKinds',
  'gwapi-ca-certificate-invalid-kind': 'InvalidCACertificateKind',
  'gwapi-ca-certificate-not-found': 'InvalidCACertificateRef',
  'gwapi-ca-certificate-too-many': 'InvalidCACertificateRef',
  'gwapi-ca-certificate-ref-not-permitted': 'RefNotPermitted',
};

/** Where the client validation a terminating listener uses is written (`perPort`, else `default`). */
function frontendPath(gateway: Plain, listener: Plain): string | undefined {
  const tls = rec(listener.tls);
  if (!listener.tls || (tls.mode ?? 'Terminate') !== 'Terminate') return undefined;
  const frontend = rec(rec(rec(gateway.spec).tls).frontend);
  const p = arr(frontend.perPort).findIndex((e) => rec(e).port === listener.port);
  return p === -1 ? 'spec.tls.frontend.default' : `spec.tls.frontend.perPort[${p}]`;
}

interface Tally {
  agree: number;
  disagree: string[];
}
const tallies: Record<string, Tally> = {
  'route Accepted': { agree: 0, disagree: [] },
  'route ResolvedRefs': { agree: 0, disagree: [] },
  'listener Conflicted': { agree: 0, disagree: [] },
  'listener ResolvedRefs': { agree: 0, disagree: [] },
};

function compare(what: string, where: string, istio: string | undefined, ours: string | undefined) {
  const tally = tallies[what] as Tally;
  if ((istio ?? '') === (ours ?? '')) tally.agree += 1;
  else tally.disagree.push(`${where}: Istio ${istio ?? 'ok'}, ours ${ours ?? 'ok'}`);
}

/**
 * The reason our diagnostics give for a resource under a path prefix: Istio's own when one of
 * ours says it (Istio reports one reason where several refs fail), else the first.
 */
function ourReason(
  found: readonly LintDiagnostic[],
  resource: string,
  prefix: string,
  reasons: Record<string, string>,
  istio?: string,
): string | undefined {
  const said = found
    .filter(
      (d) =>
        d.resource === resource &&
        (d.path === prefix ||
          d.path?.startsWith(`${prefix}.`) ||
          d.path?.startsWith(`${prefix}[`)) &&
        reasons[d.code],
    )
    .map((d) => reasons[d.code] as string);
  return istio && said.includes(istio) ? istio : said[0];
}

const world = testWorld();
const cases = list(TESTDATA)
  .filter((f) => f.endsWith('.status.yaml.golden'))
  .map((f) => f.slice(0, -'.status.yaml.golden'.length));
for (const name of cases) {
  const input = read(`${TESTDATA}/${name}.yaml`);
  const inputDocs = parseAllDocuments(input).map((d) => rec(d.toJS()));
  const status = parseAllDocuments(read(`${TESTDATA}/${name}.status.yaml.golden`)).map((d) =>
    rec(d.toJS()),
  );
  const workspace = loadWorkspace([
    { name: `${name}.yaml`, text: input },
    { name: 'world.yaml', text: `${world}---\n${namespacesOf(inputDocs)}` },
  ]);
  const found = lint(workspace, { complete: true });
  for (const doc of status) {
    const kind = String(doc.kind);
    const meta = rec(doc.metadata);
    const ns = String(meta.namespace ?? 'default');
    const where = `${name}: ${kind} ${ns}/${String(meta.name)}`;
    if (kind === 'Gateway') {
      const id = `Gateway.gateway.networking.k8s.io/${ns}/${String(meta.name)}`;
      const spec = inputDocs.find(
        (d) =>
          d.kind === 'Gateway' &&
          String(d.apiVersion).startsWith('gateway.networking.k8s.io/') &&
          rec(d.metadata).name === meta.name &&
          String(rec(d.metadata).namespace ?? 'default') === ns,
      );
      const listeners = arr(rec(spec?.spec).listeners).map(rec);
      for (const l of arr(rec(doc.status).listeners).map(rec)) {
        const i = listeners.findIndex((x) => x.name === l.name);
        if (i === -1) continue;
        const at = `spec.listeners[${i}]`;
        const conflict = found.some(
          (d) =>
            d.resource === id && d.code === 'gwapi-listener-conflict' && d.path?.startsWith(at),
        );
        const istioConflict = badReason(l.conditions, 'Conflicted');
        compare(
          'listener Conflicted',
          `${where} listener ${String(l.name)}`,
          istioConflict,
          conflict ? (istioConflict ?? 'Conflicted') : undefined,
        );
        const refs = badReason(l.conditions, 'ResolvedRefs');
        const frontend = frontendPath(rec(spec), listeners[i] as Plain);
        compare(
          'listener ResolvedRefs',
          `${where} listener ${String(l.name)}`,
          refs,
          ourReason(found, id, at, LISTENER_REFS, refs) ??
            (frontend ? ourReason(found, id, frontend, LISTENER_REFS, refs) : undefined),
        );
      }
      continue;
    }
    if (!['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute'].includes(kind)) continue;
    const id = `${kind}/${ns}/${String(meta.name)}`;
    const spec = inputDocs.find(
      (d) =>
        d.kind === kind &&
        rec(d.metadata).name === meta.name &&
        String(rec(d.metadata).namespace ?? 'default') === ns,
    );
    const refs = arr(rec(spec?.spec).parentRefs).map(rec);
    for (const parent of arr(rec(doc.status).parents).map(rec)) {
      const ref = rec(parent.parentRef);
      // Status another controller wrote (kept in the input) is not Istio's to compare.
      if (parent.controllerName !== 'istio.io/gateway-controller') continue;
      if ((ref.kind ?? 'Gateway') !== 'Gateway') continue;
      const i = refs.findIndex(
        (r) =>
          r.name === ref.name &&
          (r.namespace ?? ns) === (ref.namespace ?? ns) &&
          r.sectionName === ref.sectionName &&
          r.port === ref.port,
      );
      if (i === -1) continue;
      const label = `${where} parentRefs[${i}] ${String(ref.name)}${ref.sectionName ? `/${String(ref.sectionName)}` : ''}`;
      compare(
        'route Accepted',
        label,
        badReason(parent.conditions, 'Accepted'),
        ourReason(found, id, `spec.parentRefs[${i}]`, ACCEPTED) ??
          (ourReason(found, id, 'spec.hostnames', ACCEPTED) === 'NoMatchingListenerHostname'
            ? 'NoMatchingListenerHostname'
            : undefined),
      );
      const resolved = badReason(parent.conditions, 'ResolvedRefs');
      compare(
        'route ResolvedRefs',
        label,
        resolved,
        ourReason(found, id, 'spec.rules', RESOLVED, resolved),
      );
    }
  }
}

let agree = 0;
let total = 0;
for (const [what, tally] of Object.entries(tallies)) {
  const n = tally.agree + tally.disagree.length;
  agree += tally.agree;
  total += n;
  console.log(`${what}: ${tally.agree}/${n} agree`);
  for (const line of tally.disagree.slice(0, verbose ? undefined : 40)) console.log(`  ${line}`);
}
console.log(`all: ${agree}/${total} agree over ${cases.length} cases`);
