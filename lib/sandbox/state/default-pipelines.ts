/** HubSpot's default pipelines: the sales pipeline (stage order and probabilities), the support pipeline, and the contact lifecycle. */

/** A pipeline stage in the pipelines API shape. */
export interface PipelineStage {
  id: string;
  label: string;
  displayOrder: number;
  metadata: Record<string, string>;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  writePermissions: string;
}

/** A pipeline in the pipelines API shape; stages in display order. */
export interface Pipeline {
  id: string;
  label: string;
  displayOrder: number;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  stages: PipelineStage[];
}

const AT = '2020-01-01T00:00:00.000Z';

function pipeline(id: string, label: string, stages: [string, string, Record<string, string>][]): Pipeline {
  return {
    id,
    label,
    displayOrder: 0,
    archived: false,
    createdAt: AT,
    updatedAt: AT,
    stages: stages.map(([stageId, stageLabel, metadata], index) => ({
      id: stageId,
      label: stageLabel,
      displayOrder: index,
      metadata,
      archived: false,
      createdAt: AT,
      updatedAt: AT,
      writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
    })),
  };
}

const deal = (probability: string, isClosed = false) => ({ probability, isClosed: String(isClosed) });

/** Fresh copies of the default pipelines per object type (each portal owns its own). */
export function defaultPipelines(): Record<'deals' | 'tickets' | 'contacts', Pipeline[]> {
  return {
    deals: [
      pipeline('default', 'Sales Pipeline', [
        ['appointmentscheduled', 'Appointment Scheduled', deal('0.2')],
        ['qualifiedtobuy', 'Qualified To Buy', deal('0.4')],
        ['presentationscheduled', 'Presentation Scheduled', deal('0.6')],
        ['decisionmakerboughtin', 'Decision Maker Bought-In', deal('0.8')],
        ['contractsent', 'Contract Sent', deal('0.9')],
        ['closedwon', 'Closed Won', deal('1.0', true)],
        ['closedlost', 'Closed Lost', deal('0.0', true)],
      ]),
    ],
    tickets: [
      pipeline('0', 'Support Pipeline', [
        ['1', 'New', { ticketState: 'OPEN' }],
        ['2', 'Waiting on contact', { ticketState: 'OPEN' }],
        ['3', 'Waiting on us', { ticketState: 'OPEN' }],
        ['4', 'Closed', { ticketState: 'CLOSED' }],
      ]),
    ],
    contacts: [
      pipeline('contacts-lifecycle-pipeline', 'Lifecycle Stage Pipeline', [
        ['subscriber', 'Subscriber', {}],
        ['lead', 'Lead', {}],
        ['marketingqualifiedlead', 'Marketing Qualified Lead', {}],
        ['salesqualifiedlead', 'Sales Qualified Lead', {}],
        ['opportunity', 'Opportunity', {}],
        ['customer', 'Customer', {}],
        ['evangelist', 'Evangelist', {}],
        ['other', 'Other', {}],
      ]),
    ],
  };
}
