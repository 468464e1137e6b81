import { Select, Textarea, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import type { CombinedError } from 'urql';
import { RecordForm } from './RecordForm.tsx';

export interface ProjectFormValues {
  /** Only when a workforce lead creates a project: whose it is. */
  organisationId?: string;
  title: string;
  purpose: string;
  expectedBenefit: string;
}

interface ProjectFormProps {
  heading: string;
  caption?: string;
  initial: ProjectFormValues;
  /** Offered when the form asks which organisation owns the project. */
  organisations?: readonly { id: string; name: string }[];
  submitLabel: string;
  backTo: string;
  onSave: (values: ProjectFormValues) => Promise<CombinedError | undefined>;
  onReload?: () => void;
}

/** Create or edit a project: its owner (workforce leads only, when creating), title, purpose and benefit. */
export function ProjectForm({ initial, organisations, onSave, ...form }: ProjectFormProps) {
  const [values, setValues] = useState(initial);
  const set = (key: keyof ProjectFormValues, value: string) => setValues((current) => ({ ...current, [key]: value }));

  return (
    <RecordForm what="project" {...form} save={() => onSave(values)}>
      {(problemFor) => (
        <>
          {organisations && (
            <Select
              id="organisationId"
              label="Organisation"
              hint="The partner that owns the project and will receive the analysts’ time."
              value={values.organisationId ?? ''}
              error={problemFor('organisationId')}
              onChange={(event) => set('organisationId', event.currentTarget.value)}
            >
              <Select.Option value="">Choose an organisation</Select.Option>
              {organisations.map((organisation) => (
                <Select.Option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </Select.Option>
              ))}
            </Select>
          )}
          <TextInput
            id="title"
            label="Project title"
            hint="Different from your organisation’s other projects."
            value={values.title}
            error={problemFor('title')}
            onChange={(event) => set('title', event.currentTarget.value)}
          />
          <Textarea
            id="purpose"
            label="Purpose"
            hint="What the project is for, in a sentence or two."
            rows={3}
            value={values.purpose}
            error={problemFor('purpose')}
            onChange={(event) => set('purpose', event.currentTarget.value)}
          />
          <Textarea
            id="expectedBenefit"
            label="Expected benefit (optional)"
            hint="What will be better for patients, staff or the system when it is done."
            rows={3}
            value={values.expectedBenefit}
            error={problemFor('expectedBenefit')}
            onChange={(event) => set('expectedBenefit', event.currentTarget.value)}
          />
        </>
      )}
    </RecordForm>
  );
}
