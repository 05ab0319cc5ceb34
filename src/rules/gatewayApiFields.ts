/**
 * The Gateway API's field rules (`gatewayApi.ts`) as `FieldValidator`s for the forms: text
 * fields see their text, number fields their number; empty is left to `required`.
 */
import { type FieldValidator, numeric, textual } from './fields.ts';
import {
  backendWeightProblem,
  gatewayDurationProblem,
  gatewayHeaderNameProblem,
  gatewayHostnameProblem,
  gatewayNamespaceProblem,
  gatewayPortProblem,
  groupProblem,
  grpcMethodProblem,
  grpcServiceProblem,
  headerMatchValueProblem,
  kindProblem,
  mirrorPercentProblem,
  objectNameProblem,
  pathMatchProblem,
  preciseHostnameProblem,
  queryParamValueProblem,
  redirectStatusProblem,
  replacePathProblem,
  sectionNameProblem,
} from './gatewayApi.ts';

/** A number rule: a value that is not a number is refused with the rule's own message. */
function numberRule(problem: (n: number) => string | undefined): FieldValidator {
  return (value) => {
    if (value === undefined || value === null || value === '') return undefined;
    return problem(numeric(value) ?? Number.NaN);
  };
}

export const gatewayHostnameField = textual(gatewayHostnameProblem);
export const preciseHostnameField = textual(preciseHostnameProblem);
export const sectionNameField = textual(sectionNameProblem);
export const gatewayNamespaceField = textual(gatewayNamespaceProblem);
export const objectNameField = textual(objectNameProblem);
export const kindField = textual(kindProblem);
export const groupField = textual(groupProblem);
export const gatewayHeaderNameField = textual(gatewayHeaderNameProblem);
export const headerMatchValueField = textual(headerMatchValueProblem);
export const queryParamValueField = textual(queryParamValueProblem);
export const gatewayDurationField = textual(gatewayDurationProblem);
export const replacePathField = textual(replacePathProblem);
export const grpcServiceField = textual(grpcServiceProblem);
export const grpcMethodField = textual(grpcMethodProblem);
export const gatewayPortField = numberRule(gatewayPortProblem);
export const backendWeightField = numberRule(backendWeightProblem);
export const redirectStatusField = numberRule(redirectStatusProblem);
export const mirrorPercentField = numberRule(mirrorPercentProblem);

/** A path match's value, checked for the match's type (`pathMatchProblem`). */
export function pathValueField(type: string): FieldValidator {
  return textual((text) => pathMatchProblem(type, text));
}
