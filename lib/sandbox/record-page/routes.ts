/**
 * The fake HubSpot UI the sandbox serves next to the API: record pages with the app card, a
 * records index, read-only workflow pages (HubSpot's workflow editor URL), the card host bundle and the card's signed fetch proxy. Registered in the
 * sandbox's route registry (handlers/routes.ts).
 */
import type { Route } from '../http/router';
import { cardFetch } from './card-fetch';
import { cardHostScript } from './card-host-script';
import { recordPage } from './record-page-route';
import { recordsIndex } from './records-index-route';
import { workflowPage } from './workflow-page-route';

export const RECORD_PAGE_ROUTES = [recordPage, recordsIndex, workflowPage, cardHostScript, cardFetch] as const satisfies readonly Route[];
