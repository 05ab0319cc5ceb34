/**
 * Istio's `ValidateGateway` (pkg/config/validation/validation.go: `validateServer`,
 * `validateServerPort`, `validateServerBind`) on a Gateway as written.
 */

import { gatewayHostProblems, isDnsLabel, isIpAddress } from '../../rules/names.ts';
import type { Path } from '../../yaml/path.ts';
import { isHttpProtocol, isTlsProtocol, parseProtocol } from './protocol.ts';
import { at, type Report } from './report.ts';
import { serverTlsMode, validateServerTls } from './serverTls.ts';
import { arr, hasItems, int, isTemplated, obj, type Plain, text, textOr } from './values.ts';

const UNIX = 'unix://';

export function validateGateway(doc: Plain, report: Report): void {
  const name = textOr(obj(doc.metadata)?.name);
  if (name !== '' && !isTemplated(name) && !isDnsLabel(name)) {
    report.error(
      'gateway-name-invalid',
      ['metadata', 'name'],
      `Gateway name "${name}" is not a DNS label: use letters, digits and dashes, without dots`,
    );
  }
  const spec = obj(doc.spec) ?? {};
  const servers = arr(spec.servers);
  if (servers.length === 0) {
    report.error(
      'gateway-no-servers',
      ['spec', 'servers'],
      'Gateway has no servers: add a server with a port and hosts',
    );
  }
  servers.forEach((server, i) => {
    const path = ['spec', 'servers', i];
    if (server === null) {
      report.error('gateway-server-null', path, 'Gateway server is empty: remove it or fill it in');
      return;
    }
    const value = obj(server);
    if (value) validateServer(value, path, report);
  });
  checkPortNames(servers, report);
}

function validateServer(server: Plain, path: Path, report: Report): void {
  if (!hasItems(server.hosts)) {
    report.error(
      'gateway-server-no-hosts',
      at(path, 'hosts'),
      'Gateway server has no hosts: add at least one, such as "*" or "shop.example.com"',
    );
  }
  arr(server.hosts).forEach((host, j) => {
    if (typeof host !== 'string' || isTemplated(host)) return;
    const problems = gatewayHostProblems(host);
    if (problems.length > 0) {
      report.error(
        'gateway-host-invalid',
        at(path, 'hosts', j),
        `Gateway host "${host}": ${problems.join('; ')}`,
      );
    }
  });
  const portValid = validateServerPort(server, path, report);
  validateServerBind(server, path, report);
  const tls = obj(server.tls);
  if (tls) validateServerTls(tls, at(path, 'tls'), report);

  const port = obj(server.port);
  if (!portValid || !port) return;
  const protocol = parseProtocol(textOr(port.protocol));
  if (isTlsProtocol(protocol) && !tls) {
    report.error(
      'gateway-tls-missing',
      at(path, 'tls'),
      `Gateway server on ${protocol} port ${int(port.number)} has no tls settings: add tls with mode SIMPLE and a credentialName (or mode PASSTHROUGH)`,
    );
  } else if (!isTlsProtocol(protocol) && tls) {
    const mode = serverTlsMode(tls);
    if (mode === undefined) return; // an unknown mode is a schema error
    const passThrough = mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH';
    const certificates = ['caCertificates', 'privateKey', 'serverCertificate'].some(
      (key) => textOr(tls[key]) !== '',
    );
    if (!isHttpProtocol(protocol)) {
      report.error(
        'gateway-tls-on-plain-port',
        at(path, 'tls'),
        `Gateway server on ${protocol} port ${int(port.number)} cannot have tls settings: use protocol TLS (or HTTPS) to terminate or pass through TLS`,
      );
    } else if (!passThrough || certificates) {
      report.error(
        'gateway-tls-on-plain-port',
        at(path, 'tls'),
        `Gateway server on plain ${protocol} port ${int(port.number)} cannot terminate TLS: use protocol HTTPS, or keep only tls.httpsRedirect`,
      );
    }
  }
}

