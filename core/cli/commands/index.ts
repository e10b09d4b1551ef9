import { diffCommand } from './diff.ts'
import { exportCommand } from './export.ts'
import { importCommand } from './import.ts'
import { lintCommand } from './lint.ts'
import { pullCommand } from './pull.ts'
import type { Command } from './types.ts'

/** Every command, in design.md's order (which `--help` follows). Add new commands here. */
export const commands: readonly Command[] = [importCommand, exportCommand, lintCommand, diffCommand, pullCommand]

export type { Command } from './types.ts'
