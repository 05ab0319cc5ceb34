/**
 * What an HTTP rule does besides routing, as Istio validates it (pkg/config/validation/
 * validation.go: `validateHTTPRedirect`, `validateHTTPDirectResponse`, `validateHTTPRetry`,
 * `validateHTTPRewrite`).
 */

import { regexProblem } from '../../model/regex.ts';
import { retryOnProblem } from '../../rules/retryOn.ts';
import type { Path } from '../../yaml/path.ts';
import { checkDuration, isValidPort, portMessage } from './common.ts';
import { at, type Report } from './report.ts';
import { int, isSet, isTemplated, obj, type Plain, text, textOr } from './values.ts';

const KB = 1024;
const MB = 1024 * KB;

/** `validateHTTPRedirect` reports the first problem only, as Istio does. */
export function checkRedirect(
  redirect: Plain,
  path: Path,
  matches: readonly unknown[],
  report: Report,
): void {
  const uri = textOr(redirect.uri);
  const prefixRewrite = textOr(redirect.prefixRewrite);
  const portSet = isSet(redirect, 'port') || isSet(redirect, 'derivePort');
  const scheme = textOr(redirect.scheme);
  if (
    uri === '' &&
    textOr(redirect.authority) === '' &&
    !portSet &&
    scheme === '' &&
    prefixRewrite === ''
  ) {
    report.error(
      'vs-redirect-empty',
      path,
      'redirect changes nothing: set uri, authority, scheme or port',
    );
  } else if (
    int(redirect.redirectCode) !== 0 &&
    (int(redirect.redirectCode) < 300 || int(redirect.redirectCode) > 399)
  ) {
    report.error(
      'vs-redirect-code-invalid',
      at(path, 'redirectCode'),
      `redirectCode ${int(redirect.redirectCode)} is not a redirect: use a 3xx code such as 301 or 302`,
    );
  } else if (scheme !== '' && scheme !== 'http' && scheme !== 'https') {
    report.error(
      'vs-redirect-scheme-invalid',
      at(path, 'scheme'),
      `redirect scheme "${scheme}" is invalid: use "http" or "https"`,
    );
  } else if (int(redirect.port) > 0 && !isValidPort(int(redirect.port))) {
    report.error(
      'vs-redirect-port-invalid',
      at(path, 'port'),
      portMessage('redirect port', int(redirect.port)),
    );
  }
  // prefixRewrite (Istio 1.31) replaces the matched prefix, so it excludes uri and needs prefix matches.
  if (prefixRewrite === '') return;
  if (uri !== '') {
    report.error(
      'vs-redirect-prefix-rewrite-conflict',
      at(path, 'prefixRewrite'),
      'redirect cannot set both uri and prefixRewrite: keep one',
    );
  }
  const nonPrefix = matches.some((m) => {
    const uriMatch = obj(obj(m)?.uri);
    return uriMatch !== undefined && (isSet(uriMatch, 'exact') || isSet(uriMatch, 'regex'));
  });
  if (nonPrefix) {
    report.error(
      'vs-redirect-prefix-rewrite-conflict',
      at(path, 'prefixRewrite'),
      'prefixRewrite needs uri prefix matches: match with uri.prefix, or use redirect.uri',
    );
  }
}

export function checkDirectResponse(response: Plain, path: Path, report: Report): void {
  const body = obj(response.body);
  if (body) {
    const str = text(body.string);
    const bytes = text(body.bytes);
    // Size in bytes: UTF-8 for a string, decoded base64 for bytes.
    const size =
      str !== undefined
        ? new TextEncoder().encode(str).length
        : bytes !== undefined
          ? Math.floor((bytes.length * 3) / 4)
          : 0;
    if (size > MB) {
      report.error(
        'vs-direct-response-body-too-large',
        at(path, 'body'),
        'directResponse body is larger than 1MB: serve large content from a service',
      );
    } else if (size > 100 * KB) {
      report.warning(
        'vs-direct-response-body-too-large',
        at(path, 'body'),
        'directResponse body is larger than 100KB, which slows the control plane: serve it from a service',
      );
    }
  }
  const status = int(response.status);
  if (status < 200 || status > 600) {
    report.error(
      'vs-direct-response-status-invalid',
      at(path, 'status'),
      status === 0
        ? 'directResponse has no status: set one from 200 to 599'
        : `directResponse status ${status} is out of range: use 200 to 599`,
    );
  }
}

export function checkRetries(retries: Plain, path: Path, report: Report): void {
  const attempts = int(retries.attempts);
  if (attempts < 0)
    report.error(
      'vs-retry-attempts-negative',
      at(path, 'attempts'),
      `attempts ${attempts} is negative: use 0 to disable retries, or a positive count`,
    );
  const retryOn = textOr(retries.retryOn);
  if (
    attempts === 0 &&
    (isSet(retries, 'perTryTimeout') || retryOn !== '' || isSet(retries, 'retryRemoteLocalities'))
  ) {
    report.error(
      'vs-retry-disabled-with-policy',
      at(path, 'attempts'),
      'attempts is 0 (retries disabled) but retry settings are given: set attempts to 1 or more, or remove perTryTimeout/retryOn',
    );
  }
  checkDuration(retries.perTryTimeout, at(path, 'perTryTimeout'), report, 'vs-duration-invalid');
  if (retryOn !== '' && !isTemplated(retryOn)) {
    const problem = retryOnProblem(retryOn);
    if (problem) report.error('vs-retry-on-invalid', at(path, 'retryOn'), `retryOn: ${problem}`);
  }
  checkDuration(retries.backoff, at(path, 'backoff'), report, 'vs-duration-invalid');
}

/** `validateHTTPRewrite` reports its first problem only. */
export function checkRewrite(rewrite: Plain, path: Path, report: Report): void {
  const uri = textOr(rewrite.uri);
  const regexRewrite = isSet(rewrite, 'uriRegexRewrite') ? obj(rewrite.uriRegexRewrite) : undefined;
  if (uri !== '' && isSet(rewrite, 'uriRegexRewrite')) {
    report.error(
      'vs-rewrite-conflict',
      path,
      'rewrite can set uri or uriRegexRewrite, not both: keep one',
    );
  } else if (uri === '' && !isSet(rewrite, 'uriRegexRewrite') && textOr(rewrite.authority) === '') {
    report.error(
      'vs-rewrite-empty',
      path,
      'rewrite changes nothing: set uri, uriRegexRewrite or authority',
    );
  } else if (regexRewrite) {
    const match = textOr(regexRewrite.match);
    const regexPath = at(path, 'uriRegexRewrite');
    if (match === '' || textOr(regexRewrite.rewrite) === '') {
      report.error(
        'vs-rewrite-regex-invalid',
        regexPath,
        'uriRegexRewrite needs both match and rewrite',
      );
    } else if (!isTemplated(match)) {
      const problem = regexProblem(match);
      if (problem)
        report.error(
          'vs-rewrite-regex-invalid',
          at(regexPath, 'match'),
          `uriRegexRewrite.match: ${problem}`,
        );
    }
  }
}
