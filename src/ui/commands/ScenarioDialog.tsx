import { type FormEvent, useId, useMemo, useState } from 'react';
import {
  API_PARAMETER,
  DESIGN_API_LABELS,
  DESIGN_APIS,
  offersApiChoice,
} from '../../templates/designApi.ts';
import {
  type ParameterSpec,
  parameterProblems,
  resolveParameters,
} from '../../templates/scenario.ts';
import { SCENARIOS } from '../../templates/scenarios.ts';
import { useDesigner, useDesignerStore } from '../StoreContext.tsx';
import { useModalDialog } from '../useModalDialog.ts';

/**
 * "Add scenario": pick a ready design (canary, header routing, HTTPS…), name it, adjust its
 * parameters, and add it as one undo step. Each field says what is wrong as you type; a design
 * that would clash with the workspace is refused with the reason, and nothing changes. The API
 * new designs are written in (Istio's or the Gateway API) is a setting chosen here and kept; it
 * is the `api` parameter of the scenarios that exist in both.
 */
export function ScenarioDialog({ onClose }: { onClose: () => void }) {
  const store = useDesignerStore();
  const workspace = useDesigner((s) => s.workspace);
  const designApi = useDesigner((s) => s.designApi);
  const dialog = useModalDialog();
  const [scenarioId, setScenarioId] = useState(SCENARIOS[0]?.id ?? '');
  const [given, setGiven] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const ids = { title: useId(), scenario: useId(), field: useId(), api: useId() };
  const scenario = SCENARIOS.find((s) => s.id === scenarioId) ?? SCENARIOS[0];
  const eitherApi = scenario !== undefined && offersApiChoice(scenario);
  // The setting speaks for the `api` parameter; scenarios of Istio only have none.
  const params = useMemo(
    () => (eitherApi ? { ...given, [API_PARAMETER.key]: designApi } : given),
    [eitherApi, given, designApi],
  );

  const problems = useMemo(
    () =>
      scenario ? parameterProblems(scenario, resolveParameters(scenario, params, workspace)) : {},
    [scenario, params, workspace],
  );
  if (!scenario) return null;
  const defaults = resolveParameters(
    scenario,
    eitherApi ? { [API_PARAMETER.key]: designApi } : {},
    workspace,
  );
  const inGatewayApi = eitherApi && designApi === 'gateway-api';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (Object.keys(problems).length > 0) return;
    const result = scenario.build(params, workspace);
    if (!result.ok) {
      setRefusal(result.error);
      return;
    }
    if (store.getState().apply(result.value)) {
      store.getState().notify({
        kind: 'info',
        text: `Added the “${scenario.title}” scenario${inGatewayApi ? ' in the Gateway API' : ''} (Undo removes it).`,
      });
      onClose();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog scenario-dialog"
      aria-labelledby={ids.title}
      onClose={onClose}
    >
      <form onSubmit={submit}>
        <h2 id={ids.title}>Add scenario</h2>
        <fieldset className="scenario-api">
          <legend>API for new designs</legend>
          {DESIGN_APIS.map((api) => (
            <label key={api}>
              <input
                type="radio"
                name={ids.api}
                value={api}
                checked={designApi === api}
                onChange={() => {
                  store.getState().setDesignApi(api);
                  setRefusal(null);
                }}
              />
              {DESIGN_API_LABELS[api]}
            </label>
          ))}
        </fieldset>
        <label htmlFor={ids.scenario}>Scenario</label>
        <select
          id={ids.scenario}
          value={scenario.id}
          onChange={(e) => {
            setScenarioId(e.target.value);
            setGiven({});
            setRefusal(null);
          }}
        >
          {SCENARIOS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <p className="hint">
          {!eitherApi && designApi === 'gateway-api'
            ? 'This scenario exists in the Istio API only: it adds Istio resources. '
            : ''}
          {inGatewayApi
            ? (scenario.gatewayApiDescription ?? scenario.description)
            : scenario.description}
        </p>
        <div className="scenario-fields">
          {scenario.parameters
            .filter((spec) => spec.key !== API_PARAMETER.key)
            .map((spec) => (
              <ParameterField
                key={`${scenario.id}:${spec.key}`}
                id={`${ids.field}-${spec.key}`}
                spec={spec}
                value={given[spec.key] ?? ''}
                placeholder={String(defaults[spec.key] ?? '')}
                problem={problems[spec.key]}
                onChange={(value) => {
                  setGiven({ ...given, [spec.key]: value });
                  setRefusal(null);
                }}
              />
            ))}
        </div>
        {refusal && (
          <p className="field-error" role="alert">
            {refusal}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={Object.keys(problems).length > 0}>
            Add
          </button>
        </div>
      </form>
    </dialog>
  );
}

function ParameterField(props: {
  id: string;
  spec: ParameterSpec;
  value: string;
  placeholder: string;
  problem: string | undefined;
  onChange(value: string): void;
}) {
  const { id, spec, value, placeholder, problem, onChange } = props;
  const describedBy = problem ? `${id}-problem` : spec.help ? `${id}-help` : undefined;
  return (
    <div className="scenario-field">
      <label htmlFor={id}>{spec.label}</label>
      {spec.type === 'choice' ? (
        <select id={id} value={value || placeholder} onChange={(e) => onChange(e.target.value)}>
          {spec.options?.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type="text"
          inputMode={spec.type === 'number' ? 'decimal' : undefined}
          value={value}
          placeholder={placeholder}
          spellCheck={false}
          aria-invalid={problem !== undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {problem ? (
        <span id={`${id}-problem`} className="field-error">
          {problem}
        </span>
      ) : (
        spec.help && (
          <span id={`${id}-help`} className="field-help">
            {spec.help}
          </span>
        )
      )}
    </div>
  );
}
