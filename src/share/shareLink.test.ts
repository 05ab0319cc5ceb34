import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import type { SavedTest } from '../simulate/savedTests.ts';
import { EXAMPLE } from '../workspace/example.ts';
import {
  decodeShare,
  encodeShare,
  isShareFragment,
  SHARE_LIMIT_BYTES,
  SHARE_PREFIX,
  type SharedDesign,
} from './shareLink.ts';

// Comments, keys out of alphabetical order, odd spacing, CRLF, a BOM-free non-ASCII name and
// text in scripts beyond Latin-1: all must come back exactly as written.
const HANDWRITTEN = [
  '# Reviewed by Zoë — ne pas toucher 🚦',
  'kind: VirtualService   # kind before apiVersion, on purpose',
  'apiVersion: networking.istio.io/v1',
  'metadata: {namespace: web, name: shop}',
  'spec:',
  '  hosts: ["shop.example.com"]',
  '  http:',
  '  - name: "beta 日本語"',
  '    route: [{destination: {host: reviews, subset: v2}, weight: 100}]',
  '',
].join('\r\n');

const TEST: SavedTest = {
  name: 'beta goes to v2',
  request: { method: 'GET', url: 'https://shop.example.com/api', headers: { 'x-beta': '1' } },
  expect: { outcome: 'route', destinations: [{ host: 'reviews', subset: 'v2' }] },
};

function roundTrip(design: SharedDesign): SharedDesign {
  const encoded = encodeShare(design);
  if (!encoded.ok) throw new Error(`too large: ${encoded.bytes}`);
  const decoded = decodeShare(`#${encoded.fragment}`);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.design;
}

describe('share links', () => {
  test('carry every file byte for byte, in order, with its name, and the saved tests', () => {
    const design: SharedDesign = {
      files: [
        { name: 'shop ünïcode.yaml', text: HANDWRITTEN },
        ...EXAMPLE,
        { name: 'empty.yaml', text: '' },
      ],
      savedTests: [TEST],
    };
    const back = roundTrip(design);
    expect(back.files).toEqual(design.files);
    expect(back.files[0]?.text).toBe(HANDWRITTEN);
    expect(back.savedTests).toEqual([TEST]);
  });

  test('carry the layout in whole pixels; a link without one, or with odd entries, still reads', () => {
    const back = roundTrip({
      files: EXAMPLE,
      savedTests: [],
      positions: { 'gateway:a': { x: 10.4, y: -3.6 }, 'service:b': { x: 400, y: 80 } },
    });
    expect(back.positions).toEqual({
      'gateway:a': { x: 10, y: -4 },
      'service:b': { x: 400, y: 80 },
    });
    expect(roundTrip({ files: EXAMPLE, savedTests: [] }).positions).toBeUndefined();

    const odd = {
      f: [['a.yaml', 'kind: Service\n']],
      t: '',
      p: { good: [1, 2], bad: ['x', 2], short: [1] },
    };
    const bytes = deflateSync(new TextEncoder().encode(JSON.stringify(odd)));
    const text = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
    const decoded = decodeShare(SHARE_PREFIX + text.replace(/=+$/, ''));
    expect(decoded.ok && decoded.design.positions).toEqual({ good: { x: 1, y: 2 } });
  });

  test('any text survives the trip (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ name: fc.string({ minLength: 1 }), text: fc.string({ unit: 'binary' }) }),
          {
            maxLength: 4,
          },
        ),
        (files) => {
          expect(roundTrip({ files, savedTests: [] }).files).toEqual(files);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('are a fragment made only of URL-safe characters behind the versioned prefix', () => {
    const encoded = encodeShare({ files: EXAMPLE, savedTests: [TEST] });
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.fragment.startsWith(SHARE_PREFIX)).toBe(true);
    expect(encoded.fragment.slice(SHARE_PREFIX.length)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(isShareFragment(`#${encoded.fragment}`)).toBe(true);
    expect(isShareFragment('#section-2')).toBe(false);
    // The example compresses well: a link to it is short enough for any chat.
    expect(encoded.fragment.length).toBeLessThan(3000);
  });

  test('a design over the limit is refused with its size, not cut', () => {
    // Text that does not compress: a pseudo-random sequence of letters.
    let seed = 2463534242 | 0;
    let noise = '';
    while (noise.length < 80_000) {
      // xorshift32: 32-bit integer steps, so the sequence does not repeat within the text.
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      noise += String.fromCharCode(33 + ((seed >>> 0) % 90));
    }
    const result = encodeShare({ files: [{ name: 'big.yaml', text: noise }], savedTests: [] });
    expect(result.ok).toBe(false);
    expect(result.bytes).toBeGreaterThan(SHARE_LIMIT_BYTES);
    // Under a limit that fits, the same design encodes.
    expect(
      encodeShare({ files: [{ name: 'big.yaml', text: noise }], savedTests: [] }, 1e6).ok,
    ).toBe(true);
  });
});

describe('damaged links', () => {
  const good = encodeShare({ files: EXAMPLE, savedTests: [TEST] });
  const fragment = good.ok ? good.fragment : '';

  test.each([
    ['cut in the middle', fragment.slice(0, Math.floor(fragment.length / 2))],
    ['cut by one character', fragment.slice(0, -1)],
    [
      'a character changed',
      `${fragment.slice(0, 40)}${fragment[40] === 'A' ? 'B' : 'A'}${fragment.slice(41)}`,
    ],
    ['characters a URL would not keep', `${fragment.slice(0, 30)}%20+/${fragment.slice(30)}`],
    ['nothing after the prefix', SHARE_PREFIX],
    ['not compressed', `${SHARE_PREFIX}aGVsbG8gd29ybGQ`],
  ])('%s: an error that says so, never a throw', (_, hash) => {
    const result = decodeShare(hash);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/damaged or incomplete/);
  });

  test('compressed JSON of the wrong shape is refused', () => {
    for (const value of [
      null,
      42,
      { f: 'x' },
      { f: [['a']] },
      { f: [[1, 'x']] },
      { f: [], t: 3 },
    ]) {
      const bytes = deflateSync(new TextEncoder().encode(JSON.stringify(value)));
      const text = btoa(String.fromCharCode(...bytes))
        .replace(/\+/g, '-')
        .replace(/\//g, '_');
      expect(decodeShare(SHARE_PREFIX + text.replace(/=+$/, '')).ok).toBe(false);
    }
  });

  test('a fragment longer than any link the app makes is not inflated', () => {
    const result = decodeShare(SHARE_PREFIX + 'A'.repeat(50_000));
    expect(result.ok || result.error).toMatch(/longer than any/);
  });

  test('another fragment, or a newer format, says what it is', () => {
    const other = decodeShare('#top');
    expect(other.ok || other.error).toMatch(/not a shared design/);
    const newer = decodeShare('#d2=abc');
    expect(newer.ok || newer.error).toMatch(/newer version.*format 2/);
  });
});
