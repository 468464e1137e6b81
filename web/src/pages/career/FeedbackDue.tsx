import { Button, Fieldset, Select, Textarea } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { QueryStates } from '../../components/QueryStates.tsx';
import { dateLabel, skillLevelLabel, skillLevels } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { fieldProblem, ProblemSummary } from '../allocations/ProblemSummary.tsx';
import type { Problem } from '../allocations/problems.ts';

export const FeedbackDueQuery = graphql(`
  query FeedbackDue {
    feedbackDue { allocationId analystName requestTitle projectTitle startWeek endWeek skills { skillId skillName } }
  }
`);

export const GiveFeedbackMutation = graphql(`
  mutation GiveFeedback($input: GiveFeedbackInput!) { giveFeedback(input: $input) }
`);

type Due = ResultOf<typeof FeedbackDueQuery>['feedbackDue'][number];

const ratings = [5, 4, 3, 2, 1];
const ratingWords: Record<number, string> = { 5: 'Excellent', 4: 'Good', 3: 'Satisfactory', 2: 'Below expectations', 1: 'Poor' };

/** For an organisation lead: completed work on their requests, each with a short feedback form. */
export function FeedbackDue() {
  const query = useQuery({ query: FeedbackDueQuery, requestPolicy: 'cache-and-network' });
  return (
    <>
      <h2>Feedback on completed work</h2>
      <p>Tell analysts how their work for you went, and confirm any skill level it showed: it counts as evidence on their career path.</p>
      <QueryStates query={query} loading="Loading completed work…" what="completed work">
        {({ feedbackDue }) =>
          feedbackDue.length === 0 ? (
            <p>No completed work is waiting for your feedback.</p>
          ) : (
            feedbackDue.map((due) => <FeedbackForm key={due.allocationId} due={due} onGiven={() => query[1]({ requestPolicy: 'network-only' })} />)
          )
        }
      </QueryStates>
    </>
  );
}

function FeedbackForm({ due, onGiven }: { due: Due; onGiven: () => void }) {
  const [{ fetching }, give] = useMutation(GiveFeedbackMutation);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [rating, setRating] = useState('');
  const [comment, setComment] = useState('');
  const [skillId, setSkillId] = useState('');
  const [level, setLevel] = useState('3');
  const id = (field: string) => `feedback-${due.allocationId}-${field}`;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!rating) {
      setProblems([{ message: 'Choose a rating', field: id('rating') }]);
      return;
    }
    const result = await give({
      input: { allocationId: due.allocationId, rating: Number(rating), comment, evidence: skillId ? { skillId, level: Number(level) } : null },
    });
    if (result.error) {
      const fields = { rating: id('rating'), comment: id('comment'), skillId: id('skill'), level: id('level') } as Record<string, string>;
      setProblems(
        result.error.graphQLErrors.flatMap((error) => {
          const extensions = error.extensions as { fields?: { path: (string | number)[]; message: string }[] };
          return extensions.fields?.map(({ path, message }) => ({ message, field: fields[String(path.at(-1))] })) ?? [{ message: error.message }];
        }),
      );
      return;
    }
    setProblems([]);
    onGiven();
  }

  return (
    <form id={`feedback-${due.allocationId}`} noValidate onSubmit={handleSubmit} className="nhsuk-u-margin-bottom-6">
      <ProblemSummary problems={problems} />
      <Fieldset>
        <Fieldset.Legend size="s">
          {due.analystName}: {due.requestTitle} ({due.projectTitle}), {dateLabel(due.startWeek)} to {dateLabel(due.endWeek)}
        </Fieldset.Legend>
        <Select id={id('rating')} label="How did the work go?" value={rating} error={fieldProblem(problems, id('rating'))} onChange={(event) => setRating(event.currentTarget.value)}>
          <Select.Option value="">Choose a rating</Select.Option>
          {ratings.map((value) => (
            <Select.Option key={value} value={String(value)}>
              {value}: {ratingWords[value]}
            </Select.Option>
          ))}
        </Select>
        <Textarea id={id('comment')} label="Comment (optional)" rows={3} maxLength={1000} value={comment} error={fieldProblem(problems, id('comment'))} onChange={(event) => setComment(event.currentTarget.value)} />
        <Select id={id('skill')} label="Skill the work evidenced (optional)" value={skillId} error={fieldProblem(problems, id('skill'))} onChange={(event) => setSkillId(event.currentTarget.value)}>
          <Select.Option value="">None</Select.Option>
          {due.skills.map((skill) => (
            <Select.Option key={skill.skillId} value={skill.skillId}>
              {skill.skillName}
            </Select.Option>
          ))}
        </Select>
        {skillId && (
          <Select id={id('level')} label="Level the work showed" value={level} error={fieldProblem(problems, id('level'))} onChange={(event) => setLevel(event.currentTarget.value)}>
            {skillLevels.map((option) => (
              <Select.Option key={option} value={String(option)}>
                {skillLevelLabel(option)}
              </Select.Option>
            ))}
          </Select>
        )}
        <Button type="submit" secondary disabled={fetching}>
          Give feedback on {due.analystName}’s work
        </Button>
      </Fieldset>
    </form>
  );
}
