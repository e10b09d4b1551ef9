/**
 * One keydown listener for every command's chords. Keys typed into a text field belong to the
 * field (its own undo, Delete and Tab), except the few commands marked `inTextFields`.
 */
import { useEffect } from 'react'
import { commands } from '../commands/index.ts'
import { matchesChord } from '../commands/keys.ts'
import type { AppStore } from '../store/index.ts'

export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'range', 'color'].includes(target.type)
  // Monaco's hidden textarea is a textarea; its container keeps focus on the editor area.
  return target.closest('.monaco-editor') !== null
}

export function useShortcuts(store: AppStore): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return
      const inField = isTextField(event.target)
      // A modal dialog owns the keyboard, apart from the chords that open or close it.
      const dialogOpen = store.getState().dialog.kind !== 'none'
      for (const command of commands) {
        if (!command.keys?.some((k) => matchesChord(event, k))) continue
        if (inField && !command.inTextFields) return
        if (dialogOpen && command.id !== 'command-palette') return
        const state = store.getState()
        if (command.enabled && !command.enabled(state)) return
        event.preventDefault()
        void command.run(store)
        return
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [store])
}
