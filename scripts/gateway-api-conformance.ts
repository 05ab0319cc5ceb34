/**
 * How many of the Gateway API's own HTTPRoute conformance cases the simulator answers as the
 * conformance suite expects. Reads kubernetes-sigs/gateway-api from its local mirror (a bare git
 * directory): the base manifests, each `conformance/tests/httproute-*.yaml` and the
 * `http.ExpectedResponse` tables of its `.go` file (a best-effort parse of the Go literals:
 * request host, path, method and headers; the expected backend, status, redirect and the request
 * the backend should see). Each case is simulated against the Gateway the test names.
 * Usage: npm run conformance:gateway-api [-- MIRROR_DIR] [--verbose]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { simulate } from '../src/simulate/simulate.ts';
import type { Simulation } from '../src/simulate/types.ts';
import { gatewayApiIndex } from '../src/workspace/gatewayApiIndex.ts';
import { loadWorkspace } from '../src/workspace/workspace.ts';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const repo =
  args.find((a) => !a.startsWith('--')) ?? '/work/.mirror/kubernetes-sigs+gateway-api/repo';
if (!existsSync(repo)) {
  console.log(`no Gateway API mirror at ${repo}; nothing to measure`);
  process.exit(0);
}

const git = (...a: string[]) =>
  execFileSync('git', ['-C', repo, ...a], { encoding: 'utf8', maxBuffer: 1 << 26 });
const show = (path: string) =>
  git('show', `HEAD:${path}`).replaceAll('{GATEWAY_CLASS_NAME}', 'istio');

const CONSTANTS: Record<string, string> = {
  'confsuite.InfrastructureNamespace': 'gateway-conformance-infra',
  'suite.InfrastructureNamespace': 'gateway-conformance-infra',
  'confsuite.AppBackendNamespace': 'gateway-conformance-app-backend',
  'confsuite.WebBackendNamespace': 'gateway-conformance-web-backend',
  'confsuite.InfraBackendServiceNameV1': 'infra-backend-v1',
  'confsuite.InfraBackendServiceNameV2': 'infra-backend-v2',
  'confsuite.InfraBackendServiceNameV3': 'infra-backend-v3',
  'suite.AppBackendNamespace': 'gateway-conformance-app-backend',
  'suite.WebBackendNamespace': 'gateway-conformance-web-backend',
  'http.MethodGet': 'GET',
  'http.MethodPost': 'POST',
  'http.MethodPut': 'PUT',
  'http.MethodDelete': 'DELETE',
  'http.MethodPatch': 'PATCH',
  'http.MethodHead': 'HEAD',
};

/** A Go composite literal's top-level `Key: value` fields (values as raw text). */
function fields(body: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const part of splitTop(body)) {
    const m = /^\s*([A-Za-z_]\w*)\s*:\s*([\s\S]*)$/.exec(part);
    if (m?.[1] && m[2] !== undefined) out[m[1]] = m[2].trim();
  }
  return out;
}

/** Splits on commas outside braces, parentheses and string literals. */
function splitTop(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"') i = skipString(body, i, '"');
    else if (c === '`') i = body.indexOf('`', i + 1);
    else if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    } else if (c === '/' && body[i + 1] === '/') i = body.indexOf('\n', i) - 1;
    if (i < 0) break;
  }
  parts.push(body.slice(start));
  return parts.filter((p) => p.trim() !== '');
}

function skipString(text: string, at: number, quote: string): number {
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return text.length;
}

