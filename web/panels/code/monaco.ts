/**
 * Monaco, bundled by Vite (never from a CDN): the editor core with its standard features, the
 * few languages the panel shows, its worker from a local `?worker` chunk, the app's two themes
 * and DBML's language services from @dbml/parse. This module is loaded only with the code panel.
 */
import * as monaco from 'monaco-editor/editor/editor.api'
import 'monaco-editor/features/register.all'
import 'monaco-editor/languages/definitions/pgsql/register'
import 'monaco-editor/languages/definitions/typescript/register'
import 'monaco-editor/languages/definitions/markdown/register'
import 'monaco-editor/languages/definitions/javascript/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import {
  Compiler,
  DBMLCompletionItemProvider,
  DBMLDefinitionProvider,
  DBMLReferencesProvider,
  Filepath,
  MemoryProjectLayout,
  dbmlLanguageConfig,
  dbmlMonarchTokensProvider,
} from '@dbml/parse'

// Every label gets the plain editor worker: none of the languages here has a worker of its own.
self.MonacoEnvironment = { getWorker: () => new EditorWorker() }

/** Colours from web/styles/theme.css, written out: Monaco takes no CSS variables. */
const palettes = {
  light: { bg: '#ffffff', fg: '#16181d', muted: '#666d7a', line: '#f5f6f9', border: '#e3e6eb', accent: '#4d55d6', selection: '#4d55d62e', keyword: '#4d55d6', string: '#0b6a54', number: '#865600', comment: '#666d7a', type: '#3d44bd' },
  dark: { bg: '#1a1d23', fg: '#e9ebf0', muted: '#858c98', line: '#22252c', border: '#2b2f38', accent: '#8f95ff', selection: '#8f95ff3d', keyword: '#8f95ff', string: '#67d7b9', number: '#f1c462', comment: '#858c98', type: '#b1b5ff' },
} as const

for (const [name, p] of Object.entries(palettes)) {
  monaco.editor.defineTheme(`crowsfoot-${name}`, {
    base: name === 'dark' ? 'vs-dark' : 'vs',
    inherit: true,
    rules: [
      { token: 'keyword', foreground: p.keyword.slice(1) },
      { token: 'string', foreground: p.string.slice(1) },
      { token: 'number', foreground: p.number.slice(1) },
      { token: 'comment', foreground: p.comment.slice(1), fontStyle: 'italic' },
      { token: 'type', foreground: p.type.slice(1) },
      { token: 'predefined', foreground: p.type.slice(1) },
    ],
    colors: {
      'editor.background': p.bg,
      'editor.foreground': p.fg,
      'editorLineNumber.foreground': p.muted,
      'editorLineNumber.activeForeground': p.fg,
      // Monaco dims the number of a last, empty line; it still has to be legible (4.5:1).
      'editorLineNumber.dimmedForeground': p.muted,
      'editor.lineHighlightBackground': p.line,
      'editor.lineHighlightBorder': p.line,
      'editor.selectionBackground': p.selection,
      'editorCursor.foreground': p.accent,
      'editorWidget.border': p.border,
      'editorGutter.background': p.bg,
      focusBorder: p.accent,
    },
  })
}

/**
 * One DBML compiler for the language services (completion, go to definition, references),
 * fed the text of every DBML model as it changes. Parsing for the design runs in the worker.
 */
const layout = new MemoryProjectLayout()
const compiler = new Compiler(layout)
const dbmlPath = (model: monaco.editor.ITextModel) => Filepath.fromUri(model.uri.toString())

monaco.languages.register({ id: 'dbml', extensions: ['.dbml'], aliases: ['DBML'] })
// @dbml/parse declares its own copies of Monaco's types (same shapes), hence the casts.
monaco.languages.setMonarchTokensProvider('dbml', dbmlMonarchTokensProvider as unknown as monaco.languages.IMonarchLanguage)
monaco.languages.setLanguageConfiguration('dbml', dbmlLanguageConfig as unknown as monaco.languages.LanguageConfiguration)
// @dbml/parse compiles the whole text on the main thread for each completion: past this size that
// is a long task, so the panel turns suggestions-while-typing off (see `typingSuggestions`) and
// completion comes when asked for (Ctrl+Space); trigger characters ask only for small texts.
export const typingCompletionLimit = 40_000
const dbmlCompletion = new DBMLCompletionItemProvider(compiler) as unknown as monaco.languages.CompletionItemProvider
monaco.languages.registerCompletionItemProvider('dbml', {
  ...(dbmlCompletion.triggerCharacters ? { triggerCharacters: dbmlCompletion.triggerCharacters } : {}),
  provideCompletionItems(model, position, context, token) {
    if (context.triggerKind === monaco.languages.CompletionTriggerKind.TriggerCharacter && model.getValueLength() > typingCompletionLimit) return { suggestions: [] }
    return dbmlCompletion.provideCompletionItems(model, position, context, token)
  },
})

/** Keeps suggestions-while-typing on for texts small enough to compile between keystrokes. */
export function typingSuggestions(editor: monaco.editor.IStandaloneCodeEditor): monaco.IDisposable {
  let on: boolean | undefined
  const update = () => {
    const model = editor.getModel()
    const next = !model || model.getLanguageId() !== 'dbml' || model.getValueLength() <= typingCompletionLimit
    if (next !== on) editor.updateOptions({ quickSuggestions: (on = next) })
  }
  update()
  const a = editor.onDidChangeModel(update)
  const b = editor.onDidChangeModelContent(update)
  return { dispose: () => (a.dispose(), b.dispose()) }
}

monaco.languages.registerDefinitionProvider('dbml', new DBMLDefinitionProvider(compiler) as unknown as monaco.languages.DefinitionProvider)
monaco.languages.registerReferenceProvider('dbml', new DBMLReferencesProvider(compiler) as unknown as monaco.languages.ReferenceProvider)

/** Keeps the DBML compiler's copy of a model current; call once per DBML model. */
export function trackDbmlModel(model: monaco.editor.ITextModel): monaco.IDisposable {
  const path = dbmlPath(model)
  layout.setSource(path, model.getValue())
  const sub = model.onDidChangeContent(() => layout.setSource(path, model.getValue()))
  return { dispose: () => (sub.dispose(), layout.deleteSource(path)) }
}

export { monaco }
