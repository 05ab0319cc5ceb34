/**
 * Istio's `validateTLSOptions` (pkg/config/validation/validation.go) on a Gateway server's
 * `tls`, and the TLS security cipher list (pkg/config/security/security.go).
 */
import type { Path } from '../../yaml/path.ts';
import { at, type Report } from './report.ts';
import { arr, hasItems, obj, type Plain, textOr } from './values.ts';

const SERVER_TLS_MODES = new Set([
  'PASSTHROUGH',
  'SIMPLE',
  'MUTUAL',
  'AUTO_PASSTHROUGH',
  'ISTIO_MUTUAL',
  'OPTIONAL_MUTUAL',
]);

/** Envoy's cipher names Istio accepts in `cipherSuites` (`security.ValidCipherSuites`). */
const CIPHER_SUITES = new Set([
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-SHA',
  'ECDHE-RSA-AES128-SHA',
  'ECDHE-ECDSA-AES256-SHA',
  'ECDHE-RSA-AES256-SHA',
  'AES128-GCM-SHA256',
  'AES256-GCM-SHA384',
  'AES128-SHA',
  'AES256-SHA',
  'DES-CBC3-SHA',
]);

/** `security.IsValidCipherSuite`: known names, `ALL`, or expressions led by `-`, `+`, `!`… */
function isValidCipherSuite(suite: string): boolean {
  if (suite === '' || suite === 'ALL') return true;
  if (!/^[\p{L}\p{N}]/u.test(suite)) return true;
  return CIPHER_SUITES.has(suite);
}

/** The server TLS mode (PASSTHROUGH when unset), or undefined when it is not a known mode. */
export function serverTlsMode(tls: Plain): string | undefined {
  const mode = tls.mode;
  if (mode === undefined || mode === null) return 'PASSTHROUGH';
  return typeof mode === 'string' && SERVER_TLS_MODES.has(mode) ? mode : undefined;
}

const CERTIFICATE_FIELDS = [
  'caCrl',
  'serverCertificate',
  'privateKey',
  'caCertificates',
  'tlsCertificates',
  'credentialName',
  'credentialNames',
] as const;

function isGiven(tls: Plain, key: string): boolean {
  return Array.isArray(tls[key]) ? hasItems(tls[key]) : textOr(tls[key]) !== '';
}

export function validateServerTls(tls: Plain, path: Path, report: Report): void {
  const minVersion = textOr(tls.minProtocolVersion);
  if ((minVersion === 'TLSV1_0' || minVersion === 'TLSV1_1') && !hasItems(tls.cipherSuites)) {
    report.warning(
      'gateway-tls-old-version',
      at(path, 'minProtocolVersion'),
      `${minVersion} needs cipherSuites that support it: the default ciphers no longer include any`,
    );
  }
  checkCipherSuites(tls, path, report);

  const mode = serverTlsMode(tls);
  if (mode === undefined) return; // an unknown mode is a schema error; nothing more to say
  if (mode === 'ISTIO_MUTUAL') {
    for (const key of CERTIFICATE_FIELDS) {
      if (key !== 'caCrl' && isGiven(tls, key)) {
        report.error(
          'gateway-tls-istio-mutual-certs',
          at(path, key),
          `ISTIO_MUTUAL uses the mesh's own certificates and cannot have ${key}: remove it, or use mode MUTUAL`,
        );
      }
    }
    return;
  }
  if (mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH') {
    const given = CERTIFICATE_FIELDS.find((key) => isGiven(tls, key));
    if (given) {
      report.warning(
        'gateway-tls-passthrough-certs',
        at(path, given),
        `${mode} mode does not use certificates, so ${given} is ignored: set mode SIMPLE to terminate TLS at the gateway, or remove it`,
      );
    }
  }
  const sources = [
    textOr(tls.serverCertificate) !== '' && textOr(tls.privateKey) !== '',
    isGiven(tls, 'credentialName'),
    isGiven(tls, 'credentialNames'),
    isGiven(tls, 'tlsCertificates'),
  ].filter(Boolean).length;
  if (sources > 1) {
    report.error(
      'gateway-tls-cert-sources',
      path,
      'set only one certificate source: credentialName, credentialNames, serverCertificate/privateKey or tlsCertificates',
    );
  }
  const terminates = mode === 'SIMPLE' || mode === 'MUTUAL' || mode === 'OPTIONAL_MUTUAL';
  if (terminates && (isGiven(tls, 'credentialName') || isGiven(tls, 'credentialNames'))) return;
  if (terminates) checkInlineCertificates(tls, mode, path, report);
  if (textOr(tls.caCrl) !== '') {
    if (isGiven(tls, 'credentialName')) {
      report.error(
        'gateway-tls-crl',
        at(path, 'caCrl'),
        'caCrl cannot be used with credentialName: put the CRL in the credential secret',
      );
    }
    if (mode === 'SIMPLE') {
      report.error(
        'gateway-tls-crl',
        at(path, 'caCrl'),
        'caCrl is not supported with SIMPLE TLS: use mode MUTUAL to check client certificates',
      );
    }
  }
}

/** SIMPLE and MUTUAL without a credential need the certificate and key files on the gateway. */
function checkInlineCertificates(tls: Plain, mode: string, path: Path, report: Report): void {
  const label = mode === 'SIMPLE' ? 'SIMPLE TLS' : 'MUTUAL TLS';
  if (mode !== 'SIMPLE' && textOr(tls.caCertificates) === '') {
    report.error(
      'gateway-tls-ca-missing',
      at(path, 'caCertificates'),
      `${label} needs a client CA bundle: set credentialName to a secret holding ca.crt, or caCertificates`,
    );
  }
  const list = arr(tls.tlsCertificates);
  if (list.length > 2) {
    report.warning(
      'gateway-tls-too-many-certs',
      at(path, 'tlsCertificates'),
      `${label} supports at most 2 server certificates (one RSA, one ECDSA)`,
    );
  }
  const pairs: { cert: Plain; path: Path }[] =
    list.length > 0
      ? list.map((c, k) => ({ cert: obj(c) ?? {}, path: at(path, 'tlsCertificates', k) }))
      : [{ cert: tls, path }];
  for (const pair of pairs) {
    const noCert = textOr(pair.cert.serverCertificate) === '';
    const noKey = textOr(pair.cert.privateKey) === '';
    if (!noCert && !noKey) continue;
    const what =
      noCert && noKey
        ? 'a server certificate and a private key'
        : noCert
          ? 'a server certificate'
          : 'a private key';
    report.error(
      'gateway-tls-cert-missing',
      at(pair.path, noCert ? 'serverCertificate' : 'privateKey'),
      `${label} needs ${what}: set credentialName to a Kubernetes TLS secret (or serverCertificate and privateKey)`,
    );
  }
}

function checkCipherSuites(tls: Plain, path: Path, report: Report): void {
  const seen = new Set<string>();
  arr(tls.cipherSuites).forEach((suite, k) => {
    if (typeof suite !== 'string') return;
    if (!isValidCipherSuite(suite)) {
      report.warning(
        'gateway-tls-cipher-invalid',
        at(path, 'cipherSuites', k),
        `cipher suite "${suite}" is not supported and is ignored`,
      );
    } else if (seen.has(suite)) {
      report.warning(
        'gateway-tls-cipher-invalid',
        at(path, 'cipherSuites', k),
        `cipher suite "${suite}" is listed twice; the repeat is ignored`,
      );
    }
    seen.add(suite);
  });
}
