import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { designText, FANOUT, SECURE, SERVICES } from '../convert/ingressTestDesigns.ts';
import { run } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'convert-ingress-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** `convert --to <to> --verify` on a file of these YAML pieces. */
const convertVerified = (to: string, name: string, ...pieces: string[]) =>
  run(['convert', '--to', to, '--verify', file(name, designText(...pieces))]);

describe('convert an Ingress file', () => {
  test('--to gateway-api --verify: the routes on stdout, the redirect loss on stderr, every difference explained', () => {
    const out = convertVerified('gateway-api', 'secure.yaml', SERVICES, SECURE);
    expect(out.stdout).toContain('kind: HTTPRoute');
    expect(out.stdout).toContain(
      '# Converted from Ingress default/secure (host secure.example.com)',
    );
    expect(out.stdout).not.toContain('kind: Ingress\n');
    expect(out.stderr).toMatch(
      /^Ingress\/default\/secure spec\.tls: ingress-nginx redirects HTTP to HTTPS with 308; /m,
    );
    expect(out.stderr).toMatch(
      /^\d+ of \d+ requests go where they went; [1-9]\d* differences?, (both |all )?in the loss report$/m,
    );
    expect(out.code).toBe(0);
  });

  test('--to istio --verify: the docs fanout goes where ingress-nginx sent every request', () => {
    const out = convertVerified('istio', 'fanout.yaml', SERVICES, FANOUT);
    expect(out.stdout).toContain('kind: VirtualService');
    expect(out.stdout).toContain('istio: ingressgateway');
    expect(out.stderr).toMatch(/^(\d+) of \1 requests go where they went; no differences\n$/);
    expect(out.code).toBe(0);
  });

  test('--to istio --verify: an HTTPS Ingress of class istio as Istio serves it; the Secret stays where Istio reads it', () => {
    const istio = SECURE.replace('ingressClassName: nginx', 'ingressClassName: istio');
    const out = convertVerified('istio', 'istio-class.yaml', SERVICES, istio);
    expect(out.stdout).toContain(
      '# Converted from Ingress default/secure (host secure.example.com), as Istio serves it',
    );
    expect(out.stdout).not.toContain('redirect');
    expect(out.stderr).toMatch(/^(\d+) of \1 requests go where they went; no differences\n$/);
    expect(out.code).toBe(0);
  });

  test('--to istio: an ingress-nginx Ingress with TLS names the Secret to copy to istio-system', () => {
    const out = convertVerified('istio', 'nginx-tls.yaml', SERVICES, SECURE);
    expect(out.stderr).toContain(
      "Ingress/default/secure spec.tls[0].secretName: copy Secret default/secure-tls to istio-system: Istio's gateway reads credentialName in its own namespace\n",
    );
    expect(out.code).toBe(0);
  });

  test('--to gateway-api --verify: the shop with rewrite-target and a header canary (e2e/data/shop-ingress.yaml) goes where it went', () => {
    const out = run([
      'convert',
      '--to',
      'gateway-api',
      '--verify',
      join(import.meta.dirname, '..', '..', 'e2e', 'data', 'shop-ingress.yaml'),
    ]);
    // The canary's header rules carry the main Ingress's rewrite, as ingress-nginx applies it.
    expect(out.stdout.match(/type: URLRewrite/g)).toHaveLength(3);
    expect(out.stderr).toMatch(/^(\d+) of \1 requests go where they went; no differences$/m);
    expect(out.code).toBe(0);
  });
});
