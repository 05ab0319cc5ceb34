/**
 * Istio's rules for names and hosts, each returning a short message or undefined when Istio
 * accepts the value. Sources: pkg/config/labels/instance.go (DNS labels, label keys and values)
 * and pkg/config/validation/agent/validation.go (`ValidateWildcardDomain`, `ValidateFQDN`,
 * `ValidateNamespaceSlashWildcardHostname`). Istio's label pattern accepts upper case letters.
 */

const MAX_LABEL = 63;
const DNS_LABEL = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const WILDCARD_LABEL = /^(?:\*|(?:\*|\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;
const LABEL_KEY =
  /^((?:[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)*\/)?((?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$/;
const LABEL_VALUE = /^(?:(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** `labels.IsDNS1123Label`: letters, digits and inner dashes, at most 63 characters. */
export function isDnsLabel(value: string): boolean {
  return value.length <= MAX_LABEL && DNS_LABEL.test(value);
}

/** `labels.IsWildcardDNS1123Label`: a DNS label, `*`, or a label led by `*` or `*-`. */
export function isWildcardDnsLabel(value: string): boolean {
  return value.length <= MAX_LABEL && WILDCARD_LABEL.test(value);
}

function domainPreconditions(name: string): string | undefined {
  if (name.length > 255) return `domain name "${name}" is too long (at most 255 characters)`;
  if (name === '') return 'domain name is empty';
  return undefined;
}

/** `ValidateDNS1123Labels`: every dot-separated label valid; the last may be empty (`io.`). */
function dnsLabelsProblem(domain: string): string | undefined {
  const parts = domain.split('.');
  const top = parts[parts.length - 1] ?? '';
  if (/^[+-]?[0-9]+$/.test(top)) {
    return `domain name "${domain}" is invalid: the top-level domain "${top}" cannot be all digits`;
  }
  for (let i = 0; i < parts.length; i++) {
    const label = parts[i] ?? '';
    if (i === parts.length - 1 && label === '') return undefined;
    if (!isDnsLabel(label)) return labelProblem(domain, label);
  }
  return undefined;
}

function labelProblem(domain: string, label: string): string {
  return `domain name "${domain}" is invalid: label "${label}" must be letters, digits and inner dashes (at most 63)`;
}

/** `ValidateFQDN`: a DNS name without wildcards. */
export function fqdnProblem(name: string): string | undefined {
  return domainPreconditions(name) ?? dnsLabelsProblem(name);
}

/** `ValidateWildcardDomain`: a DNS name whose first label may be a wildcard (`*.example.com`). */
export function wildcardDomainProblem(domain: string): string | undefined {
  const pre = domainPreconditions(domain);
  if (pre) return pre;
  const dot = domain.indexOf('.');
  const first = dot === -1 ? domain : domain.slice(0, dot);
  if (!isWildcardDnsLabel(first)) {
    return first.includes('*')
      ? `domain name "${domain}" is invalid: a wildcard must be the whole first label, as in *.example.com`
      : labelProblem(domain, first);
  }
  return dot === -1 ? undefined : dnsLabelsProblem(domain.slice(dot + 1));
}

/** `ValidatePartialWildCard`: `*` alone or `*.` at the start; never `foo*.com`. */
export function partialWildcardProblem(host: string): string | undefined {
  if (host.includes('*') && host.length !== 1 && !host.startsWith('*.')) {
    return `partial wildcard "${host}" is not allowed: use * alone or *.domain`;
  }
  return undefined;
}

/** The host part of a Gateway server host (`validateSidecarOrGatewayHostnamePart`, gateway). */
function gatewayHostnameProblems(hostname: string): string[] {
  const out: string[] = [];
  if (hostname !== '*' && !hostname.includes('.')) {
    out.push(`short name "${hostname}" is not allowed: use a fully qualified name or *`);
  }
  const domain = wildcardDomainProblem(hostname);
  // A Gateway may also listen for an IP address.
  if (domain && !isIpAddress(hostname)) out.push(domain);
  const partial = partialWildcardProblem(hostname);
  if (partial) out.push(partial);
  return out;
}

/**
 * `ValidateNamespaceSlashWildcardHostname(host, isGateway=true)`: a Gateway server host,
 * `[namespace/]dnsName` with namespace `*`, `.` or a DNS label.
 */
export function gatewayHostProblems(host: string): string[] {
  const slash = host.indexOf('/');
  if (slash === -1) return gatewayHostnameProblems(host);
  const namespace = host.slice(0, slash);
  const name = host.slice(slash + 1);
  const out: string[] = [];
  if (namespace === '' || name === '') {
    out.push('namespace and DNS name cannot be empty: write namespace/host, */host or ./host');
  }
  if (namespace !== '*' && namespace !== '.' && !isDnsLabel(namespace)) {
    out.push(`invalid namespace "${namespace}": use *, . or a namespace name`);
  }
  out.push(...gatewayHostnameProblems(name));
  return out;
}

/** `labels.Instance.Validate` for one key: a Kubernetes label name, with optional DNS prefix. */
export function labelKeyProblem(key: string): string | undefined {
  const match = LABEL_KEY.exec(key);
  if (!match) {
    return `invalid label key "${key}": use letters, digits, "-", "_" or ".", with an optional dns.prefix/`;
  }
  const prefix = match[1] ?? '';
  if (prefix.length - 1 > 253) return `invalid label key "${key}": its prefix is too long (253)`;
  if ((match[2] ?? '').length > MAX_LABEL) {
    return `invalid label key "${key}": its name is too long (63)`;
  }
  return undefined;
}

/** `labels.Instance.Validate` for one value: empty, or alphanumerics with inner `-_.`. */
export function labelValueProblem(value: string): string | undefined {
  return LABEL_VALUE.test(value)
    ? undefined
    : `invalid label value "${value}": use letters, digits, "-", "_" or ".", starting and ending with a letter or digit`;
}

/** An IPv4 or IPv6 address (Go's `netip.ParseAddr`: no leading zeros, optional v6 zone). */
export function isIpAddress(value: string): boolean {
  return isIpv4(value) || isIpv6(value);
}

function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return (
    parts.length === 4 && parts.every((p) => /^(?:0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255)
  );
}

function isIpv6(input: string): boolean {
  const zone = input.indexOf('%');
  if (zone === 0 || zone === input.length - 1) return false;
  let value = zone === -1 ? input : input.slice(0, zone);
  let groups = 8;
  const lastColon = value.lastIndexOf(':');
  if (lastColon !== -1 && value.slice(lastColon + 1).includes('.')) {
    if (!isIpv4(value.slice(lastColon + 1))) return false;
    value = `${value.slice(0, lastColon + 1)}0`;
    groups = 7;
  }
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const hex = (part: string) => (part === '' ? [] : part.split(':'));
  const head = hex(halves[0] ?? '');
  const tail = halves.length === 2 ? hex(halves[1] ?? '') : [];
  const all = [...head, ...tail];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? all.length < groups : all.length === groups;
}

/** `ValidateIPSubnet`: an address or a CIDR block (`10.0.0.0/8`, `2001:db8::/32`). */
export function subnetProblem(subnet: string): string | undefined {
  const parts = subnet.split('/');
  if (parts.length === 2) {
    const [address = '', bits = ''] = parts;
    const max = isIpv4(address) ? 32 : isIpv6(address) && !address.includes('%') ? 128 : -1;
    const ok = max !== -1 && /^(?:0|[1-9][0-9]*)$/.test(bits) && Number(bits) <= max;
    return ok ? undefined : `"${subnet}" is not a valid CIDR block`;
  }
  return isIpAddress(subnet) ? undefined : `"${subnet}" is not a valid IP address`;
}