/** The text between the `{` at `open` and its matching `}`. */
function braced(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = skipString(text, i, '"');
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/** The body of a `Type{...}` value, or undefined. */
function literal(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const open = value.indexOf('{');
  return open === -1 ? undefined : braced(value, open);
}

function stringValue(value: string | undefined, vars: Record<string, string>): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^"(?:[^"\\]|\\.)*"$/.test(v)) return JSON.parse(v) as string;
  if (/^`[^`]*`$/.test(v)) return v.slice(1, -1);
  return CONSTANTS[v] ?? vars[v];
}

function stringMap(
  value: string | undefined,
  vars: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  const body = literal(value);
  if (!body) return out;
  for (const part of splitTop(body)) {
    const m = /^\s*("(?:[^"\\]|\\.)*")\s*:\s*([\s\S]*)$/.exec(part);
    if (m?.[1] && m[2]) out[JSON.parse(m[1]) as string] = stringValue(m[2], vars) ?? '';
  }
  return out;
}

interface Case {
  readonly test: string;
  readonly gateway: string;
  readonly host: string | undefined;
  readonly path: string;
  readonly method: string | undefined;
  readonly headers: Record<string, string>;
  readonly backend: string | undefined;
  readonly namespace: string;
  readonly status: number;
  readonly redirect: Record<string, string> | undefined;
  readonly expectedRequest:
    | {
        path?: string | undefined;
        host?: string | undefined;
        headers: Record<string, string>;
        absent: string[];
      }
    | undefined;
}

/** Every `http.ExpectedResponse` of a test file, as cases. */
function casesOf(test: string, go: string): Case[] {
  const vars: Record<string, string> = Object.create(null);
  for (const m of go.matchAll(/(\w+)\s*:?=\s*(confsuite\.\w+|"[^"]*")/g))
    if (m[1] && m[2]) vars[m[1]] = stringValue(m[2], vars) ?? '';
  // Which Gateway a case goes to: the gwAddr variable of the call that sends it, and the gwNN
  // assigned before that variable; else the gwNN written last before the case.
  const named: { at: number; name: string }[] = [];
  for (const m of go.matchAll(/gwNN\w*\s*:?=\s*types\.NamespacedName\{[^}]*Name:\s*"([^"]+)"/g))
    named.push({ at: m.index ?? 0, name: m[1] as string });
  const nameBefore = (at: number) =>
    named.filter((n) => n.at < at).pop()?.name ?? named[0]?.name ?? 'same-namespace';
  const addresses: { at: number; variable: string; name: string }[] = [];
  for (const m of go.matchAll(/(gwAddr\w*)\s*:?=\s*kubernetes\./g))
    addresses.push({ at: m.index ?? 0, variable: m[1] as string, name: nameBefore(m.index ?? 0) });
  const gatewayFor = (at: number) => {
    const call = /MakeRequest\w*\([^)]*?(gwAddr\w*)/g;
    call.lastIndex = at;
    const variable = call.exec(go)?.[1];
    const assigned = addresses.filter((a) => a.variable === variable && a.at < at).pop();
    return assigned?.name ?? nameBefore(at);
  };
  // After the test deletes or changes a resource, its cases no longer describe the manifests.
  const changes = [...go.matchAll(/\.(Delete|Update|Patch)\(/g)].map((m) => m.index ?? 0);
  const gwNamespace = 'gateway-conformance-infra';
  const out: Case[] = [];
  const elements: { at: number; body: string }[] = [];
  for (const m of go.matchAll(/\[\]http\.ExpectedResponse\{/g)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    const body = braced(go, open);
    let offset = open + 1;
    for (const part of splitTop(body)) {
      const start = body.indexOf(part, offset - open - 1) + open + 1;
      offset = start + part.length;
      const inner = part.indexOf('{');
      if (inner !== -1) elements.push({ at: start, body: braced(part, inner) });
    }
  }
  for (const m of go.matchAll(/(?<!\[\])http\.ExpectedResponse\{/g))
    elements.push({ at: m.index ?? 0, body: braced(go, (m.index ?? 0) + m[0].length - 1) });
  for (const { at, body: element } of elements) {
    if (changes.some((c) => c < at)) continue;
    const f = fields(element);
    const request = fields(literal(f.Request) ?? '');
    const response = fields(literal(f.Response) ?? '');
    const expected = literal(f.ExpectedRequest);
    const expectedFields = expected ? fields(expected) : undefined;
    const expectedInner = expectedFields
      ? fields(literal(expectedFields.Request) ?? '')
      : undefined;
    // A case built from expressions the parse cannot follow (a table's `tc.host`) is left out.
    const unknown = (raw: string | undefined) =>
      raw !== undefined && stringValue(raw, vars) === undefined;
    if (
      unknown(request.Path) ||
      unknown(request.Host) ||
      unknown(f.Backend) ||
      unknown(f.Namespace)
    )
      continue;
    const codes = /\d{3}/.exec(response.StatusCode ?? response.StatusCodes ?? '')?.[0];
    out.push({
      test,
      gateway: `${gwNamespace}/${gatewayFor(at)}`,
      host: stringValue(request.Host, vars),
      path: stringValue(request.Path, vars) ?? '/',
      method: stringValue(request.Method, vars),
      headers: stringMap(request.Headers, vars),
      backend: stringValue(f.Backend, vars),
      namespace: stringValue(f.Namespace, vars) ?? gwNamespace,
      status: codes ? Number(codes) : 200,
      redirect: f.RedirectRequest
        ? Object.fromEntries(
            Object.entries(fields(literal(f.RedirectRequest) ?? '')).map(([k, v]) => [
              k,
              stringValue(v, vars) ?? '',
            ]),
          )
        : undefined,
      expectedRequest: expectedInner
        ? {
            // Go's zero value: an empty string is a field left unset.
            ...(stringValue(expectedInner.Path, vars)
              ? { path: stringValue(expectedInner.Path, vars) }
              : {}),
            ...(stringValue(expectedInner.Host, vars)
              ? { host: stringValue(expectedInner.Host, vars) }
              : {}),
            headers: stringMap(expectedInner.Headers, vars),
            absent: [...(expectedFields?.AbsentHeaders ?? '').matchAll(/"([^"]+)"/g)].map(
              (a) => a[1] as string,
            ),
          }
        : undefined,
    });
  }
  return out;
}

/** Why the simulation disagrees with the case; undefined when it agrees. */
function disagreement(c: Case, s: Simulation, host: string): string | undefined {
  const got = s.status ?? (s.outcome === 'route' ? 200 : s.outcome);
  if (c.status >= 300 && c.status < 400) {
    if (s.outcome !== 'redirect' || s.status !== c.status)
      return `expected a ${c.status} redirect, got ${s.outcome} ${got}`;
    const r = c.redirect ?? {};
    const scheme = r.Scheme || 'http';
    const port = r.Port ? `:${r.Port}` : '';
    const want = `${scheme}://${r.Host || host.replace(/:\d+$/, '')}${port}${r.Path || c.path}`;
    const location = (s.redirect?.location ?? '').replace(/\?.*$/, '');
    return location === want ? undefined : `Location ${location}, expected ${want}`;
  }
  if (c.status !== 200) return got === c.status ? undefined : `expected ${c.status}, got ${got}`;
  if (s.outcome !== 'route' || s.status !== null) return `expected 200, got ${s.outcome} ${got}`;
  if (c.backend) {
    const want = `${c.backend}.${c.namespace}.svc.cluster.local`;
    const taken = s.destinations.filter((d) => d.probability > 0).map((d) => d.host);
    if (!taken.includes(want)) return `expected backend ${want}, got ${taken.join(', ') || 'none'}`;
  }
  const e = c.expectedRequest;
  if (e) {
    const path = s.request.path;
    if (e.path !== undefined && path !== e.path) return `backend path ${path}, expected ${e.path}`;
    if (e.host !== undefined && s.request.authority !== e.host)
      return `backend host ${s.request.authority}, expected ${e.host}`;
    for (const [name, value] of Object.entries(e.headers)) {
      const have = s.request.headers[name.toLowerCase()];
      if (have !== value) return `backend header ${name}: ${have ?? 'absent'}, expected ${value}`;
    }
    for (const name of e.absent)
      if (s.request.headers[name.toLowerCase()] !== undefined)
        return `backend header ${name} should be absent`;
  }
  return undefined;
}

