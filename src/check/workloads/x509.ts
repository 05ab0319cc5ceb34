/**
 * Just enough of PEM and X.509 to tell, as Istio does before serving a Gateway credential
 * (`xds.ValidateCertificate`, pilot/pkg/xds/sds.go), whether a certificate can be read and is
 * valid now. Pure TypeScript for the browser and Node: base64 via `atob`, DER read by hand.
 * Only the structure up to the validity dates is read; anything this reader cannot be sure of
 * is `unknown`, never a problem.
 */

/** Bytes of standard base64 (padding required, line breaks and spaces ignored), or undefined. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/[ \t\r\n]/g, '');
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  let binary: string;
  try {
    binary = atob(clean);
  } catch {
    return undefined;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The bytes as one character per byte (PEM is ASCII). */
export function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return out;
}

/** A line without its break and trailing spaces, tabs and carriage returns (Go `getLine`). */
function line(text: string, from: number): { line: string; next: number } {
  const end = text.indexOf('\n', from);
  const raw = end === -1 ? text.slice(from) : text.slice(from, end);
  return { line: raw.replace(/[ \t\r]+$/, ''), next: end === -1 ? text.length : end + 1 };
}

/**
 * The first well-formed PEM block, as Go's `pem.Decode` finds it: `-----BEGIN TYPE-----` at
 * the start of a line, optional `Key: value` headers, a base64 body, `-----END TYPE-----`.
 * Malformed blocks are skipped.
 */
export function firstPemBlock(text: string): { type: string; bytes: Uint8Array } | undefined {
  let from = 0;
  for (;;) {
    let at: number;
    if (text.startsWith('-----BEGIN ', from)) at = from + 11;
    else {
      const found = text.indexOf('\n-----BEGIN ', from);
      if (found === -1) return undefined;
      at = found + 12;
    }
    from = at;
    const typeLine = line(text, at);
    if (!typeLine.line.endsWith('-----')) continue;
    const type = typeLine.line.slice(0, -5);
    let rest = typeLine.next;
    let headers = 0;
    for (;;) {
      if (rest >= text.length) return undefined;
      const header = line(text, rest);
      if (!header.line.includes(':')) break;
      headers++;
      rest = header.next;
    }
    let end: number;
    let trailer: number;
    if (headers === 0 && text.startsWith('-----END ', rest)) {
      end = rest;
      trailer = rest + 9;
    } else {
      end = text.indexOf('\n-----END ', rest);
      if (end === -1) continue;
      trailer = end + 10;
    }
    const endLine = `${type}-----`;
    if (!text.startsWith(endLine, trailer)) continue;
    if (line(text, trailer + endLine.length).line !== '') continue;
    const bytes = decodeBase64(text.slice(rest, end));
    if (!bytes) continue;
    return { type, bytes };
  }
}

interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
}

function byteAt(bytes: Uint8Array, at: number): number {
  return bytes[at] ?? 0;
}

/** One DER tag-length-value within `[at, limit)`; undefined when it does not fit. */
function readTlv(bytes: Uint8Array, at: number, limit: number): Tlv | undefined {
  if (at + 2 > limit) return undefined;
  const tag = byteAt(bytes, at);
  if ((tag & 0x1f) === 0x1f) return undefined;
  let length = byteAt(bytes, at + 1);
  let start = at + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    // 0x80 is BER's indefinite length, which DER forbids.
    if (count === 0 || count > 4 || start + count > limit) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + byteAt(bytes, start + i);
    start += count;
  }
  const end = start + length;
  return end > limit ? undefined : { tag, start, end };
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const UTC_TIME = 0x17;
const GENERALIZED_TIME = 0x18;
const EXPLICIT_VERSION = 0xa0;

/** An ASN.1 time as milliseconds since the epoch; undefined when not in DER's `…Z` form. */
function readTime(bytes: Uint8Array, tlv: Tlv): number | undefined {
  const text = latin1(bytes.subarray(tlv.start, tlv.end));
  const match =
    tlv.tag === UTC_TIME
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // RFC 5280 4.1.2.5.1: a two-digit year of 50 or more is 19YY, below 50 is 20YY.
  const fullYear = tlv.tag === UTC_TIME ? (year >= 50 ? 1900 + year : 2000 + year) : year;
  return Date.UTC(fullYear, month - 1, day, hour, minute, second);
}

