/**
 * What the linter knows beyond the contracts themselves. Time is passed in (rules never read the
 * clock); portal facts such as the lifecycle order or last enrollment times are optional.
 */

/** Context a caller may give the linter. */
export type LintContext = {
  /** The current time (from the caller's clock). */
  now: Date;
  /** Stage orders known from the portal, per property (`lifecyclestage` → ordered values). */
  stageOrders?: Readonly<Record<string, readonly string[]>>;
  /**
   * Last enrollment time per contract key, from the state store: a date, `null` for never.
   * A key that is absent is unknown, and `untriggered-contract` stays quiet about it.
   */
  lastEnrolledAt?: Readonly<Record<string, Date | null>>;
  /** When each contract went live, per key (used with a `null` last enrollment). */
  liveSince?: Readonly<Record<string, Date>>;
  /**
   * The portal's property names per object, from the CRM's properties API. When given for an
   * object, a `property_changed` trigger on a property missing from the list can never fire.
   */
  portalProperties?: Readonly<Partial<Record<'contact' | 'deal' | 'company' | 'ticket', readonly string[]>>>;
};

/** Context after the linter merged in what the contract set itself declares. */
export type ResolvedLintContext = LintContext & {
  /** Stage orders from the context, completed by orders the contracts declare. */
  stageOrders: Readonly<Record<string, readonly string[]>>;
};
