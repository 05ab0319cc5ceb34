import type { Check } from '../finding.ts';

/** The checks of this folder, in the order their findings are listed. */
export const STRUCTURE_CHECKS: readonly Check[] = [];
