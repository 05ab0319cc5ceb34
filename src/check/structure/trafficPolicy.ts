/**
 * A DestinationRule traffic policy (top level, per subset or per port), as Istio's
 * `validateTrafficPolicy`, `validateOutlierDetection`, `validateConnectionPool`,
 * `validatePortTrafficPolicies` (pkg/config/validation/validation.go) and `agent.ValidateTLS`
 * check it.
 */

import { durationNs } from '../../rules/goDuration.ts';
import { fqdnProblem, isIpAddress } from '../../rules/names.ts';
import type { Path } from '../../yaml/path.ts';
import { checkDuration, isValidPort, portMessage } from './common.ts';
import { checkLoadBalancer } from './loadBalancer.ts';
import { at, type Report } from './report.ts';
import { arr, int, isSet, number, obj, type Plain, textOr } from './values.ts';

const POLICY_FIELDS = [
  'outlierDetection',
  'connectionPool',
  'loadBalancer',
  'tls',
  'tunnel',
  'proxyProtocol',
  // Newer than the validation this follows; counted so that a policy with only it is not flagged.
  'retryBudget',
] as const;

const PORT_POLICY_FIELDS = ['outlierDetection', 'connectionPool', 'loadBalancer', 'tls'] as const;

function sub(policy: Plain, key: string): Plain | undefined {
  return isSet(policy, key) ? obj(policy[key]) : undefined;
}

export function checkTrafficPolicy(policy: Plain, path: Path, report: Report): void {
  // `portLevelSettings: []` still counts as set, as the decoded list is not nil.
  if (
    !POLICY_FIELDS.some((key) => isSet(policy, key)) &&
    !Array.isArray(policy.portLevelSettings)
  ) {
    report.error(
      'dr-traffic-policy-empty',
      path,
      'trafficPolicy is empty: set a policy (loadBalancer, connectionPool, outlierDetection, tls…) or remove it',
    );
    return;
  }
  if (isSet(policy, 'tunnel') && isSet(policy, 'proxyProtocol')) {
    report.error(
      'dr-tunnel-with-proxy-protocol',
      at(path, 'proxyProtocol'),
      'tunnel and proxyProtocol cannot be set together: keep one',
    );
    return;
  }
  checkPolicyGroups(policy, path, report);
  arr(policy.portLevelSettings).forEach((item, i) => {
    checkPortPolicy(item, at(path, 'portLevelSettings', i), report);
  });
  const tunnel = sub(policy, 'tunnel');
  if (tunnel) checkTunnel(tunnel, at(path, 'tunnel'), report);
}

/** The four groups a port-level policy shares with the top level. */
function checkPolicyGroups(policy: Plain, path: Path, report: Report): void {
  const outlier = sub(policy, 'outlierDetection');
  if (outlier) checkOutlierDetection(outlier, at(path, 'outlierDetection'), report);
  const pool = sub(policy, 'connectionPool');
  if (pool) checkConnectionPool(pool, at(path, 'connectionPool'), report);
  const lb = sub(policy, 'loadBalancer');
  if (lb) checkLoadBalancer(lb, at(path, 'loadBalancer'), outlier !== undefined, report);
  const tls = sub(policy, 'tls');
  if (tls) checkClientTls(tls, at(path, 'tls'), report);
}

function checkPortPolicy(item: unknown, path: Path, report: Report): void {
  if (item === null) {
    report.error(
      'dr-port-policy-null',
      path,
      'port traffic policy is empty: remove it or fill it in',
    );
    return;
  }
  const policy = obj(item);
  if (!policy) return;
  if (!isSet(policy, 'port')) {
    report.error(
      'dr-port-policy-port-missing',
      at(path, 'port'),
      'port traffic policy has no port: set port.number',
    );
  }
  if (!PORT_POLICY_FIELDS.some((key) => isSet(policy, key))) {
    report.error(
      'dr-port-policy-empty',
      path,
      'port traffic policy sets nothing: add loadBalancer, connectionPool, outlierDetection or tls',
    );
    return;
  }
  checkPolicyGroups(policy, path, report);
}

function checkOutlierDetection(outlier: Plain, path: Path, report: Report): void {
  checkDuration(
    outlier.baseEjectionTime,
    at(path, 'baseEjectionTime'),
    report,
    'dr-duration-invalid',
  );
  if (int(outlier.consecutiveErrors) !== 0) {
    report.warning(
      'dr-outlier-consecutive-errors-deprecated',
      at(path, 'consecutiveErrors'),
      'consecutiveErrors is deprecated: use consecutive5xxErrors or consecutiveGatewayErrors',
    );
  }
  const localFailures =
    number(outlier.consecutiveLocalOriginFailures) ??
    number(obj(outlier.consecutiveLocalOriginFailures)?.value) ??
    0;
  if (outlier.splitExternalLocalOriginErrors !== true && localFailures > 0) {
    report.error(
      'dr-outlier-local-origin',
      at(path, 'consecutiveLocalOriginFailures'),
      'consecutiveLocalOriginFailures needs splitExternalLocalOriginErrors: true to take effect',
    );
  }
  checkDuration(outlier.interval, at(path, 'interval'), report, 'dr-duration-invalid');
  for (const key of ['maxEjectionPercent', 'minHealthPercent'] as const) {
    const value = int(outlier[key]);
    if (value < 0 || value > 100)
      report.error(
        'dr-percent-invalid',
        at(path, key),
        `${key} ${value} is out of range: use 0 to 100`,
      );
  }
}

