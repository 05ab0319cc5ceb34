import { describe, expect, it } from 'vitest';
import { CERTIFICATES } from '../../testing/workloadChecks.ts';
import { certificateProblem, certificateValidities, decodeBase64, firstPemBlock } from './x509.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const NOW = Date.UTC(2030, 0, 1);

describe('PEM and X.509 as Istio reads a Gateway certificate (xds.ValidateCertificate)', () => {
  it('reads the validity of a certificate, UTCTime and GeneralizedTime', () => {
    const block = firstPemBlock(CERTIFICATES.valid);
    expect(block?.type).toBe('CERTIFICATE');
    expect(certificateValidities(block?.bytes ?? new Uint8Array())).toEqual([
      { notBefore: Date.UTC(2020, 0, 1), notAfter: Date.UTC(2120, 0, 1) },
    ]);
  });

  it('accepts a certificate valid now', () => {
    expect(certificateProblem(bytes(CERTIFICATES.valid), NOW)).toBeUndefined();
  });

  it('rejects an expired certificate and one not yet valid', () => {
    expect(certificateProblem(bytes(CERTIFICATES.expired), NOW)).toBe(
      'its certificate expired on 2001-01-01',
    );
    expect(certificateProblem(bytes(CERTIFICATES.future), NOW)).toBe(
      'its certificate is not valid before 2100-01-01',
    );
  });

  it('checks every certificate of the first PEM block, not later blocks', () => {
    // Go's pem.Decode returns the first block only; a chain is read from its bytes.
    const chain = `${CERTIFICATES.valid}${CERTIFICATES.expired}`;
    expect(certificateProblem(bytes(chain), NOW)).toBeUndefined();
  });

  it('rejects text that is not PEM, and PEM that is not a certificate', () => {
    expect(certificateProblem(bytes('hush hush hush\n'), NOW)).toBe(
      'its certificate is not PEM-encoded',
    );
    const notDer = '-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n';
    expect(certificateProblem(bytes(notDer), NOW)).toBe(
      'its certificate cannot be parsed as X.509',
    );
  });

  it('skips a malformed block and finds the next one, as pem.Decode does', () => {
    const broken = '-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n';
    expect(firstPemBlock(`${broken}${CERTIFICATES.valid}`)?.type).toBe('CERTIFICATE');
    expect(firstPemBlock('-----BEGIN X-----\nAAAA\n-----END Y-----\n')).toBeUndefined();
  });

  it('reads every certificate of concatenated DER, and no certificate from cut bytes', () => {
    const one = firstPemBlock(CERTIFICATES.valid)?.bytes ?? new Uint8Array();
    const two = firstPemBlock(CERTIFICATES.expired)?.bytes ?? new Uint8Array();
    const both = new Uint8Array([...one, ...two]);
    expect(certificateValidities(both)).toHaveLength(2);
    expect(certificateValidities(one.subarray(0, one.length - 10))).toBe('invalid');
  });

  it('decodes standard base64 with padding only', () => {
    expect(decodeBase64('aGk=')).toEqual(new Uint8Array([104, 105]));
    expect(decodeBase64('aGk')).toBeUndefined();
    expect(decodeBase64('a$k=')).toBeUndefined();
  });
});
