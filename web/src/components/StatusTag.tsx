import { Tag, type TagProps } from 'nhsuk-react-components';
import { sentenceCase } from '../format.ts';

type TagColour = NonNullable<TagProps['modifier']>;

const colours: Record<string, TagColour> = {
  DRAFT: 'grey',
  SUBMITTED: 'blue',
  PARTIALLY_MATCHED: 'yellow',
  MATCHED: 'aqua-green',
  PROPOSED: 'purple',
  ACCEPTED: 'aqua-green',
  ACTIVE: 'green',
  COMPLETED: 'white',
  DECLINED: 'red',
  WITHDRAWN: 'orange',
  CANCELLED: 'red',
  RUNNING: 'blue',
  SUCCEEDED: 'green',
  FAILED: 'red',
  CONFIRMED: 'aqua-green',
};

/** A workflow status as a tag; the words carry the meaning, the colour only helps. */
export function StatusTag({ status }: { status: string }) {
  return <Tag modifier={colours[status] ?? 'grey'}>{sentenceCase(status)}</Tag>;
}
