/** Which dead letters an action is for: exactly one of these. */
export interface DeadLetterSelection {
  ids?: string[];
  filter?: { kind?: 'record' | 'delivery'; reason?: string; parkedBefore?: string };
  all?: boolean;
}

/** The selection as the audit keeps it. */
export function describeSelection({ ids, filter, all }: DeadLetterSelection): object {
  if (ids) return { ids };
  if (filter) return { filter };
  return { all: all === true };
}
