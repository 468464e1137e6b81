import { Button, Details, Fieldset, HintText, TextInput } from 'nhsuk-react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../graphql.ts';
import { ProblemSummary } from '../allocations/ProblemSummary.tsx';
import { checkRunForm, serverProblems, type RunField, type RunFormValues, type RunProblem } from './runForm.ts';

export const RunMatchingMutation = graphql(`
  mutation RunMatching($input: RunMatchingInput!) {
    runMatching(input: $input) {
      id
      status
    }
  }
`);

interface RunMatchingFormProps {
  defaults: { windowStart: string; windowEnd: string };
  /** The ICS's published policy, which blank fields keep. */
  policy: { fairnessAlpha: number; fairnessBeta: number; fairnessGamma: number; maxConcurrentRequests: number };
  /** Told whether the page's title should say there is an error. */
  onProblemsChange: (hasProblems: boolean) => void;
}

/** Window and optional policy overrides; the run happens while the button says so, then its page opens. */
export function RunMatchingForm({ defaults, policy, onProblemsChange }: RunMatchingFormProps) {
  const [{ fetching }, run] = useMutation(RunMatchingMutation);
  const [values, setValues] = useState<RunFormValues>({
    ...defaults,
    alpha: '',
    beta: '',
    gamma: '',
    maxConcurrentRequests: '',
    developmentShareCap: '',
  });
  const [problems, setProblems] = useState<RunProblem[]>([]);
  const navigate = useNavigate();

  useEffect(() => {
    onProblemsChange(problems.length > 0);
  }, [problems]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkRunForm(values);
    if (checked.problems.length > 0) return setProblems(checked.problems);
    const policy = Object.keys(checked.policy).length > 0 ? checked.policy : null;
    const result = await run({ input: { windowStart: values.windowStart, windowEnd: values.windowEnd, policy } });
    if (result.error || !result.data) return setProblems(serverProblems(result.error!));
    setProblems([]);
    navigate(`/matching/runs/${result.data.runMatching.id}`);
  }

  const errorFor = (field: RunField) => problems.find((problem) => problem.field === field)?.message;
  const field = (name: RunField) => ({
    id: name,
    name,
    value: values[name],
    error: errorFor(name),
    onChange: (event: { currentTarget: HTMLInputElement }) => setValues({ ...values, [name]: event.currentTarget.value }),
  });

  return (
    <>
      <ProblemSummary problems={problems} />
      <form noValidate onSubmit={handleSubmit} aria-busy={fetching}>
        <Fieldset>
          <Fieldset.Legend size="m">Planning window</Fieldset.Legend>
          <HintText>Any day of the first and the last week; runs plan whole weeks from Monday.</HintText>
          <TextInput {...field('windowStart')} type="date" label="First week" width={10} />
          <TextInput {...field('windowEnd')} type="date" label="Last week" width={10} />
        </Fieldset>
        <Details>
          <Details.Summary>Change the fairness policy for this run</Details.Summary>
          <Details.Text>
            <p>Leave blank to use the ICS policy. The three weights go together and must add up to 1.</p>
            <TextInput {...field('alpha')} inputMode="decimal" label="Equal share weight (alpha)" hint={`ICS policy: ${policy.fairnessAlpha}`} width={4} />
            <TextInput {...field('beta')} inputMode="decimal" label="Reciprocity weight (beta)" hint={`ICS policy: ${policy.fairnessBeta}`} width={4} />
            <TextInput {...field('gamma')} inputMode="decimal" label="Need weight (gamma)" hint={`ICS policy: ${policy.fairnessGamma}`} width={4} />
            <TextInput
              {...field('maxConcurrentRequests')}
              inputMode="numeric"
              label="Most requests an analyst works on at once"
              hint={`ICS policy: ${policy.maxConcurrentRequests}`}
              width={2}
            />
            <TextInput
              {...field('developmentShareCap')}
              inputMode="decimal"
              label="Largest share of a request development placements may cover"
              hint="From 0 to 0.5"
              width={4}
            />
          </Details.Text>
        </Details>
        <Button type="submit" disabled={fetching}>
          {fetching ? 'Running matching…' : 'Run matching'}
        </Button>
        <p className="nhsuk-body-s" role="status">
          {fetching ? 'Matching is running. This usually takes a few seconds; the results open when it finishes.' : ''}
        </p>
      </form>
    </>
  );
}
