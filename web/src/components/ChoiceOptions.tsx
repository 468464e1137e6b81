import { Select } from 'nhsuk-react-components';

/** A select's options: the empty choice first ("Any organisation", "Choose the analyst"), then each choice by name. */
export function ChoiceOptions({ empty, choices }: { empty: string; choices: readonly { id: string; name: string }[] }) {
  return (
    <>
      <Select.Option value="">{empty}</Select.Option>
      {choices.map((choice) => (
        <Select.Option key={choice.id} value={choice.id}>
          {choice.name}
        </Select.Option>
      ))}
    </>
  );
}
