/** A short highlight on the part a focus request pointed at, so the eye finds what was jumped to. */
import { useCallback, useEffect, useRef, useState } from 'react'

export const flashMs = 1600

export function useFlash<Id>() {
  const [active, setActive] = useState<Id>()
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const start = useCallback((id: Id) => {
    clearTimeout(timer.current)
    setActive(id)
    timer.current = setTimeout(() => setActive(undefined), flashMs)
  }, [])
  useEffect(() => () => clearTimeout(timer.current), [])
  return { active, start }
}
