// Error shapes (reference §6.9): 401 without a valid token, 404 for a missing object, 400
// VALIDATION_ERROR for bad property values; all carry status, message, correlationId, category.
import { Client } from '@hubspot/api-client';
import { expect, it } from 'vitest';
import { sdk, sdkError } from './target/access-token';
import { forEachTarget } from './target/targets';

forEachTarget('Error shapes', (target) => {
  it('401 with an invalid token', async () => {
    const stranger = new Client({ basePath: target().apiBase, accessToken: 'not-a-token' });
    const error = await sdkError(stranger.crm.contacts.basicApi.getPage(1));
    expect(error.code).toBe(401);
    expect(error.body).toMatchObject({ status: 'error', message: expect.any(String), correlationId: expect.any(String), category: expect.stringMatching(/AUTHENTICATION/) });
  });

  it('404 for a contact that does not exist', async () => {
    const client = await sdk(target());
    const error = await sdkError(client.crm.contacts.basicApi.getById('999999999999'));
    expect(error.code).toBe(404);
    expect(error.body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND', correlationId: expect.any(String) });
  });

  it('400 VALIDATION_ERROR naming a property that does not exist', async () => {
    const client = await sdk(target());
    const error = await sdkError(client.crm.contacts.basicApi.create({ properties: { waymark_no_such_property_x: '1' }, associations: [] }));
    expect(error.code).toBe(400);
    expect(error.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(String(error.body.message)).toContain('PROPERTY_DOESNT_EXIST');
  });

  it('400 VALIDATION_ERROR for an enumeration value that is not an option', async () => {
    const client = await sdk(target());
    const error = await sdkError(client.crm.contacts.basicApi.create({ properties: { lifecyclestage: 'not_a_stage' }, associations: [] }));
    expect(error.code).toBe(400);
    expect(String(error.body.message)).toContain('INVALID_OPTION');
  });
});
