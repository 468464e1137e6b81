import { Checkboxes, Select, Textarea, TextInput } from 'nhsuk-react-components';
import type { CombinedError } from 'urql';
import { sentenceCase } from '../../format.ts';
import { RecordForm } from './RecordForm.tsx';
import { browserProblems, inputOf, priorities, type RequestFormValues } from './requestFormValues.ts';
import { SkillsPicker } from './SkillsPicker.tsx';
import { useFormValues } from './useFormValues.ts';

export type RequestInputValue = ReturnType<typeof inputOf>;

interface RequestFormProps {
  heading: string;
  /** The project, shown above the heading. */
  caption: string;
  initial: RequestFormValues;
  skills: readonly { id: string; name: string }[];
  submitLabel: string;
  /** Where "Cancel" goes back to. */
  backTo: string;
  /** Sends the request; resolves to the API's error when it refused. */
  onSave: (input: RequestInputValue) => Promise<CombinedError | undefined>;
  /** Loads the request again after someone else changed it. */
  onReload?: () => void;
}

/** Create or edit a request: skills with levels, time a week, weeks, priority, openness to development. */
export function RequestForm({ initial, skills, onSave, ...form }: RequestFormProps) {
  const { values, set, textField } = useFormValues(initial);

  return (
    <RecordForm what="request" {...form} check={() => browserProblems(values)} save={() => onSave(inputOf(values))}>
      {(problemFor) => (
        <>
          <TextInput
            {...textField('title', problemFor)}
            label="Title"
            hint="A short name for this piece of work, different from the project’s other requests."
          />
          <Textarea
            {...textField('description', problemFor)}
            label="Description (optional)"
            hint="What the analyst will do, and anything they should know first."
            rows={4}
          />
          <SkillsPicker kind="requiredSkills" rows={values.requiredSkills} skills={skills} problemFor={problemFor} onChange={(rows) => set('requiredSkills', rows)} />
          <SkillsPicker kind="desiredSkills" rows={values.desiredSkills} skills={skills} problemFor={problemFor} onChange={(rows) => set('desiredSkills', rows)} />
          <TextInput
            {...textField('fte', problemFor)}
            label="Time needed each week (FTE)"
            hint="From 0.1 to 1, in steps of 0.1. 0.1 FTE is half a day a week; 1 is a full week."
            inputMode="decimal"
            width={4}
          />
          <TextInput
            {...textField('startWeek', problemFor)}
            type="date"
            label="First week"
            hint="Any day of the week: the request starts on its Monday. This week or later."
          />
          <TextInput
            {...textField('endWeek', problemFor)}
            type="date"
            label="Last week"
            hint="Any day of the last week the analyst is needed."
          />
          <Select {...textField('priority', problemFor)} label="Priority">
            {priorities.map((priority) => (
              <Select.Option key={priority} value={priority}>
                {sentenceCase(priority)}
              </Select.Option>
            ))}
          </Select>
          <Checkboxes id="openToDevelopment-group" legend="Development placements" error={problemFor('openToDevelopment')}>
            <Checkboxes.Item
              id="openToDevelopment"
              checked={values.openToDevelopment}
              hint="An analyst one level short on a must-have skill they want to grow may take up to half the time, with a mentor."
              onChange={(event) => set('openToDevelopment', event.currentTarget.checked)}
            >
              Open to a development placement
            </Checkboxes.Item>
          </Checkboxes>
        </>
      )}
    </RecordForm>
  );
}
