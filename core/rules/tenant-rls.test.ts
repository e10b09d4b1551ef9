import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './tenant-rls.ts'

const projects = (comment?: string) => schema({ projects: table({ id: col('bigint').primaryKey(), tenant_id: col('uuid').notNull() }, comment ? { comment } : {}) })

ruleTester.run(rule, {
  valid: [
    projects('Projects; RLS policy tenant_isolation.'),
    { name: 'listed in options', options: { tables: ['projects'] }, schema: projects() },
    { name: 'no tenant column', schema: schema({ t: table({ id: col('bigint').primaryKey() }) }) },
    { name: 'another tenant column', options: { column: 'org_id' }, schema: projects() },
    { name: "S2's tenants table, keyed by the tenant", schema: schema({ tenants: table({ tenant_id: col('uuid').primaryKey(), tenant_name: col('text') }) }) },
  ],
  invalid: [{ schema: projects(), errors: [{ messageId: 'noPolicy', target: { table: 'projects', column: 'tenant_id' } }] }],
})
