/**
 * The sandbox's route registry: every endpoint it serves. Routes with literal segments where
 * another route has a `:param` (e.g. `/batch/read` vs `/{objectId}`) never share a method and
 * segment count, so match order does not matter; it follows the API areas for reading.
 */
import type { Route } from '../http/router';
import { accessTokenGet } from './oauth/access-token-get';
import { authorizePage } from './oauth/authorize-page';
import { authorizeSubmit } from './oauth/authorize-submit';
import { refreshTokenDelete } from './oauth/refresh-token-delete';
import { refreshTokenGet } from './oauth/refresh-token-get';
import { token } from './oauth/token';
import { tokenIntrospect } from './oauth/token-introspect';
import { tokenRevoke } from './oauth/token-revoke';
import { batchArchive } from './crm/batch-archive';
import { batchCreate } from './crm/batch-create';
import { batchRead } from './crm/batch-read';
import { batchUpdate } from './crm/batch-update';
import { gdprDelete } from './crm/gdpr-delete';
import { objectArchive } from './crm/object-archive';
import { objectCreate } from './crm/object-create';
import { objectGet } from './crm/object-get';
import { objectList } from './crm/object-list';
import { objectMerge } from './crm/object-merge';
import { objectSearch } from './crm/object-search';
import { objectUpdate } from './crm/object-update';
import { ownerGet } from './schema/owner-get';
import { ownersList } from './schema/owners-list';
import { pipelineGet } from './schema/pipeline-get';
import { pipelinesList } from './schema/pipelines-list';
import { propertiesList } from './schema/properties-list';
import { propertyCreate } from './schema/property-create';
import { propertyGet } from './schema/property-get';
import { associationBatchArchive } from './associations/association-batch-archive';
import { associationBatchCreate } from './associations/association-batch-create';
import { associationBatchRead } from './associations/association-batch-read';
import { associationCreate } from './associations/association-create';
import { associationCreateDefault } from './associations/association-create-default';
import { associationDelete } from './associations/association-delete';
import { associationList } from './associations/association-list';
import { callbackComplete } from './automation/callback-complete';
import { flowCreate } from './automation/flow-create';
import { flowDelete } from './automation/flow-delete';
import { flowGet } from './automation/flow-get';
import { flowUpdate } from './automation/flow-update';
import { flowsBatchRead } from './automation/flows-batch-read';
import { flowsList } from './automation/flows-list';
import { sendStatusGet } from './email/send-status-get';
import { singleSend } from './email/single-send';
import { externalUninstall } from './install/external-uninstall';
import { appSubscriptionsSet, appsList } from './control/apps';
import { clockGet, clockSet } from './control/clock';
import { enrollmentsList, flowEnroll } from './control/flow-enroll';
import { controlFlowCreate } from './control/flows';
import { faultAdd, faultClear, faultList } from './control/faults';
import { controlIndex } from './control/index';
import { installCreate, tokensExpire } from './control/installs';
import { portalCreate, portalsList } from './control/portals';
import { rateLimitsReset, rateLimitsSet } from './control/rate-limits';
import { emailFailureClear, emailFailureSet, recordInspect, recordRestore, recordUserEdit } from './control/records';
import { recordsList } from './control/records-list';
import { searchSettings } from './control/search-settings';
import { sentEmailsList } from './control/sent-emails';
import { signalTrigger } from './control/signal-trigger';
import { webhookControls, webhookDeliveries, webhookDrain } from './control/webhooks';
import { RECORD_PAGE_ROUTES } from '../record-page/routes';

export const ROUTES = [
  // OAuth
  authorizePage, authorizeSubmit, token, tokenIntrospect, tokenRevoke, accessTokenGet, refreshTokenGet, refreshTokenDelete,
  // CRM objects
  objectSearch, objectMerge, gdprDelete, batchRead, batchUpdate, batchCreate, batchArchive,
  objectList, objectCreate, objectGet, objectUpdate, objectArchive,
  // Schema: properties, pipelines, owners
  propertiesList, propertyGet, propertyCreate, pipelinesList, pipelineGet, ownersList, ownerGet,
  // Associations v4
  associationList, associationCreateDefault, associationCreate, associationDelete,
  associationBatchRead, associationBatchCreate, associationBatchArchive,
  // Automation, email, uninstall
  flowsList, flowCreate, flowGet, flowUpdate, flowDelete, flowsBatchRead, callbackComplete, singleSend, sendStatusGet, externalUninstall,
  // Sandbox control API
  controlIndex, portalsList, portalCreate, installCreate, tokensExpire, recordsList, controlFlowCreate, flowEnroll, enrollmentsList, recordInspect, recordUserEdit, recordRestore,
  emailFailureSet, emailFailureClear, sentEmailsList, signalTrigger, appsList, appSubscriptionsSet, faultAdd, faultList, faultClear,
  webhookDeliveries, webhookControls, webhookDrain, rateLimitsSet, rateLimitsReset, searchSettings, clockGet, clockSet,
  // Fake HubSpot UI: record pages with the app card (lib/sandbox/record-page)
  ...RECORD_PAGE_ROUTES,
] as const satisfies readonly Route[];
