import { describe, expect, it } from 'vitest'
import { statementKind } from './postgres/kinds.ts'
import { splitStatements } from './postgres/split.ts'

const split = (text: string) => splitStatements(text).map((c) => (c.kind === 'sql' ? text.slice(c.start, c.end) : `[${c.kind}] ${text.slice(c.start, c.end)}`))

describe('splitStatements', () => {
  const cases: Array<[string, string, string[]]> = [
    ['semicolons in strings, identifiers and comments', `SELECT ';', "a;b" -- c;\n; /* d; /* nested; */ e; */ SELECT 2`, [`SELECT ';', "a;b" -- c;`, 'SELECT 2']],
    ['doubled quotes', `SELECT 'it''s; fine'; SELECT "say ""hi;"""`, [`SELECT 'it''s; fine'`, `SELECT "say ""hi;"""`]],
    ['E-strings with backslash escapes', `SELECT E'it\\'s; x'; SELECT 'c:\\'; SELECT 3`, [`SELECT E'it\\'s; x'`, `SELECT 'c:\\'`, 'SELECT 3']],
    ['dollar quotes with and without tags', 'CREATE FUNCTION f() AS $$ a; $b$ $$; DO $x$ $$; $x$; SELECT a$b', ['CREATE FUNCTION f() AS $$ a; $b$ $$', 'DO $x$ $$; $x$', 'SELECT a$b']],
    ['positional parameters are not dollar quotes', 'PREPARE p AS SELECT $1; SELECT 1', ['PREPARE p AS SELECT $1', 'SELECT 1']],
    ['BEGIN ATOMIC bodies (psql rule)', 'CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 1 END; END; SELECT 2', ['CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 1 END; END', 'SELECT 2']],
    ['BEGIN as a transaction is a statement of its own', 'BEGIN; CREATE TABLE t (a int); COMMIT;', ['BEGIN', 'CREATE TABLE t (a int)', 'COMMIT']],
    ['semicolons inside parentheses (psql rule)', 'CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2); SELECT 3', ['CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2)', 'SELECT 3']],
    ['psql meta-commands end the statement in progress', 'SELECT 1 \\gset\n\\connect db\nSELECT 2;', ['SELECT 1', '[meta] \\gset', '[meta] \\connect db', 'SELECT 2']],
    ['COPY FROM stdin data up to \\.', "COPY t FROM stdin;\n1\t'a;\n2\t$$\n\\.\nSELECT 1;", ['COPY t FROM stdin', "[copy-data] 1\t'a;\n2\t$$\n\\.", 'SELECT 1']],
    ['psql \\copy from stdin data', '\\copy t from stdin\n1\n\\.\nSELECT 1;', ['[meta] \\copy t from stdin', '[copy-data] 1\n\\.', 'SELECT 1']],
    ['COPY data without an end runs to the end of the file', 'COPY t FROM stdin;\n1\n2', ['COPY t FROM stdin', '[copy-data] 1\n2']],
    ['standard_conforming_strings = off makes backslashes escape', "SET standard_conforming_strings = off; SELECT 'a\\'; b'; SELECT 2", ['SET standard_conforming_strings = off', "SELECT 'a\\'; b'", 'SELECT 2']],
    ['an unterminated quote runs to the end', "SELECT 'abc; SELECT 2", ["SELECT 'abc; SELECT 2"]],
    ['empty statements and a missing final semicolon', ';;\n  SELECT 1 ;; SELECT 2  ', ['SELECT 1', 'SELECT 2']],
  ]
  it.each(cases)('splits %s', (_, text, expected) => {
    expect(split(text)).toEqual(expected)
  })

  it('splits at every semicolon when asked to (the fallback for broken statements)', () => {
    const text = 'CREATE TABLE a (id int; CREATE TABLE b (id int);'
    expect(splitStatements(text).length).toBe(1)
    expect(splitStatements(text, 0, text.length, { flat: true }).map((c) => text.slice(c.start, c.end))).toEqual(['CREATE TABLE a (id int', 'CREATE TABLE b (id int)'])
  })
})

describe('statementKind', () => {
  it.each([
    ['CREATE OR REPLACE FUNCTION f()', 'CREATE FUNCTION'],
    ['create unique index i on t (a)', 'CREATE INDEX'],
    ['CREATE MATERIALIZED VIEW v AS SELECT 1', 'CREATE MATERIALIZED VIEW'],
    ['create text search configuration c (copy = english)', 'CREATE TEXT SEARCH CONFIGURATION'],
    ['CREATE TEMP TABLE t (a int)', 'CREATE TABLE'],
    ['-- lead\n/* c */ ALTER TABLE ONLY t OWNER TO x', 'ALTER TABLE'],
    ['COMMENT ON MATERIALIZED VIEW v IS NULL', 'COMMENT ON MATERIALIZED VIEW'],
    ['grant select on t to u', 'GRANT'],
    ['(SELECT 1)', 'SELECT'],
    ['Enum status { active }', 'statement'],
  ])('names %s as %s', (text, kind) => {
    expect(statementKind(text)).toBe(kind)
  })
})