const base = show('conformance/base/manifests.yaml');
const tests = git('ls-tree', '--name-only', 'HEAD', 'conformance/tests/')
  .split('\n')
  .filter((p) => /\/httproute-[^/]+\.go$/.test(p));
let total = 0;
let agreed = 0;
const rows: string[] = [];
const misses: string[] = [];
for (const goPath of tests) {
  const yamlPath = goPath.replace(/\.go$/, '.yaml');
  let manifest: string;
  try {
    manifest = show(yamlPath);
  } catch {
    continue;
  }
  const name = goPath.split('/').pop()?.replace(/\.go$/, '') ?? goPath;
  // Whole-line comments go first: they sit between the fields of the literals.
  const cases = casesOf(name, show(goPath).replace(/^[ \t]*\/\/.*$/gm, ''));
  if (cases.length === 0) continue;
  const workspace = loadWorkspace([
    { name: 'base.yaml', text: base },
    { name: `${name}.yaml`, text: manifest },
  ]);
  const index = gatewayApiIndex(workspace);
  let ok = 0;
  for (const c of cases) {
    const gatewayId = `Gateway.gateway.networking.k8s.io/${c.gateway}`;
    const listener = index.gateways.find((g) => g.entry.id === gatewayId)?.gateway.listeners[0];
    const https = listener?.protocol === 'HTTPS';
    // A Host with the port of one of the Gateway's listeners names the listener the suite dials
    // (its address carries that port); any other port in Host is only a header.
    const ports = index.gateways
      .find((g) => g.entry.id === gatewayId)
      ?.gateway.listeners.map((l) => l.port);
    const hostPort = Number(/:(\d+)$/.exec(c.host ?? '')?.[1]);
    const port = ports?.includes(hostPort) ? hostPort : (listener?.port ?? 80);
    // The suite dials the Gateway's address and sends the case's host in the Host header (and
    // as the SNI for HTTPS).
    const host = c.host ?? 'gateway.conformance.test';
    const dial = https ? host.replace(/:\d+$/, '') : 'gateway.conformance.test';
    const result = simulate(workspace, {
      url: `${https ? 'https' : 'http'}://${dial}:${port}${c.path}`,
      ...(c.method ? { method: c.method } : {}),
      headers: { ...c.headers, ...(c.host ? { host: c.host } : {}) },
      gateway: gatewayId,
    });
    const why = result.ok ? disagreement(c, result.value, host) : result.error;
    if (why === undefined) ok++;
    else
      misses.push(
        `${name} (${c.gateway}): ${c.method ?? 'GET'} ${host}${c.path} ${JSON.stringify(c.headers)}: ${why}`,
      );
  }
  total += cases.length;
  agreed += ok;
  rows.push(`${ok === cases.length ? '✓' : '✗'} ${name}: ${ok}/${cases.length}`);
}
console.log(rows.join('\n'));
if (verbose && misses.length > 0) console.log(`\n${misses.join('\n')}`);
console.log(
  `\n${agreed} of ${total} conformance cases answered as the Gateway API conformance tests expect (${Math.round((agreed / Math.max(total, 1)) * 1000) / 10}%)`,
);
