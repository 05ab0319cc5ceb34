/**
 * Just enough of PEM and X.509 to tell, as Istio does before serving a Gateway credential
 * (`xds.ValidateCertificate`, pilot/pkg/xds/sds.go), whether a certificate can be read and is
 * valid now. PEM is found as Go's `pem.Decode` finds it (written here: its rules on headers and
 * malformed blocks are Go's own); the certificates are read by PKI.js. The checks load it in
 * their worker, so it stays out of the first bundle. Anything that cannot be decided is
 * `unknown`, never a problem.
 */
import { fromBER } from 'asn1js';
import { Certificate } from 'pkijs';

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

export interface Validity {
  readonly notBefore: number;
  readonly notAfter: number;
}

/**
 * The validity of each certificate in concatenated DER (Go's `x509.ParseCertificates`):
 * `invalid` when the bytes are not certificates, `unknown` when a date does not decode. The
 * ASN.1 and X.509 structure is read by asn1js and PKI.js; like Go, a BER indefinite length
 * (which DER forbids) is no certificate.
 */
export function certificateValidities(
  bytes: Uint8Array,
): readonly Validity[] | 'invalid' | 'unknown' {
  const out: Validity[] = [];
  // An empty block is no certificates and no error in Go, so it passes Istio's check.
  let at = 0;
  while (at < bytes.length) {
    const parsed = fromBER(bytes.subarray(at));
    if (parsed.offset === -1 || parsed.result.lenBlock.isIndefiniteForm) return 'invalid';
    let certificate: Certificate;
    try {
      certificate = new Certificate({ schema: parsed.result });
    } catch {
      return 'invalid';
    }
    const notBefore = certificate.notBefore.value.getTime();
    const notAfter = certificate.notAfter.value.getTime();
    if (Number.isNaN(notBefore) || Number.isNaN(notAfter)) return 'unknown';
    out.push({ notBefore, notAfter });
    at += parsed.offset;
  }
  return out;
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
