export type Party = 'REQUESTER' | 'RELEASE' | 'ANALYST';

export const partyLabels: Record<Party, string> = {
  REQUESTER: 'Requesting organisation lead',
  RELEASE: 'Home organisation lead (release)',
  ANALYST: 'Analyst',
};

const decisionLabels: Record<string, string> = {
  PENDING: 'Not decided yet',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  NOT_REQUIRED: 'Not needed',
};

export function decisionLabel(decision: string): string {
  return decisionLabels[decision] ?? decision;
}

const kindLabels: Record<string, string> = {
  STANDARD: 'Standard',
  DEVELOPMENT: 'Development placement',
  MENTOR: 'Mentor',
};

export function kindLabel(kind: string): string {
  return kindLabels[kind] ?? kind;
}

interface StageFields {
  status: string;
  confirmed: boolean;
  awaitingParties: readonly Party[];
}

/** Where a proposal is in its journey, in words: who acts next. */
export function stageLabel({ status, confirmed, awaitingParties }: StageFields): string {
  if (status !== 'PROPOSED') return '';
  if (!confirmed) return 'Waiting for the workforce lead to confirm';
  if (awaitingParties.length === 0) return 'Confirmed';
  return `Waiting for: ${awaitingParties.map((party) => partyLabels[party].toLowerCase()).join(', ')}`;
}

interface Decisions {
  requesterDecision: string;
  releaseDecision: string;
  analystDecision: string;
}

/** No party has accepted or declined yet: the only time the workforce lead may still change a proposal. */
export function nobodyHasDecided(allocation: Decisions): boolean {
  return [allocation.requesterDecision, allocation.releaseDecision, allocation.analystDecision].every(
    (decision) => decision === 'PENDING' || decision === 'NOT_REQUIRED',
  );
}