export interface Validity {
  readonly notBefore: number;
  readonly notAfter: number;
}

/**
 * The validity of each certificate in concatenated DER (Go's `x509.ParseCertificates`):
 * `invalid` when the bytes are not certificates, `unknown` when a date is in a form this
 * reader does not decode.
 */
export function certificateValidities(
  bytes: Uint8Array,
): readonly Validity[] | 'invalid' | 'unknown' {
  const out: Validity[] = [];
  // An empty block is no certificates and no error in Go, so it passes Istio's check.
  let at = 0;
  while (at < bytes.length) {
    const certificate = readTlv(bytes, at, bytes.length);
    if (!certificate || certificate.tag !== SEQUENCE) return 'invalid';
    const tbs = readTlv(bytes, certificate.start, certificate.end);
    if (!tbs || tbs.tag !== SEQUENCE) return 'invalid';
    const algorithm = readTlv(bytes, tbs.end, certificate.end);
    if (!algorithm || algorithm.tag !== SEQUENCE) return 'invalid';
    const signature = readTlv(bytes, algorithm.end, certificate.end);
    if (!signature || signature.tag !== BIT_STRING) return 'invalid';
    const validity = readValidity(bytes, tbs);
    if (validity === 'invalid' || validity === 'unknown') return validity;
    out.push(validity);
    at = certificate.end;
  }
  return out;
}

/** TBSCertificate: [0] version?, serialNumber, signature, issuer, validity, subject, key. */
function readValidity(bytes: Uint8Array, tbs: Tlv): Validity | 'invalid' | 'unknown' {
  let field = readTlv(bytes, tbs.start, tbs.end);
  if (field?.tag === EXPLICIT_VERSION) field = readTlv(bytes, field.end, tbs.end);
  if (!field || field.tag !== INTEGER) return 'invalid';
  const signature = readTlv(bytes, field.end, tbs.end);
  if (!signature || signature.tag !== SEQUENCE) return 'invalid';
  const issuer = readTlv(bytes, signature.end, tbs.end);
  if (!issuer || issuer.tag !== SEQUENCE) return 'invalid';
  const validity = readTlv(bytes, issuer.end, tbs.end);
  if (!validity || validity.tag !== SEQUENCE) return 'invalid';
  const subject = readTlv(bytes, validity.end, tbs.end);
  if (!subject || subject.tag !== SEQUENCE) return 'invalid';
  const key = readTlv(bytes, subject.end, tbs.end);
  if (!key || key.tag !== SEQUENCE) return 'invalid';
  const from = readTlv(bytes, validity.start, validity.end);
  const to = from && readTlv(bytes, from.end, validity.end);
  if (!from || !to) return 'invalid';
  for (const time of [from, to]) {
    if (time.tag !== UTC_TIME && time.tag !== GENERALIZED_TIME) return 'invalid';
  }
  const notBefore = readTime(bytes, from);
  const notAfter = readTime(bytes, to);
  if (notBefore === undefined || notAfter === undefined) return 'unknown';
  return { notBefore, notAfter };
}

/**
 * What is wrong with a certificate chain as a Gateway serves it, or undefined when it is fine
 * or this reader cannot tell: Istio decodes the first PEM block, parses its certificates and
 * rejects any that is expired or not yet valid at `now`.
 */
export function certificateProblem(pem: Uint8Array, now: number): string | undefined {
  const block = firstPemBlock(latin1(pem));
  if (!block) return 'its certificate is not PEM-encoded';
  const validities = certificateValidities(block.bytes);
  if (validities === 'unknown') return undefined;
  if (validities === 'invalid') return 'its certificate cannot be parsed as X.509';
  for (const { notBefore, notAfter } of validities) {
    if (now > notAfter) return `its certificate expired on ${isoDate(notAfter)}`;
    if (now < notBefore) return `its certificate is not valid before ${isoDate(notBefore)}`;
  }
  return undefined;
}

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
