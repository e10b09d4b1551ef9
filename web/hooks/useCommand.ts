/** A command as a button needs: whether it is enabled now, its first chord, and a way to run it. */
import { useCallback } from 'react'
import { getCommand } from '../commands/index.ts'
import { formatChord } from '../commands/keys.ts'
import { appStore, useApp } from '../store/index.ts'

export function useCommand(id: string) {
  const command = getCommand(id)
  const enabled = useApp((s) => (command.enabled ? command.enabled(s) : true))
  const run = useCallback(() => void command.run(appStore), [command])
  const chord = command.keys?.[0]
  return { command, enabled, run, shortcut: chord ? formatChord(chord) : undefined }
}
