/**
 * The top bar: the document, history, the main design actions and the panels. The main actions
 * carry exactly the names design.md promises ("Add table", "Auto layout", "Import", "Export",
 * "Undo", "Redo"), so people, screen readers and tests find them the same way.
 */
import { BookmarkPlus, Code2, Download, GitCompareArrows, ListChecks, MessageSquare, Network, PanelBottom, PanelLeft, PanelRight, Plus, Redo2, Search, Share2, Undo2, Upload } from 'lucide-react'
import { Button, IconButton } from '../components/Button.tsx'
import { LogoMark } from '../components/icons.tsx'
import { useCommand } from '../hooks/useCommand.ts'
import { selectProblemCounts, selectRelationshipCount, selectTableCount } from '../store/selectors.ts'
import { useApp } from '../store/index.ts'
import { DocumentTitle } from './projects/DocumentTitle.tsx'
import { ThemeSwitch } from './ThemeSwitch.tsx'
import './TopBar.css'

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

function CommandIcon({ id, label, icon }: { readonly id: string; readonly label: string; readonly icon: React.ReactNode }) {
  const { enabled, run, shortcut } = useCommand(id)
  return (
    <IconButton label={label} shortcut={shortcut} disabled={!enabled} onClick={run}>
      {icon}
    </IconButton>
  )
}

function CommandButton({ id, label, icon, variant = 'ghost' }: { readonly id: string; readonly label: string; readonly icon: React.ReactNode; readonly variant?: 'ghost' | 'primary' | 'secondary' }) {
  const { enabled, run, shortcut } = useCommand(id)
  return (
    <Button variant={variant} icon={icon} disabled={!enabled} onClick={run} title={shortcut ? `${label} (${shortcut})` : label}>
      {label}
    </Button>
  )
}

function ProblemsToggle() {
  const counts = useApp(selectProblemCounts)
  const open = useApp((s) => s.panels.problems)
  const toggle = useApp((s) => s.togglePanel)
  const total = counts.error + counts.warning + counts.info
  const label = total === 0 ? 'Problems: none' : `Problems: ${plural(counts.error, 'error', 'errors')}, ${plural(counts.warning, 'warning', 'warnings')}, ${plural(counts.info, 'note', 'notes')}`
  // The name comes from the content (hidden words around the visible counts), so what is seen is
  // part of what is heard.
  return (
    <button type="button" className="cf-problem-toggle" aria-pressed={open} title={label} onClick={() => toggle('problems')}>
      <span className="cf-visually-hidden">Problems: </span>
      <span className="cf-problem-toggle__count cf-problem-toggle__count--error">{counts.error}</span>
      <span className="cf-visually-hidden"> {counts.error === 1 ? 'error' : 'errors'}, </span>
      <span className="cf-problem-toggle__count cf-problem-toggle__count--warning">{counts.warning}</span>
      <span className="cf-visually-hidden"> {counts.warning === 1 ? 'warning' : 'warnings'}, </span>
      <span className="cf-problem-toggle__count cf-problem-toggle__count--info">{counts.info}</span>
      <span className="cf-visually-hidden"> {counts.info === 1 ? 'note' : 'notes'}</span>
    </button>
  )
}

/** Shown once the design has review comments (merged from a reviewer's link). */
function CommentsButton() {
  const comments = useApp((s) => s.document.comments)
  const open = useApp((s) => s.openDialog)
  if (!comments || comments.length === 0) return null
  const unresolved = comments.filter((c) => !c.resolved).length
  return (
    // The count alone is shown (the bar is full); the name says what it counts.
    <Button variant="ghost" icon={<MessageSquare size={15} aria-hidden />} onClick={() => open({ kind: 'comments' })} title="Review comments" aria-label={`Comments (${unresolved})`}>
      {String(unresolved)}
    </Button>
  )
}

function PanelToggle({ panel, label, icon, shortcut }: { readonly panel: 'outline' | 'inspector' | 'problems' | 'code' | 'migrations'; readonly label: string; readonly icon: React.ReactNode; readonly shortcut?: string }) {
  const open = useApp((s) => s.panels[panel] && !(panel === 'inspector' && s.panels.migrations))
  const toggle = useApp((s) => s.togglePanel)
  return (
    <IconButton label={label} pressed={open} shortcut={shortcut} onClick={() => toggle(panel)}>
      {icon}
    </IconButton>
  )
}

function CodeToggle() {
  const { shortcut } = useCommand('toggle-code')
  return <PanelToggle panel="code" label="Code panel" shortcut={shortcut} icon={<Code2 size={16} aria-hidden />} />
}

export function TopBar() {
  const tables = useApp(selectTableCount)
  const relationships = useApp(selectRelationshipCount)
  const palette = useCommand('command-palette')
  return (
    <header className="cf-topbar">
      <div className="cf-topbar__brand">
        <LogoMark />
        <span className="cf-topbar__app">Crowsfoot</span>
      </div>
      <span className="cf-topbar__divider" aria-hidden="true" />
      <div className="cf-topbar__document">
        <DocumentTitle />
        <span className="cf-topbar__meta">
          {plural(tables, 'table', 'tables')} · {plural(relationships, 'relationship', 'relationships')}
        </span>
      </div>

      <div className="cf-topbar__group" role="group" aria-label="History">
        <CommandIcon id="undo" label="Undo" icon={<Undo2 size={16} aria-hidden />} />
        <CommandIcon id="redo" label="Redo" icon={<Redo2 size={16} aria-hidden />} />
      </div>
      <div className="cf-topbar__group" role="group" aria-label="Design">
        <CommandButton id="add-table" label="Add table" icon={<Plus size={15} aria-hidden />} variant="primary" />
        <CommandButton id="auto-layout" label="Auto layout" icon={<Network size={15} aria-hidden />} />
      </div>
      <div className="cf-topbar__group" role="group" aria-label="Files">
        <CommandButton id="import" label="Import" icon={<Upload size={15} aria-hidden />} />
        <CommandButton id="export" label="Export" icon={<Download size={15} aria-hidden />} />
        <CommandButton id="share" label="Share" icon={<Share2 size={15} aria-hidden />} />
      </div>
      <div className="cf-topbar__group" role="group" aria-label="Versions">
        <CommandIcon id="save-version" label="Save version" icon={<BookmarkPlus size={16} aria-hidden />} />
        <PanelToggle panel="migrations" label="Migrations" icon={<GitCompareArrows size={16} aria-hidden />} />
      </div>

      <div className="cf-topbar__actions">
        <button type="button" className="cf-search-button" onClick={palette.run} aria-keyshortcuts="Control+K" title={`Search and commands (${palette.shortcut})`}>
          <Search size={14} aria-hidden />
          <span>Search</span>
          <span className="cf-visually-hidden"> and commands</span>
          <kbd className="cf-kbd" aria-hidden="true">
            {palette.shortcut}
          </kbd>
        </button>
        <CommentsButton />
        <ProblemsToggle />
        <CommandIcon id="configure-rules" label="Rules" icon={<ListChecks size={16} aria-hidden />} />
        <div className="cf-topbar__group" role="group" aria-label="Panels">
          <PanelToggle panel="outline" label="Table list" icon={<PanelLeft size={16} aria-hidden />} />
          <PanelToggle panel="problems" label="Problems panel" icon={<PanelBottom size={16} aria-hidden />} />
          <CodeToggle />
          <PanelToggle panel="inspector" label="Inspector" icon={<PanelRight size={16} aria-hidden />} />
        </div>
        <ThemeSwitch />
      </div>
    </header>
  )
}
