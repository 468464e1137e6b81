import { Select, TextInput } from 'nhsuk-react-components';
import { monthChoices } from './reportParams.ts';

interface MonthWindowFieldsProps {
  /** Prefix of the fields' ids, e.g. "capacity". */
  idPrefix: string;
  from: string;
  months: string;
  onChange: (field: 'from' | 'months', value: string) => void;
}

/** The first month and the number of months of a report, as two columns of a filter form's row. */
export function MonthWindowFields({ idPrefix, from, months, onChange }: MonthWindowFieldsProps) {
  return (
    <>
      <div className="nhsuk-grid-column-one-quarter">
        <TextInput
          id={`${idPrefix}-from`}
          name="from"
          type="month"
          label="First month"
          hint="For example, 2027-01"
          value={from}
          onChange={(event) => onChange('from', event.currentTarget.value)}
        />
      </div>
      <div className="nhsuk-grid-column-one-quarter">
        <Select id={`${idPrefix}-months`} name="months" label="Months shown" value={months} onChange={(event) => onChange('months', event.currentTarget.value)}>
          {monthChoices.map((count) => (
            <Select.Option key={count} value={String(count)}>
              {count} months
            </Select.Option>
          ))}
        </Select>
      </div>
    </>
  );
}
