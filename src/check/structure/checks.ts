import type { Check } from '../finding.ts';
import { deprecatedFields } from './deprecation.ts';
import { istioValidation } from './validation.ts';

/** The checks of this folder, in the order their findings are listed. */
export const STRUCTURE_CHECKS: readonly Check[] = [istioValidation, deprecatedFields];
