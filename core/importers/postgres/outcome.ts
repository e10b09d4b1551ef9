/**
 * What a statement did to the design: `imported` (it changed the model), `ignored` (understood,
 * with nothing for the model: OWNER TO, session settings), or skipped, with the reason people see.
 */
export type Outcome = 'imported' | 'ignored' | { readonly skipped: string }
