/** The share watched that completes a lesson unless the package or the page says otherwise, for every LMS bridge. */
export const DEFAULT_COMPLETE_AT = 0.9;
