import { Select, Textarea, TextInput } from 'nhsuk-react-components';
import type { CombinedError } from 'urql';
import { RecordForm } from './RecordForm.tsx';
import { useFormValues } from './useFormValues.ts';

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
  const { values, textField } = useFormValues(initial);

  return (
    <RecordForm what="project" {...form} save={() => onSave(values)}>
      {(problemFor) => (
        <>
          {organisations && (
            <Select
              {...textField('organisationId', problemFor)}
              label="Organisation"
              hint="The partner that owns the project and will receive the analysts’ time."
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
            {...textField('title', problemFor)}
            label="Project title"
            hint="Different from your organisation’s other projects."
          />
          <Textarea
            {...textField('purpose', problemFor)}
            label="Purpose"
            hint="What the project is for, in a sentence or two."
            rows={3}
          />
          <Textarea
            {...textField('expectedBenefit', problemFor)}
            label="Expected benefit (optional)"
            hint="What will be better for patients, staff or the system when it is done."
            rows={3}
          />
        </>
      )}
    </RecordForm>
  );
}
