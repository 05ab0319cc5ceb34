import { deflateSync, inflateSync } from 'fflate';
import { parseSavedTests, type SavedTest, stringifySavedTests } from '../simulate/savedTests.ts';
import type { SourceText } from '../workspace/workspace.ts';

/**
 * A design carried in a URL's fragment: the browser never sends a fragment to a server, so a
 * link shares a design without it leaving the two browsers. The fragment is `d1=` and the
 * design as JSON, deflated and base64url-encoded; the `1` is the format's version, so a later
 * format can still read (or plainly refuse) an older link.
 */
export const SHARE_PREFIX = 'd1=';

/**
 * The most a link may carry, compressed: chat tools and mail clients cut or refuse longer
 * URLs well before browsers do. Beyond it the design goes by file (Export).
 */
export const SHARE_LIMIT_BYTES = 32 * 1024;

/**
 * The longest fragment read: a link this app made is at most the limit in base64 (4/3 of it)
 * plus the prefix. A longer one was not made here, and inflating it could take the tab's memory
 * (deflate expands up to a thousandfold).
 */
const MAX_FRAGMENT = Math.ceil((SHARE_LIMIT_BYTES * 4) / 3) + 64;

/** What a link carries: every file by name and text as typed, the saved tests, the layout. */
export interface SharedDesign {
  readonly files: readonly SourceText[];
  readonly savedTests: readonly SavedTest[];
  /**
   * Where the nodes stand on the canvas, by node id (ids are stable across parses), so the
   * design looks as it was arranged; absent, the canvas lays it out.
   */
  readonly positions?: Readonly<Record<string, { readonly x: number; readonly y: number }>>;
}

export type EncodeResult =
  | { readonly ok: true; readonly fragment: string; readonly bytes: number }
  | { readonly ok: false; readonly tooLarge: true; readonly bytes: number };

export type DecodeResult =
  | { readonly ok: true; readonly design: SharedDesign }
  | { readonly ok: false; readonly error: string };

/** The JSON inside: short keys, as every byte counts in a URL. */
interface Payload {
  /** Files as `[name, text]`. */
  readonly f: readonly (readonly [string, string])[];
  /** The saved tests, in their YAML file form (empty when there are none). */
  readonly t: string;
  /** Node positions as `id: [x, y]`, whole pixels (optional: a link without them still reads). */
  readonly p?: Readonly<Record<string, readonly [number, number]>>;
}

/** The fragment (without `#`) for a design, or how large it would be when it is over the limit. */
export function encodeShare(design: SharedDesign, limit = SHARE_LIMIT_BYTES): EncodeResult {
  const payload: Payload = {
    f: design.files.map((file) => [file.name, file.text] as const),
    t: design.savedTests.length > 0 ? stringifySavedTests(design.savedTests) : '',
    ...(design.positions && Object.keys(design.positions).length > 0
      ? {
          p: Object.fromEntries(
            Object.entries(design.positions).map(([id, at]) => [
              id,
              [Math.round(at.x), Math.round(at.y)] as const,
            ]),
          ),
        }
      : {}),
  };
  const compressed = deflateSync(new TextEncoder().encode(JSON.stringify(payload)), { level: 9 });
  if (compressed.length > limit) return { ok: false, tooLarge: true, bytes: compressed.length };
  return { ok: true, fragment: SHARE_PREFIX + toBase64Url(compressed), bytes: compressed.length };
}

/** Whether a location's hash is a share link (what the app looks for at start). */
export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(SHARE_PREFIX);
}

/**
 * Reads a fragment (with or without `#`). Never throws: a cut, altered or foreign link is an
 * error that says so, and nothing of it is used.
 */
export function decodeShare(hash: string): DecodeResult {
  const fragment = hash.replace(/^#/, '');
  if (!fragment.startsWith(SHARE_PREFIX)) {
    const version = /^d(\d+)=/.exec(fragment);
    return {
      ok: false,
      error: version
        ? `This link was made by a newer version of Istio Designer (format ${version[1]}).`
        : 'This is not a shared design link.',
    };
  }
  const broken = {
    ok: false as const,
    error: 'The shared link is damaged or incomplete (was it cut when copied?).',
  };
  if (fragment.length > MAX_FRAGMENT)
    return {
      ok: false,
      error: 'This link is longer than any Istio Designer makes: it was not read.',
    };
  const bytes = fromBase64Url(fragment.slice(SHARE_PREFIX.length));
  if (!bytes || bytes.length === 0) return broken;
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflateSync(bytes));
  } catch {
    return broken;
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return broken;
  }
  const design = readPayload(value);
  return design ? { ok: true, design } : broken;
}

function readPayload(value: unknown): SharedDesign | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { f, t, p } = value as Record<string, unknown>;
  if (!Array.isArray(f) || (t !== undefined && typeof t !== 'string')) return undefined;
  const files: SourceText[] = [];
  for (const entry of f) {
    if (!Array.isArray(entry) || entry.length !== 2) return undefined;
    const [name, text] = entry as unknown[];
    if (typeof name !== 'string' || typeof text !== 'string' || name === '') return undefined;
    files.push({ name, text });
  }
  const positions = readPositions(p);
  return {
    files,
    savedTests: t ? parseSavedTests(t).tests : [],
    ...(positions ? { positions } : {}),
  };
}

/** Positions as the link gives them; entries that are not two finite numbers are left out. */
function readPositions(value: unknown): Record<string, { x: number; y: number }> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: Record<string, { x: number; y: number }> = Object.create(null);
  for (const [id, at] of Object.entries(value)) {
    if (!Array.isArray(at) || at.length !== 2) continue;
    const [x, y] = at as unknown[];
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y))
      out[id] = { x, y };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Base64url without padding (RFC 4648 §5): the characters a URL fragment keeps as they are. */
function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: one call with every byte as an argument overflows the stack on large designs.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}
