/**
 * Port protocols as Istio parses them (`protocol.Parse`, pkg/config/protocol/instance.go):
 * case-insensitive, anything else is unsupported.
 */
const PROTOCOLS: Readonly<Record<string, string>> = {
  tcp: 'TCP',
  udp: 'UDP',
  grpc: 'GRPC',
  'grpc-web': 'GRPC-Web',
  http: 'HTTP',
  http_proxy: 'HTTP_PROXY',
  http2: 'HTTP2',
  https: 'HTTPS',
  tls: 'TLS',
  mongo: 'Mongo',
  redis: 'Redis',
  mysql: 'MySQL',
};

/** The protocol Istio reads from `value`, or undefined when it is unsupported. */
export function parseProtocol(value: string): string | undefined {
  return Object.hasOwn(PROTOCOLS, value.toLowerCase()) ? PROTOCOLS[value.toLowerCase()] : undefined;
}

/** `Instance.IsHTTP`: HTTP, HTTP2, HTTP_PROXY, GRPC and GRPC-Web. */
export function isHttpProtocol(protocol: string | undefined): boolean {
  return (
    protocol === 'HTTP' ||
    protocol === 'HTTP2' ||
    protocol === 'HTTP_PROXY' ||
    protocol === 'GRPC' ||
    protocol === 'GRPC-Web'
  );
}

/** `Instance.IsTLS`: HTTPS and TLS. */
export function isTlsProtocol(protocol: string | undefined): boolean {
  return protocol === 'HTTPS' || protocol === 'TLS';
}
