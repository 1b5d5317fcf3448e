import { readTags, TAGS_PROPERTY, type ActionExecutor } from './action-context';

/** `add_tag`: adds a tag to the record's Waymark tags (writing the same set twice is harmless). */
export const addTag: ActionExecutor = async (ctx, input) => {
  const tag = String(input.tag);
  const tags = [...new Set([...readTags(ctx.record), tag])];
  await ctx.crm.updateProperties(ctx.portalId, ctx.objectType, ctx.recordId, { [TAGS_PROPERTY]: tags.join(';') });
  return { status: 'succeeded', result: { tags } };
};

/** `remove_tag`: removes a tag from the record's Waymark tags. */
export const removeTag: ActionExecutor = async (ctx, input) => {
  const tags = readTags(ctx.record).filter((t) => t !== String(input.tag));
  await ctx.crm.updateProperties(ctx.portalId, ctx.objectType, ctx.recordId, { [TAGS_PROPERTY]: tags.join(';') });
  return { status: 'succeeded', result: { tags } };
};