/** `validateServerPort`: whether the port is valid (the TLS-versus-protocol checks need one). */
function validateServerPort(server: Plain, path: Path, report: Report): boolean {
  const portPath = at(path, 'port');
  const port = obj(server.port);
  if (!port) {
    report.error(
      'gateway-port-missing',
      portPath,
      'Gateway server has no port: set port.number, port.protocol and port.name',
    );
    return false;
  }
  let valid = true;
  const protocol = textOr(port.protocol);
  if (!isTemplated(protocol) && parseProtocol(protocol) === undefined) {
    valid = false;
    report.error(
      'gateway-port-protocol-invalid',
      at(portPath, 'protocol'),
      protocol === ''
        ? 'Gateway port has no protocol: set one of HTTP, HTTPS, HTTP2, GRPC, TCP, TLS'
        : `Gateway port protocol "${protocol}" is not supported: use one of HTTP, HTTPS, HTTP2, GRPC, GRPC-WEB, TCP, TLS, MONGO, REDIS, MYSQL`,
    );
  }
  const number = int(port.number);
  const bind = textOr(server.bind);
  if ((number > 0 || !bind.startsWith(UNIX)) && (number < 1 || number > 65535)) {
    valid = false;
    report.error(
      'gateway-port-invalid',
      at(portPath, 'number'),
      `Gateway port number ${number} is out of range: use a port from 1 to 65535`,
    );
  }
  if (int(port.targetPort) > 0) {
    valid = false;
    report.error(
      'gateway-target-port',
      at(portPath, 'targetPort'),
      'targetPort has no effect on a Gateway: remove it (the gateway listens on port.number)',
    );
  }
  if (textOr(port.name) === '') {
    valid = false;
    report.error(
      'gateway-port-name-missing',
      at(portPath, 'name'),
      'Gateway port has no name: set port.name, such as "http" or "https"',
    );
  }
  return valid;
}

/** `validateServerBind`: a `unix://` absolute path (with port 0) or an IP address. */
function validateServerBind(server: Plain, path: Path, report: Report): void {
  const bind = text(server.bind);
  if (bind === undefined || bind === '' || isTemplated(bind)) return;
  const bindPath = at(path, 'bind');
  if (bind.startsWith(UNIX)) {
    const socket = bind.slice(UNIX.length);
    if (
      socket === '' ||
      (!socket.startsWith('@') && (!socket.startsWith('/') || socket.endsWith('/')))
    ) {
      report.error(
        'gateway-bind-invalid',
        bindPath,
        `bind "${bind}" is not an absolute path to a socket file, such as unix:///var/run/gw.sock`,
      );
    }
    const number = int(obj(server.port)?.number);
    if (obj(server.port) && number !== 0) {
      report.error(
        'gateway-bind-invalid',
        at(path, 'port', 'number'),
        `a server bound to a unix socket must use port number 0, not ${number}`,
      );
    }
  } else if (!isIpAddress(bind)) {
    report.error(
      'gateway-bind-invalid',
      bindPath,
      `bind "${bind}" is not an IP address: use an IP such as 0.0.0.0, or unix:///path`,
    );
  }
}

/** Port names unique across servers, and `httpsRedirect` only on HTTP servers. */
function checkPortNames(servers: readonly unknown[], report: Report): void {
  const names = new Set<string>();
  servers.forEach((server, i) => {
    const port = obj(obj(server)?.port);
    if (!port) return;
    const path = ['spec', 'servers', i, 'port'];
    const name = textOr(port.name);
    if (names.has(name) && !isTemplated(name)) {
      report.error(
        'gateway-port-name-duplicate',
        at(path, 'name'),
        `port name "${name}" is already used by another server of this Gateway: give each server's port a unique name`,
      );
    }
    names.add(name);
    const tls = obj(obj(server)?.tls);
    if (tls?.httpsRedirect === true && !isHttpProtocol(parseProtocol(textOr(port.protocol)))) {
      report.warning(
        'gateway-https-redirect-non-http',
        ['spec', 'servers', i, 'tls', 'httpsRedirect'],
        'tls.httpsRedirect only works on HTTP servers: remove it, or set it on the port 80 HTTP server',
      );
    }
  });
}
