/**
 * The sandbox's route registry: every endpoint it serves, in match order. Literal paths that
 * share a prefix with a `:param` path (e.g. `/batch/read`, `/search`) come first.
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
import { objectArchive } from './crm/object-archive';
import { objectCreate } from './crm/object-create';
import { objectGet } from './crm/object-get';
import { objectList } from './crm/object-list';
import { objectUpdate } from './crm/object-update';

export const ROUTES = [
  authorizePage,
  authorizeSubmit,
  token,
  tokenIntrospect,
  tokenRevoke,
  accessTokenGet,
  refreshTokenGet,
  refreshTokenDelete,
  objectList,
  objectCreate,
  objectGet,
  objectUpdate,
  objectArchive,
] as const satisfies readonly Route[];