function checkConnectionPool(pool: Plain, path: Path, report: Report): void {
  const http = sub(pool, 'http');
  const tcp = sub(pool, 'tcp');
  if (!isSet(pool, 'http') && !isSet(pool, 'tcp')) {
    report.error(
      'dr-connection-pool-empty',
      path,
      'connectionPool sets nothing: add http or tcp settings, or remove it',
    );
    return;
  }
  const negative = (group: Plain, groupPath: Path, key: string) => {
    if (int(group[key]) < 0)
      report.error(
        'dr-connection-pool-negative',
        at(groupPath, key),
        `${key} ${int(group[key])} is negative: use 0 or more`,
      );
  };
  if (http) {
    const httpPath = at(path, 'http');
    for (const key of [
      'http1MaxPendingRequests',
      'http2MaxRequests',
      'maxRequestsPerConnection',
      'maxRetries',
      'maxConcurrentStreams',
    ]) {
      negative(http, httpPath, key);
    }
    checkDuration(http.idleTimeout, at(httpPath, 'idleTimeout'), report, 'dr-duration-invalid');
    if (http.h2UpgradePolicy === 'UPGRADE' && http.useClientProtocol === true) {
      report.error(
        'dr-h2-upgrade-with-client-protocol',
        at(httpPath, 'useClientProtocol'),
        'useClientProtocol cannot be true when h2UpgradePolicy is UPGRADE: keep one',
      );
    }
  }
  if (tcp) {
    const tcpPath = at(path, 'tcp');
    negative(tcp, tcpPath, 'maxConnections');
    checkDuration(tcp.connectTimeout, at(tcpPath, 'connectTimeout'), report, 'dr-duration-invalid');
    checkDuration(
      tcp.maxConnectionDuration,
      at(tcpPath, 'maxConnectionDuration'),
      report,
      'dr-duration-invalid',
    );
    // An idle timeout under 1ms (0s) disables it, which Istio allows.
    const idle = typeof tcp.idleTimeout === 'string' ? durationNs(tcp.idleTimeout) : undefined;
    if (idle === undefined || idle / 1_000_000n !== 0n) {
      checkDuration(tcp.idleTimeout, at(tcpPath, 'idleTimeout'), report, 'dr-duration-invalid');
    }
    const keepalive = sub(tcp, 'tcpKeepalive');
    if (keepalive) {
      checkDuration(
        keepalive.time,
        at(tcpPath, 'tcpKeepalive', 'time'),
        report,
        'dr-duration-invalid',
      );
      checkDuration(
        keepalive.interval,
        at(tcpPath, 'tcpKeepalive', 'interval'),
        report,
        'dr-duration-invalid',
      );
    }
  }
}

/** `agent.ValidateTLS` on a client TLS setting (the configmap:// credential form is not checked). */
function checkClientTls(tls: Plain, path: Path, report: Report): void {
  const mode = textOr(tls.mode);
  const given = (key: string) => textOr(tls[key]) !== '';
  const skipVerify = tls.insecureSkipVerify === true || obj(tls.insecureSkipVerify)?.value === true;
  if (skipVerify) {
    const sans = Array.isArray(tls.subjectAltNames);
    if (mode === 'SIMPLE' && (given('caCertificates') || given('credentialName') || sans)) {
      report.error(
        'dr-tls-skip-verify-conflict',
        at(path, 'insecureSkipVerify'),
        'insecureSkipVerify cannot be combined with caCertificates, credentialName or subjectAltNames: remove one side',
      );
    }
    if (mode === 'MUTUAL' && (given('caCertificates') || sans)) {
      report.error(
        'dr-tls-skip-verify-conflict',
        at(path, 'insecureSkipVerify'),
        'insecureSkipVerify cannot be combined with caCertificates or subjectAltNames: remove one side',
      );
    }
  }
  if ((mode === 'SIMPLE' || mode === 'MUTUAL') && given('credentialName')) {
    if (['clientCertificate', 'caCertificates', 'privateKey', 'caCrl'].some(given)) {
      report.error(
        'dr-tls-credential-conflict',
        at(path, 'credentialName'),
        'with credentialName, the certificates come from the secret: remove clientCertificate, privateKey, caCertificates and caCrl',
      );
    }
    return;
  }
  if (mode === 'MUTUAL') {
    if (!given('clientCertificate')) {
      report.error(
        'dr-tls-cert-missing',
        at(path, 'clientCertificate'),
        'MUTUAL TLS needs a client certificate: set credentialName to a secret, or clientCertificate and privateKey',
      );
    }
    if (!given('privateKey')) {
      report.error(
        'dr-tls-cert-missing',
        at(path, 'privateKey'),
        'MUTUAL TLS needs a private key: set credentialName to a secret, or clientCertificate and privateKey',
      );
    }
  }
}

function checkTunnel(tunnel: Plain, path: Path, report: Report): void {
  const protocol = textOr(tunnel.protocol);
  if (protocol !== '' && protocol !== 'CONNECT' && protocol !== 'POST') {
    report.error(
      'dr-tunnel-invalid',
      at(path, 'protocol'),
      `tunnel protocol "${protocol}" is invalid: use CONNECT or POST`,
    );
  }
  const host = textOr(tunnel.targetHost);
  if (fqdnProblem(host) && !isIpAddress(host)) {
    report.error(
      'dr-tunnel-invalid',
      at(path, 'targetHost'),
      `tunnel targetHost "${host}" is not a host name or IP address`,
    );
  }
  const port = int(tunnel.targetPort);
  if (!isValidPort(port))
    report.error(
      'dr-tunnel-invalid',
      at(path, 'targetPort'),
      portMessage('tunnel targetPort', port),
    );
}
