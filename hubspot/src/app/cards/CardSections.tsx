/**
 * The presentational parts of the Waymark card: warnings, active runs, the last decision ("why")
 * and lane holdings. Pure functions of the parsed payload so tests can assert exactly what shows.
 */
import React from 'react';
import { Alert, DescriptionList, DescriptionListItem, Flex, Heading, Tag, Text } from '@hubspot/ui-extensions';
import { formatInstant, type CardPayload, type LastDecision } from './waymark-card-payload';

type TagVariant = 'default' | 'warning' | 'success' | 'error' | 'info';

/** Colours a decision outcome the way HubSpot colours status: green in, red out, grey otherwise. */
export function outcomeVariant(outcome: string): TagVariant {
  const value = outcome.toLowerCase();
  if (['enrolled', 'entered', 'accepted', 'completed', 'goal'].includes(value)) return 'success';
  if (['rejected', 'blocked', 'failed', 'exited'].includes(value)) return 'error';
  if (['deferred', 'waiting', 'queued'].includes(value)) return 'warning';
  return 'default';
}

export function WarningsSection({ warnings }: { warnings: CardPayload['warnings'] }) {
  if (warnings.length === 0) return null;
  return (
    <Flex direction="column" gap="xs">
      {warnings.map((warning) => (
        <Alert key={warning.code} title={warning.code} variant="warning" testId={`warning-${warning.code}`}>
          {warning.message}
        </Alert>
      ))}
    </Flex>
  );
}

export function RunsSection({ runs }: { runs: CardPayload['activeRuns'] }) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>Active runs</Heading>
      {runs.length === 0 ? (
        <Text variant="microcopy" testId="no-active-runs">
          No contract is running on this record.
        </Text>
      ) : (
        runs.map((run) => (
          <Flex key={run.runId} direction="column" gap="flush" testId={`run-${run.runId}`}>
            <Flex direction="row" gap="xs" align="center" wrap>
              <Text format={{ fontWeight: 'bold' }}>{run.contractName}</Text>
              {run.stepId ? <Tag variant="info">{`step: ${run.stepId}`}</Tag> : null}
            </Flex>
            <Text variant="microcopy">
              {`Started ${formatInstant(run.startedAt)} · next due ${formatInstant(run.dueAt)}`}
            </Text>
          </Flex>
        ))
      )}
    </Flex>
  );
}

export function DecisionSection({ decision }: { decision: LastDecision | null }) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>Why (last decision)</Heading>
      {decision === null ? (
        <Text variant="microcopy" testId="no-decision">
          Waymark has not decided anything for this record yet.
        </Text>
      ) : (
        <DescriptionList direction="column" testId="last-decision">
          <DescriptionListItem label="Outcome">
            <Tag variant={outcomeVariant(decision.outcome)}>{decision.outcome}</Tag>
          </DescriptionListItem>
          <DescriptionListItem label="Reason">
            <Text>{decision.reason}</Text>
          </DescriptionListItem>
          <DescriptionListItem label="Contract">
            <Text>{`${decision.contractKey ?? 'no single contract'} (${decision.kind})`}</Text>
          </DescriptionListItem>
          <DescriptionListItem label="When">
            <Text>{formatInstant(decision.at)}</Text>
          </DescriptionListItem>
        </DescriptionList>
      )}
    </Flex>
  );
}

export function LanesSection({ lanes }: { lanes: CardPayload['lanes'] }) {
  if (lanes.length === 0) return null;
  return (
    <Flex direction="column" gap="xs">
      <Heading>Lanes held</Heading>
      <Flex direction="row" gap="xs" wrap>
        {lanes.map((lane) => (
          <Tag key={lane.lane} variant="default" testId={`lane-${lane.lane}`}>
            {`${lane.lane} → ${lane.contractKey}`}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}
