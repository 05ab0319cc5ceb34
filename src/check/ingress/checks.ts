import type { Check } from '../finding.ts';
import { checkIngressBackends } from './backends.ts';
import { checkIngressClasses } from './classes.ts';
import { checkIngressDuplicates } from './duplicates.ts';
import { checkIngressHosts } from './hosts.ts';
import { checkIngressIstioIgnores } from './istioIgnores.ts';
import { checkIngressPaths } from './paths.ts';
import { checkIngressRegexPaths } from './regexPaths.ts';
import { checkIngressTls } from './tls.ts';

/** The Kubernetes Ingress checks, in the order their findings are listed. */
export const INGRESS_CHECKS: readonly Check[] = [
  checkIngressClasses,
  checkIngressHosts,
  checkIngressPaths,
  checkIngressRegexPaths,
  checkIngressDuplicates,
  checkIngressBackends,
  checkIngressTls,
  checkIngressIstioIgnores,
];
