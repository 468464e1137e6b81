import { Checkboxes, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import type { CombinedError } from 'urql';
import { sentenceCase } from '../../format.ts';
import { RecordForm } from './RecordForm.tsx';
import { browserProblems, inputOf, priorities, type RequestFormValues } from './requestFormValues.ts';
import { SkillsPicker } from './SkillsPicker.tsx';

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
  const [values, setValues] = useState(initial);
  const set = <K extends keyof RequestFormValues>(key: K, value: RequestFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));

  return (
    <RecordForm what="request" {...form} check={() => browserProblems(values)} save={() => onSave(inputOf(values))}>
      {(problemFor) => (
        <>
          <TextInput
            id="title"
            label="Title"
            hint="A short name for this piece of work, different from the project’s other requests."
            value={values.title}
            error={problemFor('title')}
            onChange={(event) => set('title', event.currentTarget.value)}
          />
          <Textarea
            id="description"
            label="Description (optional)"
            hint="What the analyst will do, and anything they should know first."
            rows={4}
            value={values.description}
            error={problemFor('description')}
            onChange={(event) => set('description', event.currentTarget.value)}
          />
          <SkillsPicker kind="requiredSkills" rows={values.requiredSkills} skills={skills} problemFor={problemFor} onChange={(rows) => set('requiredSkills', rows)} />
          <SkillsPicker kind="desiredSkills" rows={values.desiredSkills} skills={skills} problemFor={problemFor} onChange={(rows) => set('desiredSkills', rows)} />
          <TextInput
            id="fte"
            label="Time needed each week (FTE)"
            hint="From 0.1 to 1, in steps of 0.1. 0.1 FTE is half a day a week; 1 is a full week."
            inputMode="decimal"
            width={4}
            value={values.fte}
            error={problemFor('fte')}
            onChange={(event) => set('fte', event.currentTarget.value)}
          />
          <TextInput
            id="startWeek"
            type="date"
            label="First week"
            hint="Any day of the week: the request starts on its Monday. This week or later."
            value={values.startWeek}
            error={problemFor('startWeek')}
            onChange={(event) => set('startWeek', event.currentTarget.value)}
          />
          <TextInput
            id="endWeek"
            type="date"
            label="Last week"
            hint="Any day of the last week the analyst is needed."
            value={values.endWeek}
            error={problemFor('endWeek')}
            onChange={(event) => set('endWeek', event.currentTarget.value)}
          />
          <Select id="priority" label="Priority" value={values.priority} error={problemFor('priority')} onChange={(event) => set('priority', event.currentTarget.value)}>
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
