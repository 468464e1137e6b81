import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { fteLabel, weeksLabel } from '../../format.ts';
import { partyLabels, type Party } from './allocationLabels.ts';

export interface ProposalToDecide {
  id: string;
  fte: number;
  startWeek: string;
  endWeek: string;
  awaitingParties: readonly Party[];
  analyst: { id: string; name: string; organisation: { id: string; name: string } };
  request: { id: string; title: string; organisation: { id: string; name: string } };
  explanation: { summary: string } | null;
}

interface DecisionsListProps {
  proposals: readonly ProposalToDecide[];
  /** The part the viewer plays in each of them. */
  party: Party;
  caption: string;
  empty: string;
}

/** Confirmed proposals the viewer decides on, each linking to the page where they accept or decline it. */
export function DecisionsList({ proposals, party, caption, empty }: DecisionsListProps) {
  if (proposals.length === 0) return <p>{empty}</p>;
  const ordered = [...proposals].sort((a, b) => Number(b.awaitingParties.includes(party)) - Number(a.awaitingParties.includes(party)) || a.startWeek.localeCompare(b.startWeek));
  return (
    <Table responsive firstCellIsHeader caption={caption} captionProps={{ size: 's' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>{party === 'ANALYST' ? 'Request' : 'Analyst and request'}</Table.Cell>
          <Table.Cell>Time and weeks</Table.Cell>
          <Table.Cell>Why</Table.Cell>
          <Table.Cell>Your decision</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {ordered.map((proposal) => {
          const label = party === 'ANALYST' ? proposal.request.title : `${proposal.analyst.name} for ${proposal.request.title}`;
          const others = proposal.awaitingParties.filter((waiting) => waiting !== party);
          return (
            <Table.Row key={proposal.id}>
              <Table.Cell>
                <Link to={`/allocations/${proposal.id}`}>{label}</Link>
                <span className="nhsuk-body-s app-secondary-text">
                  {party === 'REQUESTER' ? `Analyst from ${proposal.analyst.organisation.name}` : `For ${proposal.request.organisation.name}`}
                </span>
              </Table.Cell>
              <Table.Cell>
                {fteLabel(proposal.fte)} a week, {weeksLabel(proposal.startWeek, proposal.endWeek)}
              </Table.Cell>
              <Table.Cell>{proposal.explanation?.summary ?? 'Proposed by the workforce lead.'}</Table.Cell>
              <Table.Cell>
                {proposal.awaitingParties.includes(party)
                  ? 'Waiting for you'
                  : `You accepted${others.length > 0 ? `; waiting for ${others.map((other) => partyLabels[other].toLowerCase()).join(', ')}` : ''}`}
              </Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table>
  );
}
