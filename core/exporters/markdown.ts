/**
 * Markdown docs: a data dictionary in the shape the seeds describe, readable on GitHub and
 * golden-file tested. Documentation says everything in words, so nothing is lost; only the
 * embedded diagram gives way to Mermaid's size limit.
 *
 * | construct                                        | exported |
 * |--------------------------------------------------|----------|
 * | title (document name), counts, schemas            | heading and summary |
 * | ER diagram                                        | the Mermaid export in a ```mermaid block; without columns, or left out (info), past Mermaid's 50,000 characters |
 * | tables overview                                   | table, purpose (comment), column count; links to each section |
 * | enums                                             | values and comments |
 * | columns                                           | type, nullable, default / identity / generated, PK, FK target, UQ, CHECK, comment |
 * | indexes                                           | name, keys with order, nulls, opclass, collation; method, unique, INCLUDE, WHERE, NULLS NOT DISTINCT, comment |
 * | constraints                                       | primary key, uniques, checks, foreign keys with actions, MATCH, DEFERRABLE, comments |
 * | relationships                                     | both directions, with cardinality in words and ON DELETE / ON UPDATE |
 * | any name or comment                               | escaped so that it renders as text (pipes, backticks, HTML, line breaks, `$`) |
 */
import { mapMarkdownParts } from './markdown/map.ts'
import { printMarkdownParts } from './markdown/print.ts'
import type { Exporter } from './types.ts'

export const markdown: Exporter = {
  id: 'markdown',
  label: 'Markdown',
  fileExtension: 'md',
  export(schema, options) {
    const { head, tables, diagnostics } = mapMarkdownParts(schema, options?.document)
    return { text: printMarkdownParts(head, tables), diagnostics }
  },
}
