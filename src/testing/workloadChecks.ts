import { checkContext } from '../check/context.ts';
import type { Finding } from '../check/finding.ts';
import { WORKLOAD_CHECKS } from '../check/workloads/checks.ts';
import { loadWorkspace, type Workspace } from '../workspace/workspace.ts';

/** A workspace of one file, `test.yaml`, for the tests of this folder. */
export function workspaceOf(text: string): Workspace {
  return loadWorkspace([{ name: 'test.yaml', text }]);
}

/**
 * What this folder's checks find, before `lint` lowers references to kinds the workspace holds
 * none of (the `--complete` view, as `istioctl analyze` rates files).
 */
export function workloadFindings(text: string): Finding[] {
  const context = checkContext(workspaceOf(text));
  return WORKLOAD_CHECKS.flatMap((check) => [...check(context)]);
}

/** The findings with one project code. */
export function withCode(text: string, code: string): Finding[] {
  return workloadFindings(text).filter((f) => f.code === code);
}

/** Self-signed test certificates (P-256, CN example.com) with fixed validity. */
export const CERTIFICATES = {
  /** 2020-01-01 to 2120-01-01. */
  valid: `-----BEGIN CERTIFICATE-----
MIIBFTCBvAIBATAKBggqhkjOPQQDAjAWMRQwEgYDVQQDDAtleGFtcGxlLmNvbTAg
Fw0yMDAxMDEwMDAwMDBaGA8yMTIwMDEwMTAwMDAwMFowFjEUMBIGA1UEAwwLZXhh
bXBsZS5jb20wWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAASOyY05R/asXss8reQ/
nH0VaOYIlnsKZASayi1LRNPClD9rqFfyaZg9Dbu5D4BQXdruEKBnQSIImX0msD2K
FX8BMAoGCCqGSM49BAMCA0gAMEUCIQC6KlrueikLWFZzU5Yu2PtS0oZ+S5a8F50a
De+79OfqngIgXxlU/yZ3LqA5bqs+heqE4MljBH41LzyMKvPC3QFqsKM=
-----END CERTIFICATE-----
`,
  /** 2000-01-01 to 2001-01-01. */
  expired: `-----BEGIN CERTIFICATE-----
MIIBFDCBugIBAjAKBggqhkjOPQQDAjAWMRQwEgYDVQQDDAtleGFtcGxlLmNvbTAe
Fw0wMDAxMDEwMDAwMDBaFw0wMTAxMDEwMDAwMDBaMBYxFDASBgNVBAMMC2V4YW1w
bGUuY29tMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEjsmNOUf2rF7LPK3kP5x9
FWjmCJZ7CmQEmsotS0TTwpQ/a6hX8mmYPQ27uQ+AUF3a7hCgZ0EiCJl9JrA9ihV/
ATAKBggqhkjOPQQDAgNJADBGAiEAgK9W0ZjcHivd7ShTNOcOTPQYwSbh/P2UqNTP
zSGGAPQCIQDk9HLChJnTU1S1fNo6xLYlBs28TDMr/8a0KqS87ftR8g==
-----END CERTIFICATE-----
`,
  /** 2100-01-01 to 2120-01-01. */
  future: `-----BEGIN CERTIFICATE-----
MIIBGDCBvgIBAzAKBggqhkjOPQQDAjAWMRQwEgYDVQQDDAtleGFtcGxlLmNvbTAi
GA8yMTAwMDEwMTAwMDAwMFoYDzIxMjAwMTAxMDAwMDAwWjAWMRQwEgYDVQQDDAtl
eGFtcGxlLmNvbTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABI7JjTlH9qxeyzyt
5D+cfRVo5giWewpkBJrKLUtE08KUP2uoV/JpmD0Nu7kPgFBd2u4QoGdBIgiZfSaw
PYoVfwEwCgYIKoZIzj0EAwIDSQAwRgIhAJ+qW5Ydlsfx/NyQ7ZKKtmpxnElWGSvm
WxSFpnlu2A47AiEAmm3GAD1JLK6AwxY6FyXalvsqLQ/1zyfnuNwkj1ITw4Q=
-----END CERTIFICATE-----
`,
} as const;

/** Base64 of a text, as a Secret's `data` holds it. */
export function base64(text: string): string {
  return btoa(text);
}
