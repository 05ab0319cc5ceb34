import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleFiles, proveExample, requestText } from './convert-verify.ts';

/**
 * The Ingress examples (after the Kubernetes docs' Ingress page) convert to Istio and to the
 * Gateway API, and on to the other API, with a proof that every request goes where it went or a
 * loss that says why: checked in `npm test`, so a fresh clone without the shared corpus checks them.
 */
const dir = join(import.meta.dirname, '..', 'examples', 'ingress');
const files = exampleFiles(dir);
const proofs = new Map(files.map((name) => [name, proveExample(dir, name)]));

describe('examples/ingress convert both ways with a clean --verify', () => {
  it.each(files)('%s', (name) => {
    const result = proofs.get(name);
    expect(result?.problems).toEqual([]);
    expect(result?.failing.map((r) => `${r.test.name}: ${r.mismatches.join('; ')}`)).toEqual([]);
    // Istio and the Gateway API, each then converted on to the other: four proofs.
    expect(result?.proofs.map((p) => p.direction)).toEqual([
      'ingress → istio',
      'ingress → istio → gateway-api',
      'ingress → gateway-api',
      'ingress → gateway-api → istio',
    ]);
    for (const p of result?.proofs ?? []) {
      expect(p.converted, p.direction).toBeGreaterThan(0);
      expect(
        p.unexplained.map((d) => requestText(d.request)),
        `${p.direction}: differences no loss explains`,
      ).toEqual([]);
    }
    // At least one request per Ingress path, or the proof says nothing of that path.
    expect(result?.unreached).toEqual([]);
  });
});
