import { Button } from 'nhsuk-react-components';

/** The last column of a report's filter row: the button that applies the filters. */
export function ShowReportButton() {
  return (
    <div className="nhsuk-grid-column-one-quarter">
      <Button type="submit" secondary className="nhsuk-u-margin-top-5">
        Show
      </Button>
    </div>
  );
}
